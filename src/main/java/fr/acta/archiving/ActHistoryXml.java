package fr.acta.archiving;

import fr.acta.act.ActFacts;
import fr.acta.act.ActView;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** The act's history as an XML file of the package: every event, when, by whom, at which desk. */
final class ActHistoryXml {

    private ActHistoryXml() {
    }

    static byte[] write(ActFacts act, List<ActView.HistoryEntry> history) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
            w.writeStartElement("historique");
            w.writeAttribute("acte", act.id().toString());
            w.writeAttribute("numero", act.number());
            if (act.idActe() != null) {
                w.writeAttribute("idActe", act.idActe());
            }
            for (ActView.HistoryEntry h : history) {
                w.writeCharacters("\n  ");
                w.writeStartElement("evenement");
                w.writeAttribute("date", h.at().toString());
                w.writeAttribute("type", h.event());
                w.writeAttribute("acteur", h.actor() == null ? "" : h.actor());
                if (h.desk() != null) {
                    w.writeAttribute("bureau", h.desk());
                }
                w.writeCharacters(h.detail() == null ? "" : h.detail());
                w.writeEndElement();
            }
            w.writeCharacters("\n");
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot write the act's history", e);
        }
        return out.toString(StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
    }
}

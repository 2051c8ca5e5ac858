package fr.acta.simulator.vitam;

import java.io.ByteArrayOutputStream;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes the {@code ArchiveTransferReply} of an ingest in Vitam's shape: the system ids given to
 * each object, object group and unit (under the manifest's own ids), {@code ReplyCode},
 * {@code MessageRequestIdentifier}; a refusal adds a French {@code Comment} and the failed
 * {@code Operation/Event}.
 */
final class VitamSimAtr {

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    /** What the reply says. {@code objects}: manifest object id → (group id, object system id, group system id, usage). */
    record Reply(String namespace, String operationId, String messageRequestIdentifier, String archivalAgreement,
                 String archivalAgency, String transferringAgency, String replyCode, String failedStep,
                 String comment, List<ObjectIds> objects, Map<String, String> unitIds) {
    }

    record ObjectIds(String id, String groupId, String systemId, String groupSystemId, String usage) {
    }

    private final XMLStreamWriter w;
    private final String ns;

    private VitamSimAtr(XMLStreamWriter w, String ns) {
        this.w = w;
        this.ns = ns;
    }

    static byte[] write(Reply reply, OffsetDateTime now) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            new VitamSimAtr(xml, reply.namespace()).reply(reply, now.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Writing an ATR failed", e);
        }
        return out.toByteArray();
    }

    private void reply(Reply r, String date) throws XMLStreamException {
        w.setDefaultNamespace(r.namespace());
        w.writeStartElement(ns, "ArchiveTransferReply");
        w.writeDefaultNamespace(ns);
        if (r.comment() != null) {
            text("Comment", r.comment());
        }
        text("Date", date);
        text("MessageIdentifier", r.operationId());
        if (r.archivalAgreement() != null) {
            text("ArchivalAgreement", r.archivalAgreement());
        }
        w.writeEmptyElement(ns, "CodeListVersions");
        if (!r.objects().isEmpty() || !r.unitIds().isEmpty()) {
            w.writeStartElement(ns, "DataObjectPackage");
            for (ObjectIds o : r.objects()) {
                w.writeStartElement(ns, "DataObjectGroup");
                w.writeAttribute("id", o.groupId());
                w.writeStartElement(ns, "BinaryDataObject");
                w.writeAttribute("id", o.id());
                text("DataObjectSystemId", o.systemId());
                text("DataObjectGroupSystemId", o.groupSystemId());
                text("DataObjectVersion", o.usage());
                w.writeEndElement();
                w.writeEndElement();
            }
            w.writeStartElement(ns, "DescriptiveMetadata");
            for (Map.Entry<String, String> unit : r.unitIds().entrySet()) {
                w.writeStartElement(ns, "ArchiveUnit");
                w.writeAttribute("id", unit.getKey());
                w.writeStartElement(ns, "Content");
                text("SystemId", unit.getValue());
                w.writeEndElement();
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeEmptyElement(ns, "ManagementMetadata");
            w.writeEndElement();
        }
        text("ReplyCode", r.replyCode());
        if (r.failedStep() != null) {
            w.writeStartElement(ns, "Operation");
            w.writeStartElement(ns, "Event");
            text("EventTypeCode", r.failedStep());
            text("EventDateTime", date);
            text("Outcome", r.replyCode());
            text("OutcomeDetail", r.failedStep() + "." + r.replyCode());
            text("OutcomeDetailMessage", r.comment());
            w.writeEndElement();
            w.writeEndElement();
        }
        text("MessageRequestIdentifier", r.messageRequestIdentifier());
        if (r.failedStep() == null) {
            text("GrantDate", date);
        }
        agency("ArchivalAgency", r.archivalAgency());
        agency("TransferringAgency", r.transferringAgency());
        w.writeEndElement();
    }

    private void agency(String name, String identifier) throws XMLStreamException {
        if (identifier != null) {
            w.writeStartElement(ns, name);
            text("Identifier", identifier);
            w.writeEndElement();
        }
    }

    private void text(String name, String value) throws XMLStreamException {
        w.writeStartElement(ns, name);
        w.writeCharacters(value == null ? "" : value);
        w.writeEndElement();
    }
}

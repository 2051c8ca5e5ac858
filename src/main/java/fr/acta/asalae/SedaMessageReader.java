package fr.acta.asalae;

import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the archive's {@code Acknowledgement} and {@code ArchiveTransferReply} in SEDA 0.2, 1.0,
 * 2.1, 2.2 or 2.3, with StAX (no DTD, no external entity). Elements are found by their path of
 * local names from the root; the root's namespace must be one of SEDA's.
 */
final class SedaMessageReader {

    static final Set<String> NAMESPACES = Set.of(
            "fr:gouv:ae:archive:draft:standard_echange_v0.2",
            "fr:gouv:culture:archivesdefrance:seda:v1.0",
            "fr:gouv:culture:archivesdefrance:seda:v2.1",
            "fr:gouv:culture:archivesdefrance:seda:v2.2",
            "fr:gouv:culture:archivesdefrance:seda:v2.3");
    private static final XMLInputFactory FACTORY = factory();
    private static final String ARCHIVE_UNIT_ID =
            "DataObjectPackage/DescriptiveMetadata/ArchiveUnit/Content/ArchivalAgencyArchiveUnitIdentifier";

    private SedaMessageReader() {
    }

    static AsalaeAcknowledgement acknowledgement(byte[] xml) {
        Parsed p = parse(xml);
        String received = p.first("MessageReceivedIdentifier", "TransferIdentifier");
        String id = p.first("AcknowledgementIdentifier", "MessageIdentifier", "TransferReplyIdentifier");
        if (received == null) {
            throw unexpected("l'accusé de réception ne nomme pas le transfert reçu (MessageReceivedIdentifier)");
        }
        return new AsalaeAcknowledgement(received, id, xml);
    }

    static AsalaeTransferReply reply(byte[] xml) {
        Parsed p = parse(xml);
        if (!p.root.equals("ArchiveTransferReply") && !p.root.equals("ArchiveTransferAcceptance")) {
            throw unexpected("la réponse au transfert est un message « " + p.root + " »");
        }
        String code = p.first("ReplyCode");
        boolean accepted = "000".equals(code) || (code == null && p.root.equals("ArchiveTransferAcceptance"));
        String archive = p.first(ARCHIVE_UNIT_ID, "Archive/ArchivalAgencyArchiveIdentifier",
                "Contains/ArchivalAgencyArchiveIdentifier");
        return new AsalaeTransferReply(accepted, code, p.first("Comment"), archive,
                p.first("MessageRequestIdentifier", "TransferIdentifier"), xml);
    }

    /** The root's local name and the text of the first element at each path (below the root). */
    private record Parsed(String root, Map<String, String> texts) {
        String first(String... paths) {
            for (String path : paths) {
                String v = texts.get(path);
                if (v != null) {
                    return v.strip();
                }
            }
            return null;
        }
    }

    private static Parsed parse(byte[] xml) {
        if (xml == null || xml.length == 0) {
            throw unexpected("message vide");
        }
        XMLStreamReader r = null;
        try {
            r = FACTORY.createXMLStreamReader(new ByteArrayInputStream(xml));
            while (r.hasNext() && r.next() != XMLStreamConstants.START_ELEMENT) {
                if (r.getEventType() == XMLStreamConstants.DTD) {
                    throw unexpected("déclaration de type de document (DOCTYPE) refusée");
                }
            }
            if (!r.isStartElement()) {
                throw unexpected("aucun élément XML");
            }
            String root = r.getLocalName();
            if (!NAMESPACES.contains(r.getNamespaceURI())) {
                throw unexpected("espace de noms inconnu « " + r.getNamespaceURI() + " »");
            }
            Map<String, String> texts = new HashMap<>();
            Deque<String> path = new ArrayDeque<>();
            StringBuilder text = new StringBuilder();
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    path.addLast(r.getLocalName());
                    text.setLength(0);
                } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                    text.append(r.getText());
                } else if (event == XMLStreamConstants.END_ELEMENT && !path.isEmpty()) {
                    if (!text.toString().isBlank()) {
                        texts.putIfAbsent(String.join("/", path), text.toString());
                    }
                    path.removeLast();
                    text.setLength(0);
                }
            }
            return new Parsed(root, texts);
        } catch (XMLStreamException e) {
            throw unexpected("XML illisible (" + e.getMessage() + ")");
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // nothing held
                }
            }
        }
    }

    private static AsalaeException unexpected(String why) {
        return new AsalaeException(200, "Réponse de l'archive As@lae inattendue : " + why + ".");
    }

    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        return f;
    }
}

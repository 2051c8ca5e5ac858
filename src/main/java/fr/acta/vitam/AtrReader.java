package fr.acta.vitam;

import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads Vitam's {@code ArchiveTransferReply} with StAX, by local names (any SEDA 2.x namespace) and
 * leniently: Vitam's KO replies miss elements the schema requires. A DOCTYPE is refused and no
 * external entity is ever loaded.
 */
final class AtrReader {

    private static final XMLInputFactory FACTORY = factory();

    private AtrReader() {
    }

    static VitamTransferReply read(byte[] xml) {
        String replyCode = null;
        String request = null;
        List<String> comments = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        List<String> unitIds = new ArrayList<>();
        Deque<String> path = new ArrayDeque<>();
        String outcome = null;
        XMLStreamReader r = null;
        try {
            r = FACTORY.createXMLStreamReader(new ByteArrayInputStream(xml));
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.DTD) {
                    throw new VitamException(0, "La réponse de Vitam (ArchiveTransferReply) contient une DTD : "
                            + "elle est refusée par sécurité.");
                }
                if (event == XMLStreamConstants.END_ELEMENT) {
                    path.pop();
                    continue;
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                String name = r.getLocalName();
                String parent = path.peek();
                int depth = path.size();
                path.push(name);
                if (depth == 0 && !"ArchiveTransferReply".equals(name)) {
                    throw new VitamException(0, "La réponse de Vitam n'est pas un ArchiveTransferReply (élément racine "
                            + name + ").");
                }
                if (depth == 1 && "ReplyCode".equals(name)) {
                    replyCode = text(r, path);
                } else if (depth == 1 && "MessageRequestIdentifier".equals(name)) {
                    request = text(r, path);
                } else if (depth == 1 && "Comment".equals(name)) {
                    comments.add(text(r, path));
                } else if ("SystemId".equals(name) && "Content".equals(parent) && path.contains("ArchiveUnit")) {
                    unitIds.add(text(r, path));
                } else if ("Event".equals(parent) && "Outcome".equals(name)) {
                    outcome = text(r, path);
                } else if ("Event".equals(parent) && "OutcomeDetailMessage".equals(name)
                        && outcome != null && !"OK".equalsIgnoreCase(outcome)) {
                    failures.add(text(r, path));
                }
            }
        } catch (XMLStreamException e) {
            throw new VitamException(0, "La réponse de Vitam (ArchiveTransferReply) est illisible : "
                    + e.getMessage(), e);
        } finally {
            close(r);
        }
        String code = replyCode == null ? null : replyCode.strip().toUpperCase(Locale.ROOT);
        boolean accepted = "OK".equals(code) || "WARNING".equals(code);
        List<String> said = comments.stream().filter(c -> !c.isBlank()).toList();
        if (said.isEmpty()) {
            said = failures.stream().filter(c -> !c.isBlank()).toList();
        }
        String comment = said.isEmpty() ? null : String.join(" ; ", said);
        return new VitamTransferReply(accepted, code, comment, request == null ? null : request.strip(), unitIds, xml);
    }

    /** The element's text; leaves the reader on its end tag, which is popped here. */
    private static String text(XMLStreamReader r, Deque<String> path) throws XMLStreamException {
        String value = r.getElementText().strip();
        path.pop();
        return value;
    }

    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        return f;
    }

    private static void close(XMLStreamReader r) {
        if (r != null) {
            try {
                r.close();
            } catch (XMLStreamException e) {
                // nothing left to release
            }
        }
    }
}

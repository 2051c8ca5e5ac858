package fr.acta.sae;

import fr.acta.seda.SedaSchemas;
import fr.acta.seda.SedaVersion;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes the archive's answers to a transfer, in the transfer's own SEDA version, each checked
 * against that version's official schema before it is kept: the {@code Acknowledgement} (the
 * message was received) and the {@code ArchiveTransferReply} (accepted with the archive's
 * identifier, or refused with a code and a French comment).
 */
final class SedaReplies {

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    /** The transfer a reply answers. */
    record Request(SedaVersion version, String messageIdentifier, String transferringAgency, String archivalAgency,
                   String archivalAgreement) {
    }

    /** One check reported in the reply's {@code Operation}. */
    record Event(String typeCode, String type, Instant at, boolean ok, String detail) {
    }

    /** The archive an accepted transfer became. */
    record Archived(String identifier, String title) {
    }

    private final XMLStreamWriter w;
    private final String ns;

    private SedaReplies(XMLStreamWriter w, String ns) {
        this.w = w;
        this.ns = ns;
    }

    static String acknowledgement(Request request, String identifier, Instant at) {
        return write(request.version(), r -> {
            r.start("Acknowledgement");
            r.text("Comment", "Votre transfert « " + request.messageIdentifier()
                    + " » a été reçu par le service d'archives ; il va être contrôlé.");
            r.text("Date", date(at));
            r.text("MessageIdentifier", identifier);
            r.text("MessageReceivedIdentifier", request.messageIdentifier());
            r.agency("Sender", request.transferringAgency());
            r.agency("Receiver", request.archivalAgency());
            r.w.writeEndElement();
        });
    }

    static String transferReply(Request request, String identifier, Instant at, ReplyCode code, String comment,
                                Archived archived, List<Event> events) {
        return write(request.version(), r -> {
            r.start("ArchiveTransferReply");
            r.text("Comment", comment);
            r.text("Date", date(at));
            r.text("MessageIdentifier", identifier);
            if (request.archivalAgreement() != null) {
                r.text("ArchivalAgreement", request.archivalAgreement());
            }
            r.w.writeEmptyElement(r.ns, "CodeListVersions");
            if (archived != null) {
                r.w.writeStartElement(r.ns, "DataObjectPackage");
                r.w.writeStartElement(r.ns, "DescriptiveMetadata");
                r.w.writeStartElement(r.ns, "ArchiveUnit");
                r.w.writeAttribute("id", "AU_ARCHIVE");
                r.w.writeStartElement(r.ns, "Content");
                r.text("Title", archived.title());
                r.text("ArchivalAgencyArchiveUnitIdentifier", archived.identifier());
                r.w.writeEndElement();
                r.w.writeEndElement();
                r.w.writeEndElement();
                r.w.writeEmptyElement(r.ns, "ManagementMetadata");
                r.w.writeEndElement();
            }
            r.text("ReplyCode", code.code());
            if (!events.isEmpty()) {
                r.w.writeStartElement(r.ns, "Operation");
                for (Event e : events) {
                    r.event(e);
                }
                r.w.writeEndElement();
            }
            r.text("MessageRequestIdentifier", request.messageIdentifier());
            if (archived != null) {
                r.text("GrantDate", date(at));
            }
            r.agency("ArchivalAgency", request.archivalAgency());
            r.agency("TransferringAgency", request.transferringAgency());
            r.w.writeEndElement();
        });
    }

    private interface Body {
        void write(SedaReplies r) throws XMLStreamException;
    }

    private static String write(SedaVersion version, Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.setDefaultNamespace(version.namespace());
            body.write(new SedaReplies(xml, version.namespace()));
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Writing a SEDA reply failed", e);
        }
        out.write('\n');
        byte[] bytes = out.toByteArray();
        SedaSchemas.shared().validate(version, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private void start(String root) throws XMLStreamException {
        w.writeStartElement(ns, root);
        w.writeDefaultNamespace(ns);
    }

    private void event(Event e) throws XMLStreamException {
        w.writeStartElement(ns, "Event");
        text("EventTypeCode", e.typeCode());
        text("EventType", e.type());
        text("EventDateTime", date(e.at()));
        text("Outcome", e.ok() ? "OK" : "KO");
        if (e.detail() != null && !e.detail().isBlank()) {
            text("OutcomeDetailMessage", e.detail());
        }
        w.writeEndElement();
    }

    private void agency(String element, String identifier) throws XMLStreamException {
        w.writeStartElement(ns, element);
        text("Identifier", identifier);
        w.writeEndElement();
    }

    private void text(String element, String value) throws XMLStreamException {
        w.writeStartElement(ns, element);
        w.writeCharacters(clean(value));
        w.writeEndElement();
    }

    static String date(Instant at) {
        return OffsetDateTime.ofInstant(at.truncatedTo(ChronoUnit.SECONDS), PARIS)
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    /** Characters XML 1.0 cannot carry become spaces; at most 4000 characters. */
    static String clean(String value) {
        StringBuilder s = new StringBuilder(Math.min(value.length(), 4000));
        for (int i = 0; i < value.length() && s.length() < 4000; i++) {
            char c = value.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1));
            if (pair) {
                s.append(c).append(value.charAt(++i));
            } else if (Character.isSurrogate(c) || c == 0xFFFE || c == 0xFFFF || (c < 0x20 && c != '\t' && c != '\n'
                    && c != '\r')) {
                s.append(' ');
            } else {
                s.append(c);
            }
        }
        return s.toString();
    }
}

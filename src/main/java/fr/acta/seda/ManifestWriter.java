package fr.acta.seda;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes the {@code ArchiveTransfer} manifest with StAX, in the element order of the SEDA 2.x
 * schemas. The elements used are common to 2.1, 2.2 and 2.3 (only the namespace differs); the
 * version's schema checks the result afterwards. Custom act fields have no schema-valid extension
 * point in the official schemas, so they go to standard elements: identifiers, {@code Keyword}s and
 * a French {@code Description}.
 */
final class ManifestWriter {

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();
    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH);

    private final XMLStreamWriter w;
    private final String ns;
    private int depth;

    private ManifestWriter(XMLStreamWriter w, String ns) {
        this.w = w;
        this.ns = ns;
    }

    static byte[] write(SedaVersion version, SedaTransferRequest r, List<PreparedObject> objects,
                        OffsetDateTime date) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            new ManifestWriter(xml, version.namespace()).transfer(r, objects, date);
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new SedaManifestException("Écriture du bordereau SEDA impossible : " + e.getMessage(), e);
        }
        out.write('\n');
        return out.toByteArray();
    }

    private void transfer(SedaTransferRequest r, List<PreparedObject> objects, OffsetDateTime date)
            throws XMLStreamException {
        SedaTransferRequest.Act act = r.act();
        w.setDefaultNamespace(ns);
        start("ArchiveTransfer");
        w.writeDefaultNamespace(ns);
        text("Comment", "Transfert de l'acte n° " + act.numero().strip() + " : " + act.objet().strip());
        text("Date", date.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        text("MessageIdentifier", r.messageIdentifier().strip());
        optional("ArchivalAgreement", r.archivalAgreement());
        empty("CodeListVersions");
        start("DataObjectPackage");
        for (PreparedObject o : objects) {
            group(o);
        }
        start("DescriptiveMetadata");
        actUnit(r, objects);
        end();
        start("ManagementMetadata");
        text("LegalStatus", "Public Archive");
        text("OriginatingAgencyIdentifier", r.originatingAgency().siren());
        text("SubmissionAgencyIdentifier", r.transferringAgency().strip());
        end();
        end();
        agency("ArchivalAgency", r.archivalAgency());
        agency("TransferringAgency", r.transferringAgency());
        end();
    }

    private void group(PreparedObject o) throws XMLStreamException {
        start("DataObjectGroup");
        w.writeAttribute("id", o.groupId());
        start("BinaryDataObject");
        w.writeAttribute("id", o.objectId());
        text("DataObjectVersion", "BinaryMaster_1");
        text("Uri", o.path());
        start("MessageDigest");
        w.writeAttribute("algorithm", "SHA-512");
        w.writeCharacters(o.sha512());
        w.writeEndElement();
        depth--;
        text("Size", String.valueOf(o.size()));
        start("FormatIdentification");
        optional("FormatLitteral", o.format().literal());
        text("MimeType", o.format().mimeType());
        optional("FormatId", o.format().formatId());
        end();
        start("FileInfo");
        text("Filename", o.source().fileName().strip());
        end();
        end();
        end();
    }

    private void actUnit(SedaTransferRequest r, List<PreparedObject> objects) throws XMLStreamException {
        SedaTransferRequest.Act act = r.act();
        start("ArchiveUnit");
        w.writeAttribute("id", "AU_ACTE");
        management(r.rules(), act.decisionDate());
        start("Content");
        text("DescriptionLevel", "File");
        text("Title", act.objet().strip());
        optional("FilePlanPosition", act.matiere());
        optional("OriginatingSystemId", act.actaId());
        text("OriginatingAgencyArchiveUnitIdentifier", act.numero().strip());
        optional("OriginatingAgencyArchiveUnitIdentifier", act.idActe());
        text("Description", description(act));
        text("DocumentType", Natures.label(act.nature()));
        text("Language", "fr");
        text("DescriptionLanguage", "fr");
        keyword(Natures.label(act.nature()), act.nature(), "genreform");
        if (act.matiere() != null) {
            keyword(act.matiereLabel() == null || act.matiereLabel().isBlank() ? "Matière " + act.matiere()
                    : act.matiereLabel().strip(), act.matiere(), "subject");
        }
        keyword(r.originatingAgency().name().strip(), r.originatingAgency().siren(), "corpname");
        start("OriginatingAgency");
        text("Identifier", r.originatingAgency().siren());
        end();
        dates(act);
        end();
        for (PreparedObject o : objects) {
            start("ArchiveUnit");
            w.writeAttribute("id", o.unitId());
            start("Content");
            text("DescriptionLevel", "Item");
            text("Title", o.title());
            text("DocumentType", o.source().role().label());
            end();
            start("DataObjectReference");
            text("DataObjectGroupReferenceId", o.groupId());
            end();
            end();
        }
        end();
    }

    private void management(ManagementRules rules, LocalDate decisionDate) throws XMLStreamException {
        ManagementRules.Appraisal a = rules.appraisal();
        start("Management");
        start("AppraisalRule");
        text("Rule", appraisalRuleId(a));
        text("StartDate", (a.startDate() == null ? decisionDate : a.startDate()).toString());
        text("FinalAction", a.finalAction().code());
        end();
        start("AccessRule");
        text("Rule", rules.access().ruleId().strip());
        LocalDate accessStart = rules.access().startDate();
        text("StartDate", (accessStart == null ? decisionDate : accessStart).toString());
        end();
        end();
    }

    static String appraisalRuleId(ManagementRules.Appraisal a) {
        return a.ruleId() == null || a.ruleId().isBlank()
                ? "APP-" + a.duration().strip().toUpperCase(Locale.ROOT) : a.ruleId().strip();
    }

    /** The act in one French paragraph: nature, numéro, date, matière, IDActe, dates of transmission. */
    static String description(SedaTransferRequest.Act act) {
        StringBuilder s = new StringBuilder(Natures.label(act.nature())).append(" n° ").append(act.numero().strip())
                .append(" du ").append(FRENCH_DATE.format(act.decisionDate())).append('.');
        if (act.matiere() != null) {
            s.append(" Matière ").append(act.matiere());
            if (act.matiereLabel() != null && !act.matiereLabel().isBlank()) {
                s.append(" (").append(act.matiereLabel().strip()).append(')');
            }
            s.append('.');
        }
        if (act.idActe() != null && !act.idActe().isBlank()) {
            s.append(" IDActe ").append(act.idActe().strip()).append('.');
        }
        if (act.transmissionDate() != null) {
            s.append(" Transmis au contrôle de légalité le ").append(FRENCH_DATE.format(act.transmissionDate()));
            s.append(act.acknowledgementDate() == null ? "." : ", reçu en préfecture le "
                    + FRENCH_DATE.format(act.acknowledgementDate()) + ".");
        }
        return s.toString();
    }

    private void dates(SedaTransferRequest.Act act) throws XMLStreamException {
        LocalDate decision = act.decisionDate();
        text("CreatedDate", decision.toString());
        if (act.transmissionDate() != null) {
            text("SentDate", act.transmissionDate().toString());
        }
        if (act.acknowledgementDate() != null) {
            text("ReceivedDate", act.acknowledgementDate().toString());
        }
        LocalDate last = Stream.of(decision, act.transmissionDate(), act.acknowledgementDate())
                .filter(d -> d != null).max(LocalDate::compareTo).orElse(decision);
        text("StartDate", decision.toString());
        text("EndDate", last.toString());
    }

    private void keyword(String content, String reference, String type) throws XMLStreamException {
        start("Keyword");
        text("KeywordContent", content);
        text("KeywordReference", reference);
        text("KeywordType", type);
        end();
    }

    private void agency(String name, String identifier) throws XMLStreamException {
        start(name);
        text("Identifier", identifier.strip());
        end();
    }

    private void start(String name) throws XMLStreamException {
        newline(depth++);
        w.writeStartElement(ns, name);
    }

    private void end() throws XMLStreamException {
        newline(--depth);
        w.writeEndElement();
    }

    private void empty(String name) throws XMLStreamException {
        newline(depth);
        w.writeEmptyElement(ns, name);
    }

    private void text(String name, String value) throws XMLStreamException {
        newline(depth);
        w.writeStartElement(ns, name);
        w.writeCharacters(clean(value));
        w.writeEndElement();
    }

    private void optional(String name, String value) throws XMLStreamException {
        if (value != null && !value.isBlank()) {
            text(name, value.strip());
        }
    }

    private void newline(int level) throws XMLStreamException {
        w.writeCharacters("\n" + "  ".repeat(level));
    }

    /** Characters XML 1.0 cannot carry become spaces (or U+FFFD for a lone surrogate). */
    static String clean(String value) {
        StringBuilder s = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                s.append(c).append(value.charAt(++i));
            } else if (Character.isSurrogate(c) || c == 0xFFFE || c == 0xFFFF) {
                s.append('\uFFFD');
            } else {
                s.append(c < 0x20 && c != '\t' && c != '\n' && c != '\r' ? ' ' : c);
            }
        }
        return s.toString();
    }

    static String decode(byte[] manifest) {
        return new String(manifest, StandardCharsets.UTF_8);
    }
}

package fr.acta.sae;

import fr.acta.common.FieldViolation;
import fr.acta.common.ValidationException;
import fr.acta.seda.SedaVersion;
import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * What identifies a transfer, read from its manifest when it arrives, before any schema check:
 * the SEDA version (from the namespace), {@code MessageIdentifier} and the agencies. Without these
 * no reply could be addressed, so a message that lacks them is refused at once (400); every
 * other fault is for the {@code ArchiveTransferReply}. No DTD is read, no entity expanded.
 *
 * @param version            the SEDA version of the namespace
 * @param messageIdentifier  the transfer's identifier
 * @param transferringAgency {@code TransferringAgency/Identifier}
 * @param archivalAgency     {@code ArchivalAgency/Identifier}, or null
 * @param originatingAgency  {@code ManagementMetadata/OriginatingAgencyIdentifier}, or null
 */
record ManifestHeader(SedaVersion version, String messageIdentifier, String transferringAgency,
                      String archivalAgency, String originatingAgency) {

    static final String FIELD = "seda_message";
    private static final int MAX_IDENTIFIER = 255;
    private static final XMLInputFactory FACTORY = factory();

    static ManifestHeader read(byte[] manifest) {
        String root = null;
        String ns = null;
        String message = null;
        String transferring = null;
        String archival = null;
        String originating = null;
        Deque<String> path = new ArrayDeque<>();
        try {
            XMLStreamReader r = FACTORY.createXMLStreamReader(new ByteArrayInputStream(manifest));
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamReader.DTD) {
                    throw refused("Le bordereau ne doit pas contenir de déclaration DOCTYPE.");
                }
                if (event == XMLStreamReader.START_ELEMENT) {
                    if (root == null) {
                        root = r.getLocalName();
                        ns = r.getNamespaceURI();
                    }
                    path.addLast(r.getLocalName());
                    String where = String.join("/", path);
                    switch (where) {
                        case "ArchiveTransfer/MessageIdentifier" -> message = r.getElementText().strip();
                        case "ArchiveTransfer/TransferringAgency/Identifier" -> transferring = r.getElementText().strip();
                        case "ArchiveTransfer/ArchivalAgency/Identifier" -> archival = r.getElementText().strip();
                        case "ArchiveTransfer/DataObjectPackage/ManagementMetadata/OriginatingAgencyIdentifier" ->
                                originating = r.getElementText().strip();
                        default -> {
                            continue;
                        }
                    }
                    path.removeLast();
                } else if (event == XMLStreamReader.END_ELEMENT) {
                    path.removeLast();
                }
            }
        } catch (XMLStreamException | RuntimeException e) {
            if (e instanceof ValidationException v) {
                throw v;
            }
            throw refused("Le bordereau n'est pas un document XML lisible : " + e.getMessage());
        }
        if (!"ArchiveTransfer".equals(root)) {
            throw refused("Le message reçu n'est pas un bordereau de transfert SEDA (ArchiveTransfer).");
        }
        String namespace = ns;
        SedaVersion version = SedaVersion.ofNamespace(namespace).orElseThrow(() -> refused(
                "Version SEDA non prise en charge (espace de noms « " + namespace + " ») : 2.1, 2.2 ou 2.3 attendue."));
        List<FieldViolation> missing = new ArrayList<>();
        check(message, "MessageIdentifier", missing);
        check(transferring, "TransferringAgency/Identifier", missing);
        if (!missing.isEmpty()) {
            throw new ValidationException("Le bordereau ne permet pas d'identifier le transfert : "
                    + String.join(", ", missing.stream().map(FieldViolation::message).toList()) + ".", missing);
        }
        return new ManifestHeader(version, message, transferring, blankToNull(archival), blankToNull(originating));
    }

    private static void check(String value, String element, List<FieldViolation> missing) {
        if (value == null || value.isBlank()) {
            missing.add(new FieldViolation(FIELD, element + " absent ou vide"));
        } else if (value.length() > MAX_IDENTIFIER) {
            missing.add(new FieldViolation(FIELD, element + " trop long (" + MAX_IDENTIFIER + " caractères au plus)"));
        }
    }

    private static ValidationException refused(String message) {
        return ValidationException.of(FIELD, message);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.length() > MAX_IDENTIFIER ? s.substring(0, MAX_IDENTIFIER) : s;
    }

    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        return f;
    }
}

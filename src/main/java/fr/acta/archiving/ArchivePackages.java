package fr.acta.archiving;

import fr.acta.act.ActFacts;
import fr.acta.act.ActService;
import fr.acta.act.ActView;
import fr.acta.document.DocumentRole;
import fr.acta.document.DocumentService;
import fr.acta.document.DocumentView;
import fr.acta.seda.ObjectRole;
import fr.acta.seda.SedaTransfer;
import fr.acta.seda.SedaTransferBuilder;
import fr.acta.seda.SedaTransferRequest;
import fr.acta.signature.SignatureLedger;
import fr.acta.tenant.TenantRef;
import fr.acta.transmission.PrefectureMessage;
import fr.acta.transmission.PrefectureMessageParser;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Gathers one act's {@code ArchiveTransfer}: the signed act (the submitted one when the circuit
 * signed nothing), its annexes, the bordereau de signature, the ETSI validation report, the @ctes
 * package, the ARActe, the préfecture's stamped copies and the bordereau d'acquittement, the
 * i-Parapheur folder when there was one, and the act's history, with its metadata and the
 * collectivité's rules.
 */
@Component
class ArchivePackages {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final ActService acts;
    private final DocumentService documents;
    private final SignatureLedger signatures;
    private final SedaTransferBuilder builder = new SedaTransferBuilder();

    ArchivePackages(ActService acts, DocumentService documents, SignatureLedger signatures) {
        this.acts = acts;
        this.documents = documents;
        this.signatures = signatures;
    }

    SedaTransfer build(TenantRef tenant, ActFacts act, ArchiveSettings settings, String messageIdentifier) {
        List<ActView.HistoryEntry> history = acts.history(act.id());
        List<DocumentView> current = documents.current(act.id());
        List<SedaTransferRequest.DataObject> objects = new ArrayList<>();
        DocumentView main = documents.latest(act.id(), DocumentRole.SIGNED)
                .or(() -> documents.latest(act.id(), DocumentRole.MAIN)).orElseThrow(() -> new IllegalStateException(
                        "Act " + act.id() + " has no document to archive"));
        objects.add(object(tenant, ObjectRole.SIGNED_ACT, act.subject(), main));
        current.stream().filter(d -> d.role() == DocumentRole.ANNEX)
                .forEach(d -> objects.add(object(tenant, ObjectRole.ANNEX, null, d)));
        documents.latest(act.id(), DocumentRole.BORDEREAU)
                .ifPresent(d -> objects.add(object(tenant, ObjectRole.SIGNATURE_BORDEREAU, null, d)));
        signatures.latestReport(act.id()).ifPresent(report -> objects.add(new SedaTransferRequest.DataObject(
                ObjectRole.VALIDATION_REPORT, null, "rapport-validation-signatures.xml",
                report.getBytes(StandardCharsets.UTF_8))));
        documents.latest(act.id(), DocumentRole.IPARAPHEUR_ZIP).ifPresent(d -> objects.add(
                object(tenant, ObjectRole.OTHER, "Dossier du i-Parapheur (historique PREMIS et documents)", d)));
        documents.latest(act.id(), DocumentRole.TRANSMISSION_PACKAGE)
                .ifPresent(d -> objects.add(object(tenant, ObjectRole.ACTES_PACKAGE, null, d)));
        Optional<DocumentView> aracte = documents.latest(act.id(), DocumentRole.ARACTE);
        aracte.ifPresent(d -> objects.add(object(tenant, ObjectRole.ARACTE, null, d)));
        documents.latest(act.id(), DocumentRole.ACK_BORDEREAU).ifPresent(d -> objects.add(
                object(tenant, ObjectRole.OTHER, "Bordereau d'acquittement du tiers de télétransmission", d)));
        current.stream().filter(d -> d.role() == DocumentRole.STAMPED)
                .forEach(d -> objects.add(object(tenant, ObjectRole.STAMPED_COPY, null, d)));
        objects.add(new SedaTransferRequest.DataObject(ObjectRole.HISTORY, null, "historique.xml",
                ActHistoryXml.write(act, history)));

        LocalDate acknowledged = aracte.map(d -> PrefectureMessageParser.parse(documents.read(tenant, d)))
                .map(PrefectureMessage::date).orElse(day(history, "ACKNOWLEDGED"));
        SedaTransferRequest.Act description = new SedaTransferRequest.Act(act.subject(), act.nature().name(),
                act.matiere(), null, act.number(), act.decisionDate(), act.idActe(), day(history, "TRANSMITTED"),
                acknowledged, act.id().toString());
        SedaTransferRequest request = new SedaTransferRequest(messageIdentifier, settings.archivalAgreement(),
                settings.archivalAgency(), settings.transferringAgency(),
                new SedaTransferRequest.OriginatingAgency(tenant.siren(), tenant.name()), description,
                settings.referential().rulesFor(act.nature().name(), act.matiere(), act.decisionDate()), objects);
        return builder.build(request, settings.version());
    }

    private SedaTransferRequest.DataObject object(TenantRef tenant, ObjectRole role, String title, DocumentView d) {
        return new SedaTransferRequest.DataObject(role, title, d.name(), documents.read(tenant, d));
    }

    /** The day of the first history event of that type, in Paris. */
    private static LocalDate day(List<ActView.HistoryEntry> history, String event) {
        return history.stream().filter(h -> event.equals(h.event())).findFirst()
                .map(h -> h.at().atZone(PARIS).toLocalDate()).orElse(null);
    }

    static String messageIdentifier(UUID actId, int attempt) {
        return "ACTA-" + actId + "-" + attempt;
    }
}

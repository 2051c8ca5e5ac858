package fr.acta.workflow;

import fr.acta.act.ActService;
import fr.acta.act.ActState;
import fr.acta.act.ActSummary;
import fr.acta.act.ActView;
import fr.acta.circuit.CircuitDefinition;
import fr.acta.circuit.CircuitService;
import fr.acta.common.ValidationException;
import fr.acta.document.DocumentInspector;
import fr.acta.document.DocumentRole;
import fr.acta.document.DocumentService;
import fr.acta.document.DocumentView;
import fr.acta.common.ConflictException;
import fr.acta.signature.Bordereau;
import fr.acta.signature.BordereauWriter;
import fr.acta.signature.DataToSign;
import fr.acta.signature.KeyHolder;
import fr.acta.signature.PadesSigner;
import fr.acta.signature.Placement;
import fr.acta.signature.SignatureCheck;
import fr.acta.signature.SignatureLedger;
import fr.acta.signature.SignatureLevel;
import fr.acta.signature.SignatureRequest;
import fr.acta.signature.SignatureView;
import fr.acta.signature.SignedPdf;
import fr.acta.signature.SigningCredentials;
import fr.acta.signature.SigningKeys;
import fr.acta.signature.StoredKey;
import fr.acta.tenant.ActaPrincipal;
import fr.acta.tenant.TenantRef;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Signing inside a circuit: takes the act's current PDF (the newest signed version, or the main
 * document), signs it with the desk's or the seal's key at the circuit's level, validates the result
 * with DSS, and keeps the new version, the signature and its ETSI report, all in the caller's
 * transaction. A level that cannot be reached throws; nothing weaker is ever kept.
 */
@Component
class CircuitSigning {

    private static final Set<String> DECISIONS = Set.of("VISA_APPROVED", "SIGNED", "SEALED", "VISA_REJECTED");

    private final DocumentService documents;
    private final SigningKeys keys;
    private final PadesSigner signer;
    private final SignatureLedger ledger;
    private final CircuitService circuits;
    private final ActService acts;
    private final BordereauWriter bordereaux;

    CircuitSigning(DocumentService documents, SigningKeys keys, PadesSigner signer,
                   SignatureLedger ledger, CircuitService circuits, ActService acts, BordereauWriter bordereaux) {
        this.documents = documents;
        this.keys = keys;
        this.signer = signer;
        this.ledger = ledger;
        this.circuits = circuits;
        this.acts = acts;
        this.bordereaux = bordereaux;
    }

    /** A person signs at a desk with the desk's server-held key (the caller checked their password). */
    String signAsPerson(TenantRef tenant, UUID actId, String deskCode, ActaPrincipal person, String absentDeskName,
                        String level) {
        CircuitDefinition.DeskRef desk = circuits.desk(tenant, deskCode).orElseThrow();
        StoredKey key = keys.forOwner(tenant.id(), KeyHolder.desk(desk.code(), desk.name(), desk.quality(),
                tenant.name()));
        return sign(tenant, actId, key, "SIGNATURE", person.getUsername(), person.displayName(), desk,
                absentDeskName, level, "#signature#");
    }

    /** The collectivité's seal at a SEAL step. */
    String seal(TenantRef tenant, UUID actId, String deskCode, String level) {
        CircuitDefinition.DeskRef desk = circuits.desk(tenant, deskCode).orElseThrow();
        StoredKey key = keys.forOwner(tenant.id(), KeyHolder.seal(desk.code(), desk.name(), tenant.name()));
        return sign(tenant, actId, key, "SEAL", "cachet", tenant.name(), desk, null, level, "#cachet#");
    }

    /** Droit de remords on a signature: the newest signature and its signed version are withdrawn. */
    void withdrawLast(UUID actId) {
        ledger.withdrawLatest(actId).ifPresent(s -> documents.withdraw(s.documentId()));
    }

    /** End of an approved circuit: the bordereau de signature, and the SIGNED state when it was signed. */
    void closeCircuit(TenantRef tenant, UUID actId) {
        ActSummary act = acts.summary(tenant, actId).orElseThrow();
        List<SignatureView> signatures = ledger.active(actId);
        DocumentView reference = documents.latest(actId, DocumentRole.SIGNED)
                .orElseGet(() -> documents.latest(actId, DocumentRole.MAIN).orElseThrow());
        List<Bordereau.Line> lines = new ArrayList<>();
        Iterator<SignatureView> signed = signatures.iterator();
        for (ActView.HistoryEntry e : acts.history(actId)) {
            if (!DECISIONS.contains(e.event()) || e.desk() == null) {
                continue;
            }
            SignatureView s = (e.event().equals("SIGNED") || e.event().equals("SEALED")) && signed.hasNext()
                    ? signed.next() : null;
            lines.add(new Bordereau.Line(e.at(), e.desk(), s != null ? s.signerName() : e.actor(), label(e.event()),
                    s != null ? s.absentDesk() : null, null, s == null ? null : s.certificateSubject(),
                    s == null ? null : s.certificateIssuer(), s == null ? null : s.certificateSerial()));
        }
        byte[] pdf = bordereaux.write(new Bordereau(tenant.name(), act.subject(), act.idActe(), act.number(),
                act.nature(), reference.name(), reference.sha256(), Instant.now(), lines));
        documents.addGenerated(tenant, actId, DocumentRole.BORDEREAU, "bordereau-" + act.number() + ".pdf",
                DocumentInspector.PDF, pdf);
        acts.record(actId, signatures.isEmpty() ? null : ActState.SIGNED, LifecycleDelegates.SYSTEM, "BORDEREAU",
                "Bordereau de signature produit (" + lines.size() + " étape(s))");
    }

    /** First phase of a card signature: what the card must sign, for the document as it is now. */
    External prepareExternal(TenantRef tenant, UUID actId, String deskCode, ActaPrincipal person, String absentDeskName,
                             String level, List<X509Certificate> chain) {
        CircuitDefinition.DeskRef desk = circuits.desk(tenant, deskCode).orElseThrow();
        DocumentView source = source(actId);
        SignatureRequest request = request(tenant, acts.summary(tenant, actId).orElseThrow(), desk, person.displayName(),
                absentDeskName, level, "#signature#", Instant.now());
        DataToSign data = signer.prepare(documents.read(tenant, source), chain, request);
        return new External(data, source.id());
    }

    /** Second phase: the card's signature value goes into the very document prepared in the first phase. */
    String completeExternal(TenantRef tenant, UUID actId, String deskCode, ActaPrincipal person, String absentDeskName,
                            String level, List<X509Certificate> chain, Instant signingTime, UUID sourceId,
                            byte[] signatureValue) {
        CircuitDefinition.DeskRef desk = circuits.desk(tenant, deskCode).orElseThrow();
        DocumentView source = source(actId);
        if (!source.id().equals(sourceId)) {
            throw new ConflictException("Le document a changé depuis la préparation de la signature : recommencez.");
        }
        ActSummary act = acts.summary(tenant, actId).orElseThrow();
        SignatureRequest request = request(tenant, act, desk, person.displayName(), absentDeskName, level,
                "#signature#", signingTime);
        SignedPdf signedPdf = signer.complete(documents.read(tenant, source), chain, request, signatureValue);
        return keep(tenant, act, signedPdf, chain.get(0), "SIGNATURE", person.getUsername(), person.displayName(), desk,
                absentDeskName);
    }

    record External(DataToSign data, UUID sourceId) {
    }

    private String sign(TenantRef tenant, UUID actId, StoredKey key, String kind, String login, String name,
                        CircuitDefinition.DeskRef desk, String absentDeskName, String level, String tag) {
        ActSummary act = acts.summary(tenant, actId).orElseThrow();
        DocumentView source = source(actId);
        SignatureRequest request = request(tenant, act, desk, name, absentDeskName, level, tag, Instant.now());
        SignedPdf signedPdf;
        try (SigningCredentials credentials = keys.unlock(tenant.id(), key)) {
            signedPdf = signer.sign(documents.read(tenant, source), credentials, request);
        }
        return keep(tenant, act, signedPdf, key.certificate(), kind, login, name, desk, absentDeskName);
    }

    private String keep(TenantRef tenant, ActSummary act, SignedPdf signedPdf, X509Certificate certificate, String kind,
                        String login, String name, CircuitDefinition.DeskRef desk, String absentDeskName) {
        SignatureCheck check = signedPdf.check();
        DocumentView version = documents.addGenerated(tenant, act.id(), DocumentRole.SIGNED,
                act.number() + "-signe.pdf", DocumentInspector.PDF, signedPdf.pdf());
        ledger.record(act.id(), tenant.id(), new SignatureView(null, login, name, desk.code(), absentDeskName, kind,
                signedPdf.level().name(), check.signingTime() == null ? Instant.now() : check.signingTime(),
                check.signerSubject(), certificate.getIssuerX500Principal().getName(), check.signerSerial(),
                check.indication(), check.subIndication(), version.id()), signedPdf.etsiReport());
        return (kind.equals("SEAL") ? "Cachet " : "Signature ") + signedPdf.level().label() + " au bureau " + desk.code()
                + (absentDeskName == null ? "" : " en l'absence du bureau " + absentDeskName)
                + " — validation DSS : " + check.indication();
    }

    private DocumentView source(UUID actId) {
        DocumentView source = documents.latest(actId, DocumentRole.SIGNED)
                .orElseGet(() -> documents.latest(actId, DocumentRole.MAIN).orElseThrow());
        if (!DocumentInspector.PDF.equals(source.mediaType())) {
            throw ValidationException.of("main", "Le document principal doit être un PDF pour être signé (PAdES).");
        }
        return source;
    }

    private static SignatureRequest request(TenantRef tenant, ActSummary act, CircuitDefinition.DeskRef desk,
                                            String name, String absentDeskName, String level, String tag,
                                            Instant signingTime) {
        return new SignatureRequest(SignatureLevel.valueOf(level), name, quality(tenant, desk),
                "Signature de l'acte " + act.number(), tenant.name(), absentDeskName, signingTime, Placement.tag(tag));
    }

    private static String quality(TenantRef tenant, CircuitDefinition.DeskRef desk) {
        return desk.quality() != null ? desk.quality() : desk.name() + " — " + tenant.name();
    }

    private static String label(String event) {
        return switch (event) {
            case "SIGNED" -> "Signature";
            case "SEALED" -> "Cachet serveur";
            case "VISA_REJECTED" -> "Rejet";
            default -> "Visa";
        };
    }
}

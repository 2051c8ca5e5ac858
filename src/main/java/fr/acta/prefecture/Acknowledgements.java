package fr.acta.prefecture;

import fr.acta.act.ActService;
import fr.acta.act.ActState;
import fr.acta.document.DocumentRole;
import fr.acta.document.DocumentService;
import fr.acta.document.DocumentView;
import fr.acta.tenant.TenantAccess;
import fr.acta.tenant.TenantRef;
import fr.acta.transmission.PrefectureMessage;
import fr.acta.transmission.PrefectureMessageParser;
import fr.acta.transmission.S2lowClient;
import fr.acta.transmission.S2lowSettings;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The préfecture's accusé de réception: the ARActe XML with its IDActe and legal date of reception,
 * the tiers' bordereau d'acquittement, and copies of the act and its PDF annexes stamped "Reçu en
 * préfecture"; the signed original is never touched. The act becomes exécutoire (ACKNOWLEDGED).
 */
@Service
public class Acknowledgements {

    private static final DateTimeFormatter FRENCH = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final TransmissionStore store;
    private final S2lowClient s2low;
    private final S2lowConnections connections;
    private final DocumentService documents;
    private final TenantAccess tenants;
    private final ActService acts;
    private final ClassificationRefresh classifications;

    Acknowledgements(TransmissionStore store, S2lowClient s2low, S2lowConnections connections,
                     DocumentService documents, TenantAccess tenants, ActService acts,
                     ClassificationRefresh classifications) {
        this.store = store;
        this.s2low = s2low;
        this.connections = connections;
        this.documents = documents;
        this.tenants = tenants;
        this.acts = acts;
        this.classifications = classifications;
    }

    @Transactional
    public void record(UUID actId) {
        Transmission t = store.latestForUpdate(actId).orElseThrow();
        if (t.state() == Transmission.State.ACKNOWLEDGED) {
            return;
        }
        TenantRef tenant = tenants.findById(t.tenantId()).orElseThrow();
        S2lowSettings settings = connections.settings(tenant.id());
        byte[] arXml = s2low.arActe(settings, t.transaction());
        PrefectureMessage ar = PrefectureMessageParser.parse(arXml);
        if (ar.kind() != PrefectureMessage.Kind.AR_ACTE || ar.idActe() == null || ar.date() == null) {
            throw new IllegalStateException("S²LOW's ARActe for transaction " + t.transactionId()
                    + " is not an ARActe with an IDActe and a DateReception: " + ar.kind());
        }
        documents.addGenerated(tenant, actId, DocumentRole.ARACTE, "ARActe-" + ar.idActe() + ".xml",
                "application/xml", arXml);
        documents.addGenerated(tenant, actId, DocumentRole.ACK_BORDEREAU, "bordereau-acquittement-" + ar.idActe()
                + ".pdf", "application/pdf", s2low.bordereau(settings, t.transaction()));
        stampCopies(tenant, actId, t, PrefectureStamp.lines(null, ar.date(), ar.idActe()));
        classifications.announced(tenant.id(), ar.classificationDate());
        store.acknowledged(t.id(), ar.idActe(), ar.date(), new String(arXml, charsetOf(arXml)));
        store.event(t.id(), 4, "Accusé de réception", "IDActe " + ar.idActe() + ", reçu en préfecture le "
                + FRENCH.format(ar.date()));
        acts.record(actId, ActState.ACKNOWLEDGED, TransmissionService.SYSTEM, "ACKNOWLEDGED",
                "Accusé de réception de la préfecture : acte exécutoire, IDActe " + ar.idActe() + ", reçu le "
                        + FRENCH.format(ar.date()));
    }

    private void stampCopies(TenantRef tenant, UUID actId, Transmission t, List<String> lines) {
        List<DocumentView> current = documents.current(actId);
        DocumentView signed = current.stream().filter(d -> d.role() == DocumentRole.SIGNED).findFirst().orElse(null);
        for (DocumentView d : current) {
            boolean main = d.role() == DocumentRole.MAIN;
            if (!(main || d.role() == DocumentRole.ANNEX) || !"application/pdf".equals(d.mediaType())) {
                continue;
            }
            DocumentView source = main && signed != null ? signed : d;
            byte[] stamped = PrefectureStamp.stamp(documents.read(tenant, source), lines);
            DocumentView copy = documents.addGenerated(tenant, actId, DocumentRole.STAMPED, stampedName(d.name()),
                    "application/pdf", stamped);
            store.stampedCopy(d.id(), copy.id(), t.id());
            if (source != d) {
                store.stampedCopy(source.id(), copy.id(), t.id());
            }
        }
    }

    private static String stampedName(String name) {
        String base = name.toLowerCase(java.util.Locale.ROOT).endsWith(".pdf") ? name.substring(0, name.length() - 4)
                : name;
        return base + "-tamponne.pdf";
    }

    private static Charset charsetOf(byte[] xml) {
        String head = new String(xml, 0, Math.min(100, xml.length), StandardCharsets.ISO_8859_1).toLowerCase();
        return head.contains("utf-8") ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1;
    }
}

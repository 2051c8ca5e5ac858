package fr.acta.sae;

import fr.acta.seda.SedaManifestException;
import fr.acta.seda.SedaSchemas;
import fr.acta.tenant.TenantAccess;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Processes one received transfer, in the transaction that holds its row: checks the manifest
 * against its version's schema, finds every object in the attachments and checks its size and
 * digest, and only when all is right places each object in every storage location and records
 * the archive. Either way it writes the {@code ArchiveTransferReply} and a log entry. A refused
 * transfer leaves nothing in the stores and no archive.
 */
@Component
class TransferProcessing {

    private final IncomingFiles incoming;
    private final ObjectStores stores;
    private final ArchiveRecords records;
    private final Transfers transfers;
    private final EventLog events;
    private final TenantAccess tenants;
    private final SearchIndex index;
    private final ContentLocks locks;
    private final long maxTransferBytes;

    TransferProcessing(IncomingFiles incoming, ObjectStores stores, ArchiveRecords records, Transfers transfers,
                       EventLog events, TenantAccess tenants, SaeProperties properties, SearchIndex index,
                       ContentLocks locks) {
        this.index = index;
        this.locks = locks;
        this.incoming = incoming;
        this.stores = stores;
        this.records = records;
        this.transfers = transfers;
        this.events = events;
        this.tenants = tenants;
        this.maxTransferBytes = properties.maxTransferSize().toBytes();
    }

    /** Accepts or refuses {@code t}; an exception means nothing was decided (the caller rolls back). */
    void process(Transfers.Transfer t) throws IOException {
        byte[] message = incoming.message(t.id());
        List<SedaReplies.Event> steps = new ArrayList<>();
        try {
            SedaSchemas.shared().validate(t.version(), message);
        } catch (SedaManifestException e) {
            refuse(t, null, steps, ReplyCode.INVALID_MANIFEST, e.getMessage(), "CHECK_MANIFEST");

            return;
        }
        steps.add(step("CHECK_MANIFEST", "Contrôle du bordereau (schéma SEDA " + t.version().label() + ")", true, null));
        Manifest m = ManifestReader.read(t.version(), message);
        Problems problems = new Problems();
        for (Manifest.DataObject o : m.objects()) {
            if (o.algorithm() == null) {
                problems.add(ReplyCode.DIGEST_ALGORITHM, o.id() + " (" + o.declaredAlgorithm() + ")");
            }
        }
        if (!problems.isEmpty()) {
            refuse(t, m, steps, problems.code(), problems.comment(), "CHECK_DIGEST");
            return;
        }
        try (TransferStaging staging = new TransferStaging(stores, maxTransferBytes)
                .stage(m, incoming.attachments(t.id()))) {
            staging.unreadable().forEach(u -> problems.add(ReplyCode.UNREADABLE_ATTACHMENTS, u));
            for (Manifest.DataObject o : m.objects()) {
                check(o, staging.found().get(o), problems);
            }
            if (!problems.isEmpty()) {
                refuse(t, m, steps, problems.code(), problems.comment(), "CHECK_ATTACHMENTS");
                return;
            }
            steps.add(step("CHECK_ATTACHMENTS", "Contrôle des pièces jointes (présence, taille, empreinte)", true,
                    m.objects().size() + " objet(s) conforme(s)"));
            accept(t, m, message, staging, steps);
        }
    }

    private void accept(Transfers.Transfer t, Manifest m, byte[] message, TransferStaging staging,
                        List<SedaReplies.Event> steps) throws IOException {
        String tenantCode = tenants.findById(t.tenantId()).orElseThrow().code();
        locks.shared(t.tenantId());
        ObjectStores.Staged manifestCopy = stores.stage(new ByteArrayInputStream(message), "SHA-256", Long.MAX_VALUE);
        try {
            stores.commit(tenantCode, manifestCopy);
        } finally {
            stores.discard(manifestCopy);
        }
        List<ArchiveRecords.StoredObject> stored = new ArrayList<>();
        stored.add(new ArchiveRecords.StoredObject("MANIFEST", null, manifestCopy.sha256(), message.length));
        for (TransferStaging.Found f : staging.found().values()) {
            stores.commit(tenantCode, f.staged());
            stored.add(new ArchiveRecords.StoredObject("OBJECT", f.object(), f.staged().sha256(), f.staged().size()));
        }
        Instant now = Instant.now();
        steps.add(step("STORE_OBJECTS", "Conservation des objets", true, stored.size() + " fichier(s) en "
                + stores.locations().size() + " exemplaires"));
        String title = m.units().stream().map(Manifest.Unit::title).filter(s -> s != null).findFirst()
                .orElse(m.comment() != null ? m.comment() : t.messageIdentifier());
        ArchiveRecords.Archive archive = records.insert(t, tenantCode, m, title, manifestCopy.sha256(), stored, now);
        index.index(archive, t.tenantId(), tenantCode, m, t.originatingAgency(), stored);
        String comment = "Transfert accepté : archive " + archive.identifier() + ", " + m.objects().size()
                + " objet(s) conservé(s) en " + stores.locations().size() + " exemplaires.";
        String reply = SedaReplies.transferReply(t.request(m.archivalAgreement()), "ATR-" + t.id(), now,
                ReplyCode.ACCEPTED, comment, new SedaReplies.Archived(archive.identifier(), title), steps);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("transfer", t.id().toString());
        detail.put("messageIdentifier", t.messageIdentifier());
        detail.put("archive", archive.identifier());
        detail.put("objects", stored.stream().map(s -> Map.of("id", s.object() == null ? "manifest" : s.object().id(),
                "sha256", s.sha256(), "size", s.size())).toList());
        events.append(t.tenantId(), "TRANSFER_ACCEPTED", detail);
        transfers.processed(t.id(), Transfers.Status.ACCEPTED, ReplyCode.ACCEPTED, comment, reply, archive.id());
    }

    /** Writes the refusal; also used by the worker for a transfer that kept failing. */
    void refuse(Transfers.Transfer t, Manifest m, List<SedaReplies.Event> steps, ReplyCode code, String why,
                String failedStep) {
        Instant now = Instant.now();
        String comment = "Transfert refusé (code " + code.code() + ") : " + why;
        List<SedaReplies.Event> all = new ArrayList<>(steps);
        all.add(step(failedStep, code.label(), false, why));
        String reply = SedaReplies.transferReply(t.request(m == null ? null : m.archivalAgreement()), "ATR-" + t.id(),
                now, code, comment, null, all);
        events.append(t.tenantId(), "TRANSFER_REJECTED", Map.of("transfer", t.id().toString(),
                "messageIdentifier", t.messageIdentifier(), "replyCode", code.code(), "comment",
                SedaReplies.clean(comment)));
        transfers.processed(t.id(), Transfers.Status.REJECTED, code, SedaReplies.clean(comment), reply, null);
    }

    private static void check(Manifest.DataObject o, TransferStaging.Found f, Problems problems) {
        String name = o.id() + (o.uri() == null ? "" : " (" + o.uri() + ")");
        if (f == null) {
            problems.add(ReplyCode.MISSING_ATTACHMENT, name);
        } else if (f.tooLarge()) {
            problems.add(ReplyCode.SIZE_MISMATCH, name + " : plus de " + (o.size() == null ? "la taille maximale"
                    : o.size() + " octets déclarés"));
        } else if (o.size() != null && o.size() != f.staged().size()) {
            problems.add(ReplyCode.SIZE_MISMATCH, name + " : " + o.size() + " octets déclarés, "
                    + f.staged().size() + " reçus");
        } else if (!o.digest().equals(f.staged().digest())) {
            problems.add(ReplyCode.DIGEST_MISMATCH, name + " : " + o.algorithm() + " déclaré " + o.digest()
                    + ", calculé " + f.staged().digest());
        }
    }

    private static SedaReplies.Event step(String code, String label, boolean ok, String detail) {
        return new SedaReplies.Event(code, label, Instant.now(), ok, detail);
    }

    /** The faults found, the most basic first: its code is the reply's. */
    private static final class Problems {
        private final Map<ReplyCode, List<String>> byCode = new java.util.TreeMap<>();

        void add(ReplyCode code, String detail) {
            byCode.computeIfAbsent(code, c -> new ArrayList<>()).add(detail);
        }

        boolean isEmpty() {
            return byCode.isEmpty();
        }

        ReplyCode code() {
            return byCode.keySet().iterator().next();
        }

        String comment() {
            List<String> parts = new ArrayList<>();
            byCode.forEach((code, details) -> parts.add(code.label() + " : " + String.join(" ; ",
                    details.size() > 20 ? details.subList(0, 20) : details) + (details.size() > 20 ? " ; …" : "")));
            return String.join(". ", parts) + ".";
        }
    }
}

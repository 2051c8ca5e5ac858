package fr.acta.document;

import fr.acta.common.NotFoundException;
import fr.acta.tenant.TenantRef;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** The documents of acts: staging and checking uploads, storing them, serving them back. */
@Service
public class DocumentService {

    private static final Logger log = LoggerFactory.getLogger(DocumentService.class);

    /** Main document first, then annexes in their order. */
    private static final Comparator<ActDocument> ORDER = Comparator.comparing(ActDocument::getRole)
            .thenComparing(ActDocument::getPosition);

    private final DocumentStore store;
    private final DocumentInspector inspector;
    private final ActDocumentRepository documents;

    DocumentService(DocumentStore store, DocumentInspector inspector, ActDocumentRepository documents) {
        this.store = store;
        this.inspector = inspector;
        this.documents = documents;
    }

    /** Copies an upload to the staging area and detects its type from the content. */
    public StagedFile stage(InputStream in, String originalName) throws IOException {
        StagedFile staged = store.stage(in, originalName);
        try {
            String type = inspector.detect(staged.path());
            return new StagedFile(staged.path(), staged.originalName(), staged.size(), staged.sha256(), type);
        } catch (IOException | RuntimeException e) {
            store.discard(staged);
            throw e;
        }
    }

    /** The soundness problem of a staged file of an accepted type, in French, or null. */
    public String problem(StagedFile file) {
        return inspector.problem(file.path(), file.mediaType()).orElse(null);
    }

    public void discard(List<StagedFile> files) {
        files.forEach(store::discard);
    }

    /**
     * Stores checked files and attaches them to an act, inside the caller's transaction. If that
     * transaction rolls back, the files this call added to the store are removed again.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<DocumentView> attach(TenantRef tenant, UUID actId, List<IncomingDocument> incoming) {
        List<String> created = new ArrayList<>();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    removeUnreferenced(tenant, created);
                }
            }
        });
        List<DocumentView> views = new ArrayList<>();
        for (IncomingDocument doc : incoming) {
            StoredFile stored;
            try {
                stored = store.commit(tenant.code(), doc.file());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot store a document of act " + actId, e);
            }
            if (stored.created()) {
                created.add(stored.sha256());
            }
            ActDocument row = documents.saveAndFlush(new ActDocument(actId, tenant.id(), doc.role(), doc.position(),
                    safeName(doc.file().originalName()), doc.file().mediaType(), stored.size(), stored.sha256(),
                    doc.typeCode()));
            views.add(DocumentView.of(row));
        }
        return views;
    }

    /**
     * Stores a document Acta produced (a signed version, a bordereau) and attaches it to the act,
     * in the caller's transaction. Versions of the same role stay; the newest is the current one.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public DocumentView addGenerated(TenantRef tenant, UUID actId, DocumentRole role, String name, String mediaType,
                                     byte[] content) {
        StagedFile staged;
        try {
            staged = store.stage(new java.io.ByteArrayInputStream(content), name);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot stage a generated document of act " + actId, e);
        }
        int position = (int) documents.findByActIdAndReplacedAtIsNull(actId).stream()
                .filter(d -> d.getRole() == role).count() + 1;
        StagedFile typed = new StagedFile(staged.path(), name, staged.size(), staged.sha256(), mediaType);
        return attach(tenant, actId, List.of(new IncomingDocument(typed, role, position, null))).get(0);
    }

    /** The newest current document of a role, if any. */
    @Transactional(readOnly = true)
    public java.util.Optional<DocumentView> latest(UUID actId, DocumentRole role) {
        return documents.findByActIdAndReplacedAtIsNull(actId).stream().filter(d -> d.getRole() == role)
                .max(Comparator.comparingInt(ActDocument::getPosition)).map(DocumentView::of);
    }

    /** The bytes of a stored document. */
    public byte[] read(TenantRef tenant, DocumentView document) {
        try (InputStream in = store.open(tenant.code(), document.sha256())) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Stored file missing for document " + document.id(), e);
        }
    }

    /** Withdraws a document Acta produced (a signature taken back): it stays stored, no longer current. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void withdraw(UUID documentId) {
        documents.findById(documentId).ifPresent(d -> d.replace(Instant.now()));
    }

    /** Marks the current documents of the given role as replaced (they stay stored and listed in history). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void replace(UUID actId, DocumentRole role) {
        Instant now = Instant.now();
        documents.findByActIdAndReplacedAtIsNull(actId).stream()
                .filter(d -> d.getRole() == role).forEach(d -> d.replace(now));
    }

    @Transactional(readOnly = true)
    public List<DocumentView> current(UUID actId) {
        return newestVersions(documents.findByActIdAndReplacedAtIsNull(actId)).stream().map(DocumentView::of).toList();
    }

    /** Of the versions Acta produced (signed, bordereau), only the newest is current. */
    private static List<ActDocument> newestVersions(List<ActDocument> docs) {
        Map<DocumentRole, Integer> newest = new java.util.EnumMap<>(DocumentRole.class);
        docs.stream().filter(d -> d.getRole() == DocumentRole.SIGNED || d.getRole() == DocumentRole.BORDEREAU
                        || d.getRole() == DocumentRole.IPARAPHEUR_ZIP)
                .forEach(d -> newest.merge(d.getRole(), d.getPosition(), Math::max));
        return docs.stream().filter(d -> !newest.containsKey(d.getRole()) || newest.get(d.getRole()) == d.getPosition())
                .sorted(ORDER).toList();
    }

    @Transactional(readOnly = true)
    public Map<UUID, List<DocumentView>> current(List<UUID> actIds) {
        if (actIds.isEmpty()) {
            return Map.of();
        }
        return documents.findByActIdInAndReplacedAtIsNull(actIds).stream()
                .collect(Collectors.groupingBy(ActDocument::getActId)).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey,
                        e -> newestVersions(e.getValue()).stream().map(DocumentView::of).toList()));
    }

    /** The document's description and its bytes; 404 unless it belongs to that act of that collectivité. */
    @Transactional(readOnly = true)
    public DocumentContent open(TenantRef tenant, UUID actId, UUID documentId) {
        ActDocument doc = documents.findByIdAndActIdAndTenantId(documentId, actId, tenant.id())
                .orElseThrow(() -> new NotFoundException("Document introuvable."));
        try {
            return new DocumentContent(DocumentView.of(doc), store.open(tenant.code(), doc.getSha256()));
        } catch (IOException e) {
            throw new UncheckedIOException("Stored file missing for document " + documentId, e);
        }
    }

    private void removeUnreferenced(TenantRef tenant, List<String> created) {
        for (String sha : created) {
            try {
                if (!documents.existsByTenantIdAndSha256(tenant.id(), sha)) {
                    store.delete(tenant.code(), sha);
                }
            } catch (IOException | RuntimeException e) {
                log.warn("Could not remove file {} after a rolled back intake", sha, e);
            }
        }
    }

    private static String safeName(String name) {
        if (name == null || name.isBlank()) {
            return "document";
        }
        String base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}]", "");
        return base.length() > 255 ? base.substring(base.length() - 255) : base;
    }

    /** Bytes of a document with its description; the caller closes the stream. */
    public record DocumentContent(DocumentView document, InputStream content) {
    }
}

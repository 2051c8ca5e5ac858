package fr.acta.act;

import fr.acta.circuit.CircuitService;
import fr.acta.classification.ClassificationService;
import fr.acta.classification.CurrentClassification;
import fr.acta.common.ActaProperties;
import fr.acta.common.ConflictException;
import fr.acta.common.FieldViolation;
import fr.acta.common.NotFoundException;
import fr.acta.common.ValidationException;
import fr.acta.document.DocumentInspector;
import fr.acta.document.DocumentRole;
import fr.acta.document.DocumentService;
import fr.acta.document.IncomingDocument;
import fr.acta.document.StagedFile;
import fr.acta.tenant.ActaPrincipal;
import fr.acta.tenant.Role;
import fr.acta.tenant.TenantAccess;
import fr.acta.tenant.TenantRef;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes acts in. Everything is checked before anything is kept: the metadata against the rules and
 * the current classification, each file by its real content. Then, in one transaction, the act row,
 * its documents and its lifecycle process are created; if any of it fails, nothing remains.
 */
@Service
public class ActIntakeService {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Set<String> MAIN_TYPES = Set.of(DocumentInspector.PDF, DocumentInspector.JPEG,
            DocumentInspector.PNG);
    private static final Set<String> ANNEX_TYPES = Set.of(DocumentInspector.PDF, DocumentInspector.XML,
            DocumentInspector.JPEG, DocumentInspector.PNG);

    private final TenantAccess access;
    private final ClassificationService classifications;
    private final CircuitService circuits;
    private final DocumentService documents;
    private final ActRepository acts;
    private final ActEventRepository events;
    private final ActLifecycle lifecycle;
    private final TransactionTemplate tx;
    private final long maxActSize;

    ActIntakeService(TenantAccess access, ClassificationService classifications, CircuitService circuits,
                     DocumentService documents, ActRepository acts, ActEventRepository events,
                     ActLifecycle lifecycle, TransactionTemplate tx, ActaProperties properties) {
        this.access = access;
        this.classifications = classifications;
        this.circuits = circuits;
        this.documents = documents;
        this.acts = acts;
        this.events = events;
        this.lifecycle = lifecycle;
        this.tx = tx;
        this.maxActSize = properties.documents().maxActSize().toBytes();
    }

    public UUID submit(String tenantCode, ActMetadata metadata, IncomingFile main, List<IncomingFile> annexes) {
        TenantRef tenant = access.requireRole(tenantCode, Role.SECRETARY, Role.AGENT, Role.ADMIN, Role.ELECTED);
        ActaPrincipal me = TenantAccess.currentUser();
        List<StagedFile> staged = new ArrayList<>();
        try {
            Prepared prepared = prepare(tenant, metadata, main, annexes, staged, null);
            return tx.execute(status -> {
                if (acts.existsByTenantIdAndNumber(tenant.id(), prepared.metadata().number())) {
                    throw duplicateNumber();
                }
                Act act = new Act(tenant.id(), me.getUsername());
                act.describe(prepared.metadata(), prepared.classification().id(), idActe(tenant, prepared.metadata()));
                acts.saveAndFlush(act);
                documents.attach(tenant, act.getId(), prepared.documents());
                events.save(new ActEvent(act.getId(), tenant.id(), me.getUsername(), "SUBMITTED",
                        "Acte déposé (" + prepared.documents().size() + " document(s))"));
                lifecycle.start(act.getId(), tenant.code(), act.getCircuitCode());
                return act.getId();
            });
        } catch (DataIntegrityViolationException e) {
            throw duplicateNumber();
        } finally {
            documents.discard(staged);
        }
    }

    /**
     * Corrects a rejected act: new metadata and/or new files, then its circuit starts again.
     * Absent parts keep their current value.
     */
    public void resubmit(String tenantCode, UUID actId, ActMetadata metadata, IncomingFile main,
                         List<IncomingFile> annexes) {
        TenantRef tenant = access.require(tenantCode);
        ActaPrincipal me = TenantAccess.currentUser();
        Act current = acts.findByIdAndTenantId(actId, tenant.id())
                .orElseThrow(() -> new NotFoundException("Acte introuvable."));
        if (!me.getUsername().equals(current.getSubmittedBy()) && !me.has(Role.ADMIN) && !me.isOperator()) {
            throw new org.springframework.security.access.AccessDeniedException(
                    "Seul le rédacteur de l'acte (ou un administrateur) peut le corriger.");
        }
        boolean transmissionError = current.getState() == ActState.TRANSMISSION_ERROR;
        if (current.getState() != ActState.REJECTED && !transmissionError) {
            throw new ConflictException("Seul un acte rejeté, ou refusé par la préfecture, peut être corrigé et redéposé.");
        }
        if (transmissionError && main != null) {
            throw new ValidationException(409, "Le document principal a déjà été signé : après un refus de la "
                    + "préfecture, seuls les métadonnées et les annexes peuvent être corrigées.",
                    List.of(new FieldViolation("document", "Remplacement du document signé impossible.")));
        }
        ActMetadata effective = metadata != null ? metadata : metadataOf(current);
        List<StagedFile> staged = new ArrayList<>();
        try {
            Prepared prepared = prepare(tenant, effective, main, annexes, staged, current);
            tx.executeWithoutResult(status -> {
                Act act = acts.findByIdAndTenantId(actId, tenant.id()).orElseThrow();
                if (act.getState() != current.getState() || act.getVersion() != current.getVersion()) {
                    throw new ConflictException("L'acte a changé entre-temps ; rechargez-le.");
                }
                if (acts.existsByTenantIdAndNumberAndIdNot(tenant.id(), prepared.metadata().number(), actId)) {
                    throw duplicateNumber();
                }
                act.describe(prepared.metadata(), prepared.classification().id(), idActe(tenant, prepared.metadata()));
                if (main != null) {
                    documents.replace(actId, DocumentRole.MAIN);
                }
                if (annexes != null && !annexes.isEmpty()) {
                    documents.replace(actId, DocumentRole.ANNEX);
                }
                documents.attach(tenant, actId, prepared.documents());
                // after the préfecture's refusal the signed act goes back to the transmission stage
                act.moveTo(transmissionError ? ActState.SIGNED : ActState.SUBMITTED);
                acts.saveAndFlush(act);
                events.save(new ActEvent(actId, tenant.id(), me.getUsername(), "RESUBMITTED",
                        "Acte corrigé et redéposé"));
                lifecycle.resubmitted(actId, tenant.code(), me.getUsername());
            });
        } catch (DataIntegrityViolationException e) {
            throw duplicateNumber();
        } finally {
            documents.discard(staged);
        }
    }

    private Prepared prepare(TenantRef tenant, ActMetadata metadata, IncomingFile main, List<IncomingFile> annexes,
                             List<StagedFile> staged, Act existing) {
        List<FieldViolation> errors = new ArrayList<>();
        CurrentClassification classification = classifications.current(tenant).orElseThrow(() ->
                new ValidationException(409, "Aucune classification n'a été importée pour cette collectivité.",
                        List.of(new FieldViolation("matiere", "Classification absente."))));
        ActMetadata.Checked checked = ActRules.check(metadata, classification,
                code -> circuits.find(tenant, code).isPresent(), LocalDate.now(PARIS), errors);
        List<IncomingFile> annexList = annexes == null ? List.of() : annexes;
        boolean annexesGiven = !annexList.isEmpty() || existing == null;
        int expectedAnnexes = metadata.annexTypes() == null ? 0 : metadata.annexTypes().size();
        int annexCount = annexesGiven ? annexList.size() : existing.getAnnexTypes().size();
        if (expectedAnnexes != annexCount) {
            errors.add(new FieldViolation("annexTypes", "Indiquez une typologie par annexe : " + expectedAnnexes
                    + " typologie(s) pour " + annexCount + " annexe(s)."));
        }
        List<IncomingDocument> incoming = new ArrayList<>();
        long total = 0;
        long mainSize = 0;
        if (main == null && existing == null) {
            errors.add(new FieldViolation("main", "Le document principal est obligatoire."));
        } else if (main != null) {
            Set<String> allowed = checked != null && checked.nature() == Nature.BF
                    ? Set.of(DocumentInspector.PDF, DocumentInspector.JPEG, DocumentInspector.PNG, DocumentInspector.XML)
                    : MAIN_TYPES;
            StagedFile file = stageChecked(main, "main", allowed, staged, errors);
            if (file != null) {
                mainSize = file.size();
                total += file.size();
                incoming.add(new IncomingDocument(file, DocumentRole.MAIN, 0,
                        checked == null ? null : checked.mainDocumentType()));
            }
        }
        if (annexesGiven) {
            for (int i = 0; i < annexList.size(); i++) {
                StagedFile file = stageChecked(annexList.get(i), "annexes[" + i + "]", ANNEX_TYPES, staged, errors);
                if (file != null) {
                    total += file.size();
                    String type = checked != null && i < checked.annexTypes().size() ? checked.annexTypes().get(i) : null;
                    incoming.add(new IncomingDocument(file, DocumentRole.ANNEX, i + 1, type));
                }
            }
        }
        if (existing != null) {
            total += documents.current(existing.getId()).stream()
                    .filter(d -> (main == null && d.role() == DocumentRole.MAIN)
                            || (!annexesGiven && d.role() == DocumentRole.ANNEX))
                    .mapToLong(d -> d.size()).sum();
        }
        if (total > maxActSize) {
            throw new ValidationException(413, "La taille totale des documents dépasse la limite de "
                    + (maxActSize / (1024 * 1024)) + " Mo par acte.",
                    List.of(new FieldViolation(mainSize > maxActSize ? "main" : "annexes",
                            "Taille totale : " + total + " octets.")));
        }
        if (!errors.isEmpty() || checked == null) {
            throw new ValidationException("L'acte n'a pas été déposé : corrigez les champs signalés.", errors);
        }
        return new Prepared(checked, classification, incoming);
    }

    private StagedFile stageChecked(IncomingFile upload, String field, Set<String> allowed, List<StagedFile> staged,
                                    List<FieldViolation> errors) {
        StagedFile file;
        try (InputStream in = upload.open()) {
            file = documents.stage(in, upload.name());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot stage an upload", e);
        }
        staged.add(file);
        if (file.size() == 0) {
            errors.add(new FieldViolation(field, "Le fichier est vide."));
            return null;
        }
        if (!allowed.contains(file.mediaType())) {
            errors.add(new FieldViolation(field, "Format refusé : le contenu est de type " + file.mediaType()
                    + " ; formats acceptés : " + readable(allowed) + "."));
            return null;
        }
        String problem = documents.problem(file);
        if (problem != null) {
            errors.add(new FieldViolation(field, problem));
            return null;
        }
        return file;
    }

    private static String readable(Set<String> types) {
        return types.stream().map(t -> switch (t) {
            case DocumentInspector.PDF -> "PDF";
            case DocumentInspector.XML -> "XML";
            case DocumentInspector.JPEG -> "JPEG";
            case DocumentInspector.PNG -> "PNG";
            default -> t;
        }).sorted().reduce((a, b) -> a + ", " + b).orElse("");
    }

    private static String idActe(TenantRef tenant, ActMetadata.Checked m) {
        return ActRules.idActe(tenant.departement(), tenant.siren(), m.decisionDate(), m.number(), m.nature());
    }

    private static ActMetadata metadataOf(Act act) {
        return new ActMetadata(act.getNature().name(), act.getNumber(), act.getSubject(),
                act.getDecisionDate().toString(), act.getMatiere(), act.getMainDocumentType(), act.getAnnexTypes(),
                act.getCircuitCode(), act.isLegalityControl());
    }

    private static ValidationException duplicateNumber() {
        return new ValidationException(409, "Ce numéro interne est déjà utilisé dans la collectivité.",
                List.of(new FieldViolation("number", "Numéro déjà utilisé.")));
    }

    private record Prepared(ActMetadata.Checked metadata, CurrentClassification classification,
                            List<IncomingDocument> documents) {
    }
}

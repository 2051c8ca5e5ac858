package fr.acta.act;

import fr.acta.circuit.CircuitService;
import fr.acta.classification.ClassificationService;
import fr.acta.common.NotFoundException;
import fr.acta.document.DocumentService;
import fr.acta.document.DocumentView;
import fr.acta.signature.SignatureLedger;
import fr.acta.signature.SignatureView;
import fr.acta.tenant.TenantAccess;
import fr.acta.tenant.TenantRef;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading acts, and the state changes the lifecycle makes, each written to the act's history. */
@Service
public class ActService {

    private final ActRepository acts;
    private final ActEventRepository events;
    private final DocumentService documents;
    private final ClassificationService classifications;
    private final ActAnnotationRepository annotations;
    private final CircuitService circuits;
    private final SignatureLedger signatures;
    private final org.springframework.beans.factory.ObjectProvider<ActSection> sections;

    ActService(ActRepository acts, ActEventRepository events, DocumentService documents,
               ClassificationService classifications, ActAnnotationRepository annotations, CircuitService circuits,
               SignatureLedger signatures, org.springframework.beans.factory.ObjectProvider<ActSection> sections) {
        this.sections = sections;
        this.signatures = signatures;
        this.acts = acts;
        this.events = events;
        this.documents = documents;
        this.classifications = classifications;
        this.annotations = annotations;
        this.circuits = circuits;
    }

    @Transactional(readOnly = true)
    public ActView get(TenantRef tenant, UUID id) {
        Act act = acts.findByIdAndTenantId(id, tenant.id()).orElseThrow(ActService::notFound);
        List<ActView.HistoryEntry> history = events.findByActIdOrderByIdAsc(id).stream()
                .map(ActService::entry).toList();
        LocalDate classificationDate = classifications.version(act.getClassificationId())
                .map(c -> c.view().dateClassification()).orElse(null);
        Set<String> myDesks = circuits.desksHeldBy(tenant, TenantAccess.currentUser().userId());
        List<ActView.Annotation> notes = annotations.findByActIdOrderByIdAsc(id).stream()
                .filter(a -> a.getVisibility().equals("PUBLIC") || myDesks.contains(a.getDesk()))
                .map(a -> new ActView.Annotation(a.getAt(), a.getAuthor(), a.getDesk(), a.getVisibility(), a.getText()))
                .toList();
        return view(tenant, act, documents.current(id), history, classificationDate, notes, signatures.active(id));
    }

    @Transactional(readOnly = true)
    public Page<ActSummary> search(TenantRef tenant, ActState state, String q, int page, int size) {
        String pattern = q == null || q.isBlank() ? null
                : "%" + q.strip().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return acts.search(tenant.id(), state, pattern,
                        PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "createdAt")))
                .map(ActSummary::of);
    }

    @Transactional(readOnly = true)
    public Map<UUID, ActSummary> summaries(List<UUID> ids) {
        return acts.findByIdIn(ids).stream().map(ActSummary::of)
                .collect(Collectors.toMap(ActSummary::id, Function.identity()));
    }

    @Transactional(readOnly = true)
    public Optional<ActSummary> summary(TenantRef tenant, UUID id) {
        return acts.findByIdAndTenantId(id, tenant.id()).map(ActSummary::of);
    }

    /** Moves the act to a state and writes the event to its history, in the caller's transaction. */
    @Transactional
    public void record(UUID actId, ActState newState, String actor, String event, String detail) {
        record(actId, newState, actor, event, detail, null);
    }

    /** As {@link #record(UUID, ActState, String, String, String)}, for an event that happened at a desk. */
    @Transactional
    public void record(UUID actId, ActState newState, String actor, String event, String detail, String desk) {
        Act act = acts.findById(actId).orElseThrow(ActService::notFound);
        if (newState != null && act.getState() != newState) {
            act.moveTo(newState);
        }
        events.save(new ActEvent(actId, act.getTenantId(), actor, event, detail, desk));
    }

    /** The act's metadata, for the system's own use (transmission, archive): no caller check. */
    @Transactional(readOnly = true)
    public ActFacts facts(UUID actId) {
        Act a = acts.findById(actId).orElseThrow(ActService::notFound);
        LocalDate classificationDate = classifications.version(a.getClassificationId())
                .map(c -> c.view().dateClassification()).orElse(null);
        return new ActFacts(a.getId(), a.getTenantId(), a.getState(), a.getNature(), a.getNumber(), a.getSubject(),
                a.getDecisionDate(), a.getMatiere(), classificationDate, a.getMainDocumentType(), a.getAnnexTypes(),
                a.isLegalityControl(), a.getSubmittedBy(), a.getIdActe(), a.getCircuitCode());
    }

    /** The acts of a collectivité that have not been sent to the préfecture yet (system use). */
    @Transactional(readOnly = true)
    public List<ActFacts> notYetTransmitted(UUID tenantId) {
        return acts.findByTenantIdAndStateIn(tenantId, java.util.EnumSet.of(ActState.SUBMITTED, ActState.IN_CIRCUIT,
                ActState.REJECTED, ActState.SIGNED, ActState.TRANSMISSION_ERROR)).stream()
                .map(a -> facts(a.getId())).toList();
    }

    /** The act's history, for the system's own use (bordereau, archive): no caller check. */
    @Transactional(readOnly = true)
    public List<ActView.HistoryEntry> history(UUID actId) {
        return events.findByActIdOrderByIdAsc(actId).stream().map(ActService::entry).toList();
    }

    private static ActView.HistoryEntry entry(ActEvent e) {
        return new ActView.HistoryEntry(e.getAt(), e.getActor(), e.getEvent(), e.getDetail(), e.getDesk());
    }

    /** Leaves a note on an act, in the caller's transaction. */
    @Transactional
    public void annotate(UUID actId, String author, String desk, boolean isPrivate, String text) {
        Act act = acts.findById(actId).orElseThrow(ActService::notFound);
        annotations.save(new ActAnnotation(actId, act.getTenantId(), author, desk, isPrivate, text));
    }

    private ActView view(TenantRef tenant, Act a, List<DocumentView> docs, List<ActView.HistoryEntry> history,
                                LocalDate classificationDate, List<ActView.Annotation> notes,
                                List<SignatureView> signed) {
        return new ActView(a.getId(), tenant.code(), a.getState(), a.getIdActe(), a.getNature().name(), a.getNumber(),
                a.getSubject(), a.getDecisionDate(), a.getMatiere(), a.getMainDocumentType(), a.getAnnexTypes(),
                a.getCircuitCode(), a.isLegalityControl(), classificationDate, a.getSubmittedBy(), a.getCreatedAt(),
                a.getUpdatedAt(), docs, history, notes, signed, sections(a.getId()));
    }

    private java.util.Map<String, Object> sections(UUID actId) {
        java.util.Map<String, Object> out = new java.util.LinkedHashMap<>();
        for (ActSection section : sections.orderedStream().toList()) {
            section.of(actId).ifPresent(v -> out.put(section.name(), v));
        }
        return out;
    }

    static NotFoundException notFound() {
        return new NotFoundException("Acte introuvable.");
    }
}

package fr.acta.workflow;

import fr.acta.act.ActService;
import fr.acta.act.ActSummary;
import fr.acta.circuit.CircuitService;
import fr.acta.circuit.CircuitSpecs.DeskRight;
import fr.acta.common.ConflictException;
import fr.acta.common.NotFoundException;
import fr.acta.common.ValidationException;
import fr.acta.tenant.ActaPrincipal;
import fr.acta.tenant.TenantAccess;
import fr.acta.tenant.TenantRef;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** The tasks of a person: those of the desks they hold or replace, and the decisions they take on them. */
@Service
public class TaskWorkService {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Set<String> VISA_DECISIONS = Set.of("VISA", "APPROVE", "REJECT");
    private static final Set<String> SIGNATURE_DECISIONS = Set.of("SIGN", "REJECT");

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final CircuitService circuits;
    private final ActService acts;
    private final TaskDecisions decisions;
    private final TransactionTemplate tx;
    private final PrefectureReplyTasks replyTasks;

    TaskWorkService(TaskService tasks, RuntimeService runtime, CircuitService circuits, ActService acts,
                    TaskDecisions decisions, TransactionTemplate tx, PrefectureReplyTasks replyTasks) {
        this.replyTasks = replyTasks;
        this.tasks = tasks;
        this.runtime = runtime;
        this.circuits = circuits;
        this.acts = acts;
        this.decisions = decisions;
        this.tx = tx;
    }

    /** The steps of the desks the caller holds or replaces, then the préfecture's letters they must answer. */
    public List<TaskView> pending(TenantRef tenant) {
        List<TaskView> views = new ArrayList<>(deskTasks(tenant));
        views.addAll(replyTasks.pending(tenant));
        return views;
    }

    private List<TaskView> deskTasks(TenantRef tenant) {
        Map<String, DeskRight> rights = rights(tenant);
        if (rights.isEmpty()) {
            return List.of();
        }
        List<Task> found = tasks.createTaskQuery().taskCandidateGroupIn(groups(tenant, rights))
                .taskDefinitionKey(Variables.STEP_TASK).orderByTaskCreateTime().asc().listPage(0, 1000);
        if (found.isEmpty()) {
            return List.of();
        }
        Map<String, Map<String, Object>> locals = new HashMap<>();
        for (VariableInstance v : runtime.createVariableInstanceQuery()
                .taskIdIn(found.stream().map(Task::getId).toArray(String[]::new))
                .variableNameIn(Variables.ACT_ID, Variables.DESK, Variables.STEP_KIND)
                .disableCustomObjectDeserialization().list()) {
            locals.computeIfAbsent(v.getTaskId(), k -> new HashMap<>()).put(v.getName(), v.getValue());
        }
        Map<UUID, ActSummary> summaries = acts.summaries(found.stream().map(t -> actId(locals, t)).distinct().toList());
        java.util.Date now = new java.util.Date();
        List<TaskView> views = new ArrayList<>();
        for (Task t : found) {
            UUID actId = actId(locals, t);
            ActSummary a = summaries.get(actId);
            String desk = (String) locals.get(t.getId()).get(Variables.DESK);
            DeskRight right = rights.get(desk);
            if (a == null || right == null || !right.covers(a.nature())) {
                continue;
            }
            views.add(new TaskView(t.getId(), actId, (String) locals.get(t.getId()).get(Variables.STEP_KIND), desk,
                    t.getCreateTime().toInstant(), t.getDueDate() == null ? null : t.getDueDate().toInstant(),
                    t.getDueDate() != null && t.getDueDate().before(now),
                    right.isDelegated() ? right.deskName() : null,
                    new TaskView.ActInfo(a.number(), a.subject(), a.nature(), a.state().name())));
        }
        return views;
    }

    /** Visa, signature or rejection: the act's history, the signature and the task completion commit together. */
    public void decide(TenantRef tenant, String taskId, TaskDecision body) {
        String decision = body == null || body.decision() == null ? "" : body.decision().strip().toUpperCase();
        String annotation = trim(body == null ? null : body.annotation());
        String privateAnnotation = trim(body == null ? null : body.privateAnnotation());
        if (!VISA_DECISIONS.contains(decision) && !SIGNATURE_DECISIONS.contains(decision)) {
            throw ValidationException.of("decision", "La décision doit être VISA (ou APPROVE), SIGN ou REJECT.");
        }
        if (decision.equals("REJECT") && (annotation == null || annotation.length() < 3)) {
            throw ValidationException.of("annotation", "Un rejet doit être motivé par une annotation d'au moins 3 caractères.");
        }
        if (annotation != null && annotation.length() > 2000 || privateAnnotation != null && privateAnnotation.length() > 2000) {
            throw ValidationException.of(annotation != null && annotation.length() > 2000 ? "annotation" : "privateAnnotation",
                    "Une annotation ne peut dépasser 2000 caractères.");
        }
        execute(tenant, taskId, decision, annotation, privateAnnotation, body.password(), false);
    }

    /** Signs a task whose signer already confirmed with their password (bulk signing); returns the act id. */
    public UUID signConfirmed(TenantRef tenant, String taskId) {
        return execute(tenant, taskId, "SIGN", null, null, null, true);
    }

    private UUID execute(TenantRef tenant, String taskId, String decision, String annotation, String privateAnnotation,
                         String password, boolean passwordConfirmed) {
        ActaPrincipal me = TenantAccess.currentUser();
        Map<String, DeskRight> rights = rights(tenant);
        try {
            return tx.execute(status -> {
                Located l = locate(tenant, taskId, rights);
                Set<String> allowed = "SIGNATURE".equals(l.kind()) ? SIGNATURE_DECISIONS : VISA_DECISIONS;
                if (!allowed.contains(decision)) {
                    throw ValidationException.of("decision", "SIGNATURE".equals(l.kind())
                            ? "Cette étape demande une signature : SIGN ou REJECT."
                            : "Cette étape demande un visa : VISA (ou APPROVE) ou REJECT.");
                }
                decisions.apply(new TaskDecisions.Decision(tenant, l.task(), l.actId(), l.desk(), l.right(), me,
                        decision, annotation, privateAnnotation, password, passwordConfirmed));
                return l.actId();
            });
        } catch (OptimisticLockingException e) {
            throw new ConflictException("Cette tâche vient d'être traitée par quelqu'un d'autre.");
        }
    }

    /** External (card) signing, first phase: the digest the card must sign. */
    public TaskDecisions.Prepared prepareExternal(TenantRef tenant, String taskId, List<String> certificateChain) {
        Map<String, DeskRight> rights = rights(tenant);
        return tx.execute(status -> {
            Located l = locateSignature(tenant, taskId, rights);
            return decisions.prepareExternal(tenant, l.task(), l.actId(), l.desk(), l.right(),
                    TenantAccess.currentUser(), certificateChain);
        });
    }

    /** External (card) signing, second phase: the card's signature value completes the task. */
    public void completeExternal(TenantRef tenant, String taskId, String signatureValue) {
        Map<String, DeskRight> rights = rights(tenant);
        try {
            tx.executeWithoutResult(status -> {
                Located l = locateSignature(tenant, taskId, rights);
                decisions.completeExternal(tenant, l.task(), l.actId(), l.desk(), l.right(), TenantAccess.currentUser(),
                        signatureValue);
            });
        } catch (OptimisticLockingException e) {
            throw new ConflictException("Cette tâche vient d'être traitée par quelqu'un d'autre.");
        }
    }

    private record Located(Task task, UUID actId, String desk, String kind, DeskRight right) {
    }

    private Located locateSignature(TenantRef tenant, String taskId, Map<String, DeskRight> rights) {
        Located l = locate(tenant, taskId, rights);
        if (!"SIGNATURE".equals(l.kind())) {
            throw new ConflictException("Cette étape demande un visa, pas une signature.");
        }
        return l;
    }

    /** The task, if the caller may act on it (a desk they hold, or replace for that nature); else 404. */
    private Located locate(TenantRef tenant, String taskId, Map<String, DeskRight> rights) {
        Task task = rights.isEmpty() ? null : tasks.createTaskQuery().taskId(taskId)
                .taskCandidateGroupIn(groups(tenant, rights)).taskDefinitionKey(Variables.STEP_TASK).singleResult();
        if (task == null) {
            throw new NotFoundException("Tâche introuvable.");
        }
        UUID actId = UUID.fromString((String) tasks.getVariableLocal(taskId, Variables.ACT_ID));
        String desk = (String) tasks.getVariableLocal(taskId, Variables.DESK);
        String kind = (String) tasks.getVariableLocal(taskId, Variables.STEP_KIND);
        DeskRight right = rights.get(desk);
        ActSummary act = acts.summary(tenant, actId).orElseThrow(() -> new NotFoundException("Tâche introuvable."));
        if (right == null || !right.covers(act.nature())) {
            throw new NotFoundException("Tâche introuvable.");
        }
        return new Located(task, actId, desk, kind, right);
    }

    /**
     * Droit de remords: the person who acted at the previous step takes their decision back, as long
     * as nobody has acted at the current step. The previous step is then asked again.
     */
    public void takeBack(TenantRef tenant, UUID actId) {
        ActaPrincipal me = TenantAccess.currentUser();
        acts.summary(tenant, actId).orElseThrow(() -> new NotFoundException("Acte introuvable."));
        try {
            tx.executeWithoutResult(status -> decisions.takeBack(tenant, actId, me));
        } catch (OptimisticLockingException e) {
            throw new ConflictException("L'étape suivante vient d'agir : la décision ne peut plus être reprise.");
        }
    }

    private Map<String, DeskRight> rights(TenantRef tenant) {
        Map<String, DeskRight> byDesk = new HashMap<>();
        for (DeskRight r : circuits.rightsOf(tenant, TenantAccess.currentUser().userId(), LocalDate.now(PARIS))) {
            byDesk.merge(r.desk(), r, (a, b) -> a.isDelegated() ? b : a);
        }
        return byDesk;
    }

    private static List<String> groups(TenantRef tenant, Map<String, DeskRight> rights) {
        return rights.keySet().stream().map(d -> Variables.deskGroup(tenant.code(), d)).sorted().toList();
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static UUID actId(Map<String, Map<String, Object>> locals, Task t) {
        return UUID.fromString((String) locals.getOrDefault(t.getId(), Map.of()).get(Variables.ACT_ID));
    }
}

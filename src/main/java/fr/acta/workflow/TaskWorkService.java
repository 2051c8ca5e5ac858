package fr.acta.workflow;

import fr.acta.act.ActService;
import fr.acta.act.ActSummary;
import fr.acta.circuit.CircuitService;
import fr.acta.common.ConflictException;
import fr.acta.common.FieldViolation;
import fr.acta.common.NotFoundException;
import fr.acta.common.ValidationException;
import fr.acta.tenant.ActaPrincipal;
import fr.acta.tenant.TenantAccess;
import fr.acta.tenant.TenantRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** The tasks of a person: those of the desks they hold, and the decisions they take on them. */
@Service
public class TaskWorkService {

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final CircuitService circuits;
    private final ActService acts;
    private final TransactionTemplate tx;

    TaskWorkService(TaskService tasks, RuntimeService runtime, CircuitService circuits, ActService acts,
                    TransactionTemplate tx) {
        this.tasks = tasks;
        this.runtime = runtime;
        this.circuits = circuits;
        this.acts = acts;
        this.tx = tx;
    }

    public List<TaskView> pending(TenantRef tenant) {
        List<String> groups = groups(tenant);
        if (groups.isEmpty()) {
            return List.of();
        }
        List<Task> found = tasks.createTaskQuery().taskCandidateGroupIn(groups)
                .taskDefinitionKey(Variables.VISA_TASK).orderByTaskCreateTime().asc().listPage(0, 500);
        if (found.isEmpty()) {
            return List.of();
        }
        Map<String, Map<String, Object>> locals = new HashMap<>();
        for (VariableInstance v : runtime.createVariableInstanceQuery()
                .taskIdIn(found.stream().map(Task::getId).toArray(String[]::new))
                .variableNameIn(Variables.ACT_ID, Variables.DESK).disableCustomObjectDeserialization().list()) {
            locals.computeIfAbsent(v.getTaskId(), k -> new HashMap<>()).put(v.getName(), v.getValue());
        }
        List<UUID> actIds = found.stream().map(t -> actId(locals, t)).toList();
        Map<UUID, ActSummary> summaries = acts.summaries(actIds);
        List<TaskView> views = new ArrayList<>();
        for (Task t : found) {
            UUID actId = actId(locals, t);
            ActSummary a = summaries.get(actId);
            if (a == null) {
                continue;
            }
            views.add(new TaskView(t.getId(), actId, "VISA", (String) locals.get(t.getId()).get(Variables.DESK),
                    t.getCreateTime().toInstant(), t.getDueDate() == null ? null : t.getDueDate().toInstant(),
                    new TaskView.ActInfo(a.number(), a.subject(), a.nature(), a.state().name())));
        }
        return views;
    }

    /** Approves or rejects: the act's history and the task completion commit together, or not at all. */
    public void decide(TenantRef tenant, String taskId, TaskDecision body) {
        String decision = body == null || body.decision() == null ? "" : body.decision().strip().toUpperCase();
        String annotation = body == null || body.annotation() == null ? null : body.annotation().strip();
        if (!decision.equals("APPROVE") && !decision.equals("VISA") && !decision.equals("REJECT")) {
            throw ValidationException.of("decision", "La décision doit être APPROVE (ou VISA) ou REJECT.");
        }
        boolean reject = decision.equals("REJECT");
        if (reject && (annotation == null || annotation.length() < 3)) {
            throw ValidationException.of("annotation", "Un rejet doit être motivé par une annotation d'au moins 3 caractères.");
        }
        if (annotation != null && annotation.length() > 2000) {
            throw ValidationException.of("annotation", "L'annotation ne peut dépasser 2000 caractères.");
        }
        ActaPrincipal me = TenantAccess.currentUser();
        List<String> groups = groups(tenant);
        try {
            tx.executeWithoutResult(status -> {
                Task task = groups.isEmpty() ? null : tasks.createTaskQuery().taskId(taskId)
                        .taskCandidateGroupIn(groups).taskDefinitionKey(Variables.VISA_TASK).singleResult();
                if (task == null) {
                    throw new NotFoundException("Tâche introuvable.");
                }
                UUID actId = UUID.fromString((String) tasks.getVariableLocal(taskId, Variables.ACT_ID));
                String desk = (String) tasks.getVariableLocal(taskId, Variables.DESK);
                String detail = (reject ? "Rejet" : "Visa") + " au bureau " + desk
                        + (annotation == null || annotation.isEmpty() ? "" : " : " + annotation);
                acts.record(actId, null, me.getUsername(), reject ? "VISA_REJECTED" : "VISA_APPROVED", detail);
                tasks.complete(taskId, Map.of(Variables.DECISION, reject ? "REJECT" : "APPROVE"));
            });
        } catch (OptimisticLockingException e) {
            throw new ConflictException("Cette tâche vient d'être traitée par quelqu'un d'autre.");
        } catch (org.camunda.bpm.engine.exception.NullValueException e) {
            throw new NotFoundException("Tâche introuvable.");
        }
    }

    private List<String> groups(TenantRef tenant) {
        ActaPrincipal me = TenantAccess.currentUser();
        return circuits.desksHeldBy(tenant, me.userId()).stream()
                .map(d -> Variables.deskGroup(tenant.code(), d)).sorted().toList();
    }

    private static UUID actId(Map<String, Map<String, Object>> locals, Task t) {
        return UUID.fromString((String) locals.getOrDefault(t.getId(), Map.of()).get(Variables.ACT_ID));
    }
}

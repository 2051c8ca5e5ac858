package fr.acta.workflow;

import fr.acta.act.ActService;
import fr.acta.act.ActSummary;
import fr.acta.tenant.TenantAccess;
import fr.acta.tenant.TenantRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** The caller's tasks "Répondre à la préfecture", in the tasks API; answered through the act's prefecture-messages. */
@Component
class PrefectureReplyTasks {

    private final TaskService tasks;
    private final ActService acts;

    PrefectureReplyTasks(TaskService tasks, ActService acts) {
        this.tasks = tasks;
        this.acts = acts;
    }

    List<TaskView> pending(TenantRef tenant) {
        List<Task> found = tasks.createTaskQuery().taskDefinitionKey(LetterVariables.REPLY_TASK)
                .taskAssignee(TenantAccess.currentUser().getUsername())
                .taskVariableValueEquals(Variables.TENANT, tenant.code())
                .orderByTaskCreateTime().asc().listPage(0, 1000);
        if (found.isEmpty()) {
            return List.of();
        }
        Map<String, UUID> actIds = new java.util.HashMap<>();
        for (Task t : found) {
            actIds.put(t.getId(), UUID.fromString((String) tasks.getVariableLocal(t.getId(), Variables.ACT_ID)));
        }
        Map<UUID, ActSummary> summaries = acts.summaries(actIds.values().stream().distinct().toList());
        List<TaskView> views = new ArrayList<>();
        for (Task t : found) {
            ActSummary a = summaries.get(actIds.get(t.getId()));
            if (a == null) {
                continue;
            }
            views.add(new TaskView(t.getId(), a.id(), LetterVariables.REPLY_TASK_KIND, null,
                    t.getCreateTime().toInstant(), t.getDueDate() == null ? null : t.getDueDate().toInstant(), false,
                    null, new TaskView.ActInfo(a.number(), a.subject(), a.nature(), a.state().name())));
        }
        return views;
    }
}

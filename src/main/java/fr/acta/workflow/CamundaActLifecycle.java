package fr.acta.workflow;

import fr.acta.act.ActLifecycle;
import fr.acta.common.ConflictException;
import fr.acta.tenant.TenantAccess;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** The act lifecycle on the Camunda engine: one process instance per act, business key = act id. */
@Component
class CamundaActLifecycle implements ActLifecycle {

    private final RuntimeService runtime;
    private final TaskService tasks;

    CamundaActLifecycle(RuntimeService runtime, TaskService tasks) {
        this.runtime = runtime;
        this.tasks = tasks;
    }

    @Override
    public void start(UUID actId, String tenantCode, String circuitCode) {
        runtime.createProcessInstanceByKey(Variables.LIFECYCLE_PROCESS)
                .businessKey(actId.toString())
                .setVariable(Variables.ACT_ID, actId.toString())
                .setVariable(Variables.TENANT, tenantCode)
                .setVariable(Variables.CIRCUIT, circuitCode)
                .setVariable(Variables.SUBMITTED_BY, TenantAccess.currentUser().getUsername())
                .execute();
    }

    @Override
    public void resubmitted(UUID actId, String tenantCode, String actor) {
        Task correction = tasks.createTaskQuery()
                .processInstanceBusinessKey(actId.toString())
                .taskDefinitionKeyIn(Variables.CORRECTION_TASK, Variables.TRANSMISSION_CORRECTION_TASK)
                .singleResult();
        if (correction == null) {
            throw new ConflictException("L'acte n'attend pas de correction.");
        }
        tasks.complete(correction.getId());
    }

}

package fr.acta.workflow;

import fr.acta.act.ActService;
import fr.acta.act.ActState;
import java.time.Duration;
import java.util.Date;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Task listeners of the lifecycle models: who gets a task, when it is due, what the act's state becomes. */
@Configuration(proxyBeanMethods = false)
class TaskListeners {

    /** A step task goes to its desk (a candidate group per desk and collectivité), with its kind and due date. */
    @Bean
    TaskListener stepTaskListener(CircuitSteps steps) {
        return task -> {
            String tenant = (String) task.getVariable(Variables.TENANT);
            String desk = (String) task.getVariable(Variables.DESK);
            String plan = (String) task.getVariable(Variables.CIRCUIT_PLAN);
            int index = (Integer) task.getVariable(Variables.STEP_INDEX);
            task.addCandidateGroup(Variables.deskGroup(tenant, desk));
            task.setVariableLocal(Variables.ACT_ID, task.getVariable(Variables.ACT_ID));
            task.setVariableLocal(Variables.DESK, desk);
            task.setVariableLocal(Variables.STEP_KIND, steps.kind(plan, index));
            Duration due = Duration.parse((String) task.getVariable(Variables.STEP_DUE));
            task.setDueDate(new Date(System.currentTimeMillis() + due.toMillis()));
        };
    }

    /** A rejected act waits for its submitter's correction: only now is it REJECTED, so a resubmission finds the task. */
    @Bean
    TaskListener correctionTaskListener(ActService acts) {
        return task -> {
            task.setAssignee((String) task.getVariable(Variables.SUBMITTED_BY));
            acts.record(UUID.fromString((String) task.getVariable(Variables.ACT_ID)), ActState.REJECTED,
                    LifecycleDelegates.SYSTEM, "RETURNED_TO_SUBMITTER", "Acte renvoyé à son rédacteur pour correction");
        };
    }
}

package fr.acta.workflow;

import fr.acta.act.ActService;
import fr.acta.circuit.CircuitSpecs.DeskRight;
import fr.acta.common.ConflictException;
import fr.acta.common.ValidationException;
import fr.acta.tenant.ActaPrincipal;
import fr.acta.tenant.TenantRef;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** Carries out a decision on a step task, or its taking back, inside the caller's transaction. */
@Component
class TaskDecisions {

    record Decision(TenantRef tenant, Task task, UUID actId, String desk, DeskRight right, ActaPrincipal me,
                    String decision, String annotation, String privateAnnotation, String password,
                    boolean passwordConfirmed) {
    }

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final ActService acts;
    private final PasswordEncoder passwords;
    private final CircuitSigning signing;
    private final CircuitSteps steps;

    TaskDecisions(TaskService tasks, RuntimeService runtime, ActService acts, PasswordEncoder passwords,
                  CircuitSigning signing, CircuitSteps steps) {
        this.steps = steps;
        this.tasks = tasks;
        this.runtime = runtime;
        this.acts = acts;
        this.passwords = passwords;
        this.signing = signing;
    }

    void apply(Decision d) {
        boolean reject = d.decision().equals("REJECT");
        String who = d.me().getUsername();
        String absence = d.right().isDelegated() ? " en l'absence du bureau " + d.right().deskName() : "";
        String event;
        String detail;
        if (reject) {
            event = "VISA_REJECTED";
            detail = "Rejet au bureau " + d.desk() + absence + " : " + d.annotation();
        } else if (d.decision().equals("SIGN")) {
            if (!d.passwordConfirmed()
                    && (d.password() == null || !passwords.matches(d.password(), d.me().getPassword()))) {
                throw ValidationException.of("password", "Confirmez la signature avec votre mot de passe.");
            }
            String level = (String) runtime.getVariable(d.task().getExecutionId(), Variables.SIGNATURE_LEVEL);
            event = "SIGNED";
            detail = signer().signAsPerson(d.tenant(), d.actId(), d.desk(), d.me(),
                    d.right().isDelegated() ? d.right().deskName() : null, level);
        } else {
            event = "VISA_APPROVED";
            detail = "Visa au bureau " + d.desk() + absence + (d.annotation() == null ? "" : " : " + d.annotation());
        }
        acts.record(d.actId(), null, who, event, detail, d.desk());
        if (d.annotation() != null) {
            acts.annotate(d.actId(), who, d.desk(), false, d.annotation());
        }
        if (d.privateAnnotation() != null) {
            acts.annotate(d.actId(), who, d.desk(), true, d.privateAnnotation());
        }
        String actors = (String) runtime.getVariable(d.task().getExecutionId(), Variables.STEP_ACTORS);
        runtime.setVariable(d.task().getProcessInstanceId(), Variables.STEP_ACTORS,
                actors == null || actors.isEmpty() ? who : actors + "," + who);
        tasks.complete(d.task().getId(), Map.of(Variables.DECISION, reject ? "REJECT" : "APPROVE"));
    }

    void takeBack(TenantRef tenant, UUID actId, ActaPrincipal me) {
        ProcessInstance circuit = runtime.createProcessInstanceQuery().processDefinitionKey("signature-circuit")
                .processInstanceBusinessKey(actId.toString()).active().singleResult();
        if (circuit == null) {
            throw new ConflictException("L'acte n'est plus dans son circuit : la décision ne peut plus être reprise.");
        }
        Map<String, Object> vars = runtime.getVariables(circuit.getId());
        int previous = (Integer) vars.get(Variables.PREVIOUS_STEP);
        String previousActors = (String) vars.get(Variables.PREVIOUS_ACTORS);
        String stepActors = (String) vars.get(Variables.STEP_ACTORS);
        boolean waitingOnTask = tasks.createTaskQuery().processInstanceId(circuit.getId())
                .taskDefinitionKey(Variables.STEP_TASK).count() > 0;
        if (previous < 0 || previousActors == null
                || !Arrays.asList(previousActors.split(",")).contains(me.getUsername())) {
            throw new ConflictException("Vous n'avez pas de décision à reprendre sur cet acte.");
        }
        if (!waitingOnTask || (stepActors != null && !stepActors.isEmpty())) {
            throw new ConflictException("L'étape suivante a déjà agi : la décision ne peut plus être reprise.");
        }
        if (steps.kind((String) vars.get(Variables.CIRCUIT_PLAN), previous).equals("SIGNATURE")) {
            signer().withdrawLast(actId);
        }
        acts.record(actId, null, me.getUsername(), "DECISION_TAKEN_BACK",
                "Droit de remords : décision de l'étape " + (previous + 1) + " reprise");
        runtime.createMessageCorrelation(Variables.REMORSE_MESSAGE).processInstanceId(circuit.getId()).correlate();
    }

    private CircuitSigning signer() {
        return signing;
    }
}

package fr.acta.workflow;

import fr.acta.act.ActService;
import fr.acta.circuit.CircuitDefinition;
import fr.acta.circuit.CircuitService;
import fr.acta.notification.Notifier;
import fr.acta.tenant.AppUser;
import fr.acta.tenant.TenantAccess;
import fr.acta.tenant.TenantRef;
import fr.acta.tenant.TenantService;
import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Service tasks of {@code bpmn/signature-circuit.bpmn}: thin adapters over plain services. */
@Configuration(proxyBeanMethods = false)
class CircuitDelegates {

    /** Freezes the circuit when it starts: later edits of the circuit do not touch a running act. */
    @Bean
    JavaDelegate loadCircuitDelegate(CircuitService circuits, TenantAccess tenants, CircuitSteps steps,
                                     @Value("${acta.circuit.step-due:P5D}") Duration due) {
        return execution -> {
            TenantRef tenant = tenant(tenants, execution);
            String code = (String) execution.getVariable(Variables.CIRCUIT);
            CircuitDefinition circuit = circuits.find(tenant, code)
                    .orElseThrow(() -> new IllegalStateException("Circuit " + code + " no longer exists"));
            execution.setVariable(Variables.CIRCUIT_PLAN, steps.write(circuit));
            execution.setVariable(Variables.STEP_COUNT, circuit.steps().size());
            execution.setVariable(Variables.STEP_INDEX, 0);
            execution.setVariable(Variables.STEP_DUE, due.toString());
            execution.setVariable(Variables.SIGNATURE_LEVEL,
                    circuit.signatureLevel() != null ? circuit.signatureLevel() : tenant.signatureLevel());
            execution.setVariable(Variables.DECISION, "PENDING");
            execution.setVariable(Variables.STEP_ACTORS, "");
            execution.setVariable(Variables.PREVIOUS_STEP, -1);
            execution.setVariable(Variables.PREVIOUS_ACTORS, "");
        };
    }

    /**
     * A SEAL step: the collectivité's server seal, at the circuit's level. A failure (timestamp
     * authority down…) fails the job: retried, then an incident in Cockpit; never a weaker seal.
     */
    @Bean
    JavaDelegate applySealDelegate(TenantAccess tenants, CircuitSteps steps, CircuitSigning signing, ActService acts) {
        return execution -> {
            TenantRef tenant = tenant(tenants, execution);
            String plan = (String) execution.getVariable(Variables.CIRCUIT_PLAN);
            String desk = steps.desks(plan, (Integer) execution.getVariable(Variables.STEP_INDEX)).get(0);
            String detail = signing.seal(tenant, LifecycleDelegates.actId(execution), desk,
                    (String) execution.getVariable(Variables.SIGNATURE_LEVEL));
            acts.record(LifecycleDelegates.actId(execution), null, LifecycleDelegates.SYSTEM, "SEALED", detail, desk);
            execution.setVariable(Variables.STEP_ACTORS, LifecycleDelegates.SYSTEM);
            execution.setVariable(Variables.DECISION, "APPROVE");
        };
    }

    /** The step is done: remember who acted (for the droit de remords) and move on. */
    @Bean
    JavaDelegate nextStepDelegate() {
        return execution -> {
            int index = (Integer) execution.getVariable(Variables.STEP_INDEX);
            execution.setVariable(Variables.PREVIOUS_STEP, index);
            execution.setVariable(Variables.PREVIOUS_ACTORS, execution.getVariable(Variables.STEP_ACTORS));
            execution.setVariable(Variables.STEP_ACTORS, "");
            execution.setVariable(Variables.STEP_INDEX, index + 1);
            execution.setVariable(Variables.DECISION, "APPROVE");
            execution.setVariable(Variables.LATE, false);
        };
    }

    /** Droit de remords: the previous step is asked again; the caller checked who may ask and when. */
    @Bean
    JavaDelegate takeBackDelegate() {
        return execution -> {
            execution.setVariable(Variables.STEP_INDEX, execution.getVariable(Variables.PREVIOUS_STEP));
            execution.setVariable(Variables.PREVIOUS_STEP, -1);
            execution.setVariable(Variables.PREVIOUS_ACTORS, "");
            execution.setVariable(Variables.STEP_ACTORS, "");
            execution.setVariable(Variables.DECISION, "PENDING");
        };
    }

    /** A step past its due date: marked late, and its desks' holders are reminded by e-mail. */
    @Bean
    JavaDelegate remindDelegate(TenantAccess tenants, CircuitService circuits, TenantService people, ActService acts,
                                CircuitSteps steps, Notifier notifier) {
        return execution -> {
            TenantRef tenant = tenant(tenants, execution);
            execution.setVariable(Variables.LATE, true);
            String plan = (String) execution.getVariable(Variables.CIRCUIT_PLAN);
            int index = (Integer) execution.getVariable(Variables.STEP_INDEX);
            List<String> desks = steps.desks(plan, index);
            var summary = acts.summary(tenant, LifecycleDelegates.actId(execution)).orElseThrow();
            List<String> emails = desks.stream().flatMap(d -> circuits.holdersOf(tenant, d).stream())
                    .distinct().map(id -> people.users(List.of(id)).get(id)).filter(u -> u != null)
                    .map(AppUser::getEmail).toList();
            notifier.send(emails, "[Acta] Relance : acte " + summary.number() + " en attente",
                    "Bonjour,\n\nL'acte « " + summary.subject() + " » (" + summary.number() + ") attend depuis "
                            + "son échéance l'action du bureau " + String.join(", ", desks) + ".\n\n"
                            + tenant.name() + "\n");
            acts.record(summary.id(), null, LifecycleDelegates.SYSTEM, "REMINDER",
                    "Échéance dépassée : relance envoyée au bureau " + String.join(", ", desks));
        };
    }

    static TenantRef tenant(TenantAccess tenants, DelegateExecution execution) {
        return tenants.find((String) execution.getVariable(Variables.TENANT)).orElseThrow();
    }
}

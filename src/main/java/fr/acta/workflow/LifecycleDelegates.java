package fr.acta.workflow;

import fr.acta.act.ActService;
import fr.acta.act.ActState;
import fr.acta.circuit.CircuitDefinition;
import fr.acta.circuit.CircuitEngine;
import fr.acta.circuit.CircuitService;
import fr.acta.document.DocumentTextExtractor;
import fr.acta.tenant.TenantAccess;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service tasks of the lifecycle models. Each is a thin adapter: it reads the process
 * variables and calls one plain service, inside the job's transaction.
 */
@Configuration(proxyBeanMethods = false)
class LifecycleDelegates {

    static final String SYSTEM = "acta";

    @Bean
    JavaDelegate extractTextDelegate(DocumentTextExtractor extractor) {
        return execution -> extractor.extractForAct(actId(execution), tenant(execution));
    }

    /** The act enters its circuit, carried out by Acta's parapheur or by the collectivité's i-Parapheur. */
    @Bean
    JavaDelegate enterCircuitDelegate(ActService acts, CircuitService circuits, TenantAccess tenants) {
        return execution -> {
            String code = (String) execution.getVariable(Variables.CIRCUIT);
            boolean external = tenants.find(tenant(execution)).flatMap(t -> circuits.find(t, code))
                    .map(CircuitDefinition::external).orElse(false);
            execution.setVariable(Variables.CIRCUIT_ENGINE, (external ? CircuitEngine.IPARAPHEUR : CircuitEngine.ACTA).name());
            acts.record(actId(execution), ActState.IN_CIRCUIT, SYSTEM, "CIRCUIT_STARTED",
                    "Circuit « " + code + " » démarré" + (external ? " dans le i-Parapheur" : ""));
        };
    }

    /** End of an approved circuit: the bordereau de signature, and the SIGNED state when it was signed. */
    @Bean
    JavaDelegate closeCircuitDelegate(ActService acts, CircuitSigning signing, TenantAccess tenants) {
        return execution -> {
            acts.record(actId(execution), null, SYSTEM, "CIRCUIT_COMPLETED",
                    "Circuit « " + execution.getVariable(Variables.CIRCUIT) + " » terminé");
            signing.closeCircuit(tenants.find(tenant(execution)).orElseThrow(), actId(execution));
        };
    }

    @Bean
    JavaDelegate completeActDelegate(ActService acts) {
        return execution -> {
            UUID actId = actId(execution);
            // An archived act stays ARCHIVED, a cancelled one CANCELLED: that is what their state must say.
            ActState now = acts.facts(actId).state();
            ActState state = now == ActState.ARCHIVED || now == ActState.CANCELLED || now == ActState.ACKNOWLEDGED
                    ? null : ActState.COMPLETED;
            acts.record(actId, state, SYSTEM, "COMPLETED", "Cycle de vie de l'acte terminé");
        };
    }

    static UUID actId(DelegateExecution execution) {
        return UUID.fromString((String) execution.getVariable(Variables.ACT_ID));
    }

    static String tenant(DelegateExecution execution) {
        return (String) execution.getVariable(Variables.TENANT);
    }
}

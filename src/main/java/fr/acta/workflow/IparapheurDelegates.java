package fr.acta.workflow;

import fr.acta.circuit.CircuitDefinition;
import fr.acta.circuit.CircuitService;
import fr.acta.tenant.TenantAccess;
import fr.acta.tenant.TenantRef;
import java.time.Duration;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Service tasks of {@code bpmn/iparapheur-circuit.bpmn}: thin adapters over {@link IparapheurCircuit}
 * and {@link IparapheurResults}. The folder is followed by the model's timer, whose delay doubles
 * after each look up to {@code acta.iparapheur.max-poll-delay} and starts again from
 * {@code acta.iparapheur.poll-delay} when the folder reaches a new step.
 */
@Configuration(proxyBeanMethods = false)
class IparapheurDelegates {

    /** Freezes the i-Parapheur type and sous-type when the circuit starts. */
    @Bean
    JavaDelegate loadIparapheurCircuitDelegate(CircuitService circuits, TenantAccess tenants,
                                               @Value("${acta.iparapheur.poll-delay:PT30S}") Duration firstDelay) {
        return execution -> {
            String code = (String) execution.getVariable(Variables.CIRCUIT);
            CircuitDefinition circuit = circuits.find(tenant(tenants, execution), code)
                    .filter(CircuitDefinition::external)
                    .orElseThrow(() -> new IllegalStateException("Circuit " + code + " is no longer an i-Parapheur circuit"));
            execution.setVariable(Variables.IPARAPHEUR_TYPE, circuit.iparapheur().type());
            execution.setVariable(Variables.IPARAPHEUR_SUBTYPE, circuit.iparapheur().subtype());
            execution.setVariable(Variables.POLL_DELAY, firstDelay.toString());
            execution.setVariable(Variables.FOLDER_STEP, "");
            execution.setVariable(Variables.DECISION, "PENDING");
        };
    }

    @Bean
    JavaDelegate createIparapheurFolderDelegate(IparapheurCircuit circuit, TenantAccess tenants) {
        return execution -> execution.setVariable(Variables.FOLDER_ID, circuit.create(tenant(tenants, execution),
                LifecycleDelegates.actId(execution), execution.getProcessInstanceId(), type(execution),
                subtype(execution)));
    }

    @Bean
    JavaDelegate checkIparapheurFolderDelegate(IparapheurCircuit circuit, TenantAccess tenants,
                                               @Value("${acta.iparapheur.poll-delay:PT30S}") Duration firstDelay,
                                               @Value("${acta.iparapheur.max-poll-delay:PT15M}") Duration maxDelay) {
        return execution -> {
            String lastStep = (String) execution.getVariable(Variables.FOLDER_STEP);
            IparapheurCircuit.Check check = circuit.check(tenant(tenants, execution), LifecycleDelegates.actId(execution),
                    execution.getProcessInstanceId(), type(execution), subtype(execution), lastStep);
            Duration delay = Duration.parse((String) execution.getVariable(Variables.POLL_DELAY));
            boolean moved = check.step() != null && !check.step().equals(lastStep);
            Duration next = moved ? firstDelay : delay.multipliedBy(2);
            execution.setVariable(Variables.POLL_DELAY, (next.compareTo(maxDelay) > 0 ? maxDelay : next).toString());
            execution.setVariable(Variables.FOLDER_STEP, check.step() == null ? "" : check.step());
            execution.setVariable(Variables.FOLDER_STATE, check.state().name());
        };
    }

    @Bean
    JavaDelegate storeIparapheurFolderDelegate(IparapheurResults results, TenantAccess tenants) {
        return execution -> {
            results.storeFinished(tenant(tenants, execution), LifecycleDelegates.actId(execution),
                    execution.getProcessInstanceId(), type(execution), subtype(execution));
            execution.setVariable(Variables.DECISION, "APPROVE");
        };
    }

    @Bean
    JavaDelegate deleteIparapheurFolderDelegate(IparapheurResults results, TenantAccess tenants) {
        return execution -> results.deleteFinished(tenant(tenants, execution), LifecycleDelegates.actId(execution),
                execution.getProcessInstanceId(), type(execution), subtype(execution));
    }

    @Bean
    JavaDelegate deleteRejectedIparapheurFolderDelegate(IparapheurResults results, TenantAccess tenants) {
        return execution -> results.deleteRejected(tenant(tenants, execution), LifecycleDelegates.actId(execution),
                execution.getProcessInstanceId(), type(execution), subtype(execution));
    }

    @Bean
    JavaDelegate recordIparapheurRejectionDelegate(IparapheurResults results, TenantAccess tenants) {
        return execution -> {
            results.recordRejection(tenant(tenants, execution), LifecycleDelegates.actId(execution),
                    execution.getProcessInstanceId(), type(execution), subtype(execution));
            execution.setVariable(Variables.DECISION, "REJECT");
        };
    }

    private static TenantRef tenant(TenantAccess tenants, DelegateExecution execution) {
        return CircuitDelegates.tenant(tenants, execution);
    }

    private static String type(DelegateExecution execution) {
        return (String) execution.getVariable(Variables.IPARAPHEUR_TYPE);
    }

    private static String subtype(DelegateExecution execution) {
        return (String) execution.getVariable(Variables.IPARAPHEUR_SUBTYPE);
    }
}

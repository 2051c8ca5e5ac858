package fr.acta.workflow;

import fr.acta.act.ActService;
import fr.acta.act.ActState;
import fr.acta.prefecture.Acknowledgements;
import fr.acta.prefecture.TransmissionFollowUp;
import fr.acta.prefecture.TransmissionService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service tasks of {@code bpmn/prefecture-transmission.bpmn}: thin adapters over the prefecture services. */
@Configuration(proxyBeanMethods = false)
class TransmissionDelegates {

    /** Whether the act goes to the contrôle de légalité, read when its circuit is over. */
    @Bean
    JavaDelegate legalityControlDelegate(ActService acts) {
        return execution -> execution.setVariable(Variables.LEGALITY_CONTROL,
                acts.facts(LifecycleDelegates.actId(execution)).legalityControl());
    }

    @Bean
    JavaDelegate prepareTransmissionDelegate(TransmissionService transmissions) {
        return execution -> transmissions.prepare(LifecycleDelegates.actId(execution));
    }

    @Bean
    JavaDelegate postTransmissionDelegate(TransmissionService transmissions, TransmissionFollowUp followUp) {
        return execution -> {
            transmissions.post(LifecycleDelegates.actId(execution));
            execution.setVariable(Variables.TRANSMISSION_WAIT, followUp.firstWait().toString());
        };
    }

    @Bean
    JavaDelegate followTransmissionDelegate(TransmissionFollowUp followUp) {
        return execution -> {
            TransmissionFollowUp.Step step = followUp.follow(LifecycleDelegates.actId(execution));
            execution.setVariable(Variables.TRANSMISSION_OUTCOME, step.outcome().name());
            execution.setVariable(Variables.TRANSMISSION_WAIT, step.nextWait().toString());
        };
    }

    @Bean
    JavaDelegate recordAcknowledgementDelegate(Acknowledgements acknowledgements) {
        return execution -> acknowledgements.record(LifecycleDelegates.actId(execution));
    }

    /**
     * The act refused by the préfecture (or that could not be sent) goes back to its submitter, who
     * corrects it and sends it again: only now is it TRANSMISSION_ERROR, so a resubmission finds the task.
     */
    @Bean
    TaskListener transmissionCorrectionTaskListener(ActService acts) {
        return task -> {
            task.setAssignee((String) task.getVariable(Variables.SUBMITTED_BY));
            task.setVariableLocal(Variables.ACT_ID, task.getVariable(Variables.ACT_ID));
            acts.record(java.util.UUID.fromString((String) task.getVariable(Variables.ACT_ID)),
                    ActState.TRANSMISSION_ERROR, LifecycleDelegates.SYSTEM, "RETURNED_TO_SUBMITTER",
                    "Acte renvoyé à son rédacteur : à corriger, puis à renvoyer en préfecture");
        };
    }
}

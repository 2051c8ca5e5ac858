package fr.acta.workflow;

import fr.acta.act.ActService;
import fr.acta.act.ActState;
import fr.acta.archiving.ArchivingService;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The steps of {@code bpmn/act-archiving.bpmn}: thin adapters over {@link ArchivingService}. */
@Configuration(proxyBeanMethods = false)
class ArchivingDelegates {

    @Bean
    JavaDelegate prepareArchiveDelegate(ArchivingService archiving) {
        return execution -> archiving.prepare(LifecycleDelegates.actId(execution));
    }

    @Bean
    JavaDelegate sendArchiveDelegate(ArchivingService archiving) {
        return execution -> {
            archiving.send(LifecycleDelegates.actId(execution));
            execution.setVariable(Variables.ARCHIVE_WAIT, archiving.firstWait().toString());
        };
    }

    @Bean
    JavaDelegate followArchiveDelegate(ArchivingService archiving) {
        return execution -> {
            ArchivingService.Step step = archiving.follow(LifecycleDelegates.actId(execution));
            execution.setVariable(Variables.ARCHIVE_OUTCOME, step.outcome());
            execution.setVariable(Variables.ARCHIVE_WAIT, step.nextWait().toString());
        };
    }

    /**
     * A transfer the archive refused goes to the collectivité's archivists (candidate group
     * {@code role:{tenant}:ARCHIVIST}); only now is the act ARCHIVE_ERROR, so a retry always finds the task.
     */
    @Bean
    TaskListener archiveCorrectionTaskListener(ActService acts) {
        return task -> {
            task.addCandidateGroup("role:" + task.getVariable(Variables.TENANT) + ":ARCHIVIST");
            task.setVariableLocal(Variables.ACT_ID, task.getVariable(Variables.ACT_ID));
            UUID actId = UUID.fromString((String) task.getVariable(Variables.ACT_ID));
            ActState now = acts.facts(actId).state();
            acts.record(actId, now == ActState.CANCELLED ? null : ActState.ARCHIVE_ERROR, LifecycleDelegates.SYSTEM,
                    "ARCHIVE_ERROR", "Versement refusé par l'archive : un archiviste en examine le motif, puis le refait");
        };
    }
}

package fr.acta.workflow;

import fr.acta.act.ActFacts;
import fr.acta.act.ActService;
import fr.acta.act.ActState;
import fr.acta.archiving.ArchivingService;
import fr.acta.notification.Notifier;
import fr.acta.tenant.Role;
import fr.acta.tenant.TenantAccess;
import fr.acta.tenant.TenantService;
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
    TaskListener archiveCorrectionTaskListener(ActService acts, TenantService tenants, TenantAccess access,
                                               Notifier notifier) {
        return task -> {
            task.addCandidateGroup("role:" + task.getVariable(Variables.TENANT) + ":ARCHIVIST");
            task.setVariableLocal(Variables.ACT_ID, task.getVariable(Variables.ACT_ID));
            UUID actId = UUID.fromString((String) task.getVariable(Variables.ACT_ID));
            ActState now = acts.facts(actId).state();
            acts.record(actId, now == ActState.CANCELLED ? null : ActState.ARCHIVE_ERROR, LifecycleDelegates.SYSTEM,
                    "ARCHIVE_ERROR", "Versement refusé par l'archive : un archiviste en examine le motif, puis le refait");
            ActFacts act = acts.facts(actId);
            access.findById(act.tenantId()).ifPresent(t -> notifier.send(tenants.emailsOf(t.id(), Role.ARCHIVIST),
                    "[Acta] Versement refusé : acte " + act.number(),
                    "L'archive a refusé le versement de l'acte " + act.number() + " (« " + act.subject() + " ») de "
                            + t.name() + ".\n\nConsultez le motif dans l'acte (section archive), corrigez-en la cause, "
                            + "puis demandez un nouveau versement."));
        };
    }
}

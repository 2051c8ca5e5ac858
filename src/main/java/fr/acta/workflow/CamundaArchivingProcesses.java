package fr.acta.workflow;

import fr.acta.archiving.ArchivingProcesses;
import fr.acta.common.ConflictException;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** The archiving stage's requests to the Camunda engine; each call joins the caller's transaction. */
@Component
class CamundaArchivingProcesses implements ArchivingProcesses {

    private final TaskService tasks;

    CamundaArchivingProcesses(TaskService tasks) {
        this.tasks = tasks;
    }

    @Override
    public void retryRequested(UUID actId) {
        Task task = tasks.createTaskQuery().taskDefinitionKey(Variables.ARCHIVE_CORRECTION_TASK)
                .processInstanceBusinessKey(actId.toString()).singleResult();
        if (task == null) {
            throw new ConflictException("Aucune tâche de refus d'archivage n'est ouverte pour cet acte.");
        }
        tasks.complete(task.getId());
    }
}

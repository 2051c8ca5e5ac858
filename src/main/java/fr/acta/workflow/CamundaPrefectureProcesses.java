package fr.acta.workflow;

import fr.acta.common.ConflictException;
import fr.acta.prefecture.PrefectureProcesses;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The préfecture's letters and the cancellation on the Camunda engine: one small process per letter
 * ({@code bpmn/prefecture-letter.bpmn}) and per cancellation ({@code bpmn/act-cancellation.bpmn}),
 * business key = act id. Every call joins the caller's transaction.
 */
@Component
class CamundaPrefectureProcesses implements PrefectureProcesses {

    private final RuntimeService runtime;
    private final TaskService tasks;

    CamundaPrefectureProcesses(RuntimeService runtime, TaskService tasks) {
        this.runtime = runtime;
        this.tasks = tasks;
    }

    @Override
    public void letterArrived(UUID actId, UUID messageId, String tenantCode, String submittedBy, boolean defere) {
        runtime.createProcessInstanceByKey(LetterVariables.LETTER_PROCESS)
                .businessKey(actId.toString())
                .setVariable(Variables.ACT_ID, actId.toString())
                .setVariable(Variables.TENANT, tenantCode)
                .setVariable(Variables.SUBMITTED_BY, submittedBy)
                .setVariable(LetterVariables.MESSAGE_ID, messageId.toString())
                .setVariable(LetterVariables.LETTER_KIND, defere ? LetterVariables.DEFERE : LetterVariables.REPLY)
                .execute();
    }

    @Override
    public void replyRequested(UUID messageId) {
        Task task = tasks.createTaskQuery().taskDefinitionKey(LetterVariables.REPLY_TASK)
                .processVariableValueEquals(LetterVariables.MESSAGE_ID, messageId.toString()).singleResult();
        if (task == null) {
            throw new ConflictException("Aucune tâche de réponse n'est ouverte pour ce message de la préfecture.");
        }
        tasks.complete(task.getId());
    }

    @Override
    public void cancellationRequested(UUID actId, String tenantCode) {
        runtime.createProcessInstanceByKey(LetterVariables.CANCELLATION_PROCESS)
                .businessKey(actId.toString())
                .setVariable(Variables.ACT_ID, actId.toString())
                .setVariable(Variables.TENANT, tenantCode)
                .execute();
    }
}

package fr.acta.workflow;

import fr.acta.notification.Notifier;
import fr.acta.prefecture.Cancellations;
import fr.acta.prefecture.DefereNotices;
import fr.acta.prefecture.FollowStep;
import fr.acta.prefecture.PrefectureMailbox;
import fr.acta.prefecture.ReplyFollowUp;
import fr.acta.prefecture.ReplySender;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service tasks of {@code bpmn/prefecture-mailbox.bpmn}, {@code bpmn/prefecture-letter.bpmn} and
 * {@code bpmn/act-cancellation.bpmn}: thin adapters over the prefecture services.
 */
@Configuration(proxyBeanMethods = false)
class PrefectureLetterDelegates {

    @Bean
    JavaDelegate prefectureMailboxDelegate(PrefectureMailbox mailbox) {
        return execution -> mailbox.collect();
    }

    /** The submitter answers the letter of their act. */
    @Bean
    TaskListener prefectureReplyTaskListener() {
        return task -> {
            task.setAssignee((String) task.getVariable(Variables.SUBMITTED_BY));
            task.setVariableLocal(Variables.ACT_ID, task.getVariable(Variables.ACT_ID));
            task.setVariableLocal(Variables.TENANT, task.getVariable(Variables.TENANT));
            task.setVariableLocal(LetterVariables.MESSAGE_ID, task.getVariable(LetterVariables.MESSAGE_ID));
        };
    }

    /** Told once: the e-mail goes, then its sending is recorded with the step. */
    @Bean
    JavaDelegate notifyDefereDelegate(DefereNotices notices, Notifier notifier) {
        return execution -> notices.pending(messageId(execution)).ifPresent(notice ->
                notices.sent(messageId(execution), notice, notifier.send(notice.to(), notice.subject(), notice.body())));
    }

    @Bean
    JavaDelegate sendReplyDelegate(ReplySender sender, ReplyFollowUp followUp) {
        return execution -> {
            execution.setVariable(LetterVariables.REPLY_OUTCOME, sender.send(messageId(execution)));
            execution.setVariable(LetterVariables.REPLY_WAIT, followUp.firstWait().toString());
        };
    }

    @Bean
    JavaDelegate followReplyDelegate(ReplyFollowUp followUp) {
        return execution -> {
            FollowStep step = followUp.follow(messageId(execution));
            execution.setVariable(LetterVariables.REPLY_OUTCOME, step.outcome());
            execution.setVariable(LetterVariables.REPLY_WAIT, step.nextWait().toString());
        };
    }

    @Bean
    JavaDelegate postCancellationDelegate(Cancellations cancellations, ReplyFollowUp timing) {
        return execution -> {
            execution.setVariable(LetterVariables.CANCELLATION_OUTCOME,
                    cancellations.post(LifecycleDelegates.actId(execution)));
            execution.setVariable(LetterVariables.CANCELLATION_WAIT, timing.firstWait().toString());
        };
    }

    @Bean
    JavaDelegate followCancellationDelegate(Cancellations cancellations) {
        return execution -> {
            FollowStep step = cancellations.follow(LifecycleDelegates.actId(execution));
            execution.setVariable(LetterVariables.CANCELLATION_OUTCOME, step.outcome());
            execution.setVariable(LetterVariables.CANCELLATION_WAIT, step.nextWait().toString());
        };
    }

    private static UUID messageId(DelegateExecution execution) {
        return UUID.fromString((String) execution.getVariable(LetterVariables.MESSAGE_ID));
    }
}

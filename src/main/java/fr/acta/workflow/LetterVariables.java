package fr.acta.workflow;

/** Names of the variables and keys of the préfecture's letters, replies and cancellation models. */
final class LetterVariables {
    static final String LETTER_PROCESS = "prefecture-letter";
    static final String CANCELLATION_PROCESS = "act-cancellation";
    static final String REPLY_TASK = "prefectureReply";
    static final String MESSAGE_ID = "messageId";
    static final String LETTER_KIND = "letterKind";
    static final String DEFERE = "DEFERE";
    static final String REPLY = "REPLY";
    static final String REPLY_OUTCOME = "replyOutcome";
    static final String REPLY_WAIT = "replyWait";
    static final String CANCELLATION_OUTCOME = "cancellationOutcome";
    static final String CANCELLATION_WAIT = "cancellationWait";
    /** The kind of a reply task in the tasks API. */
    static final String REPLY_TASK_KIND = "PREFECTURE_REPLY";

    private LetterVariables() {
    }
}

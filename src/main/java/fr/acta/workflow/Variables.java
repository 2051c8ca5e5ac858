package fr.acta.workflow;

/** Names of the process variables, shared by the models and their adapters. */
final class Variables {
    static final String ACT_ID = "actId";
    static final String TENANT = "tenant";
    static final String CIRCUIT = "circuit";
    static final String SUBMITTED_BY = "submittedBy";
    static final String CIRCUIT_PLAN = "circuitPlan";
    static final String SIGNATURE_LEVEL = "signatureLevel";
    static final String STEP_INDEX = "stepIndex";
    static final String STEP_COUNT = "stepCount";
    static final String STEP_DUE = "stepDue";
    static final String STEP_ACTORS = "stepActors";
    static final String PREVIOUS_STEP = "previousStepIndex";
    static final String PREVIOUS_ACTORS = "previousActors";
    static final String DESK = "desk";
    static final String STEP_KIND = "stepKind";
    static final String DECISION = "decision";
    static final String LATE = "late";
    static final String CIRCUIT_ENGINE = "circuitEngine";
    static final String IPARAPHEUR_TYPE = "iparapheurType";
    static final String IPARAPHEUR_SUBTYPE = "iparapheurSubtype";
    static final String FOLDER_ID = "iparapheurFolderId";
    static final String FOLDER_STATE = "iparapheurFolderState";
    static final String FOLDER_STEP = "iparapheurStep";
    static final String POLL_DELAY = "iparapheurPollDelay";

    static final String LIFECYCLE_PROCESS = "act-lifecycle";
    static final String STEP_TASK = "step";
    static final String CORRECTION_TASK = "correction";
    static final String TRANSMISSION_CORRECTION_TASK = "transmissionCorrection";
    static final String TRANSMISSION_OUTCOME = "transmissionOutcome";
    static final String TRANSMISSION_WAIT = "transmissionWait";
    static final String LEGALITY_CONTROL = "legalityControl";
    static final String ARCHIVE_OUTCOME = "archiveOutcome";
    static final String ARCHIVE_WAIT = "archiveWait";
    static final String ARCHIVE_CORRECTION_TASK = "archiveCorrection";
    static final String REMORSE_MESSAGE = "remords";

    private Variables() {
    }

    static String deskGroup(String tenant, String desk) {
        return "desk:" + tenant + ":" + desk;
    }
}

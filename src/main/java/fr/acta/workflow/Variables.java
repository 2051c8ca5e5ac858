package fr.acta.workflow;

/** Names of the process variables, shared by the models and their adapters. */
final class Variables {
    static final String ACT_ID = "actId";
    static final String TENANT = "tenant";
    static final String CIRCUIT = "circuit";
    static final String SUBMITTED_BY = "submittedBy";
    static final String CIRCUIT_PLAN = "circuitPlan";
    static final String DESK = "desk";
    static final String DECISION = "decision";
    static final String CIRCUIT_DECISION = "circuitDecision";

    static final String LIFECYCLE_PROCESS = "act-lifecycle";
    static final String VISA_TASK = "visa";
    static final String CORRECTION_TASK = "correction";

    private Variables() {
    }

    static String deskGroup(String tenant, String desk) {
        return "desk:" + tenant + ":" + desk;
    }
}

package fr.acta.act;

import java.util.UUID;

/**
 * What the act capability needs from the process engine; implemented by the workflow capability,
 * so that acts do not depend on the engine. Both calls join the caller's transaction.
 */
public interface ActLifecycle {

    /** Starts the act's lifecycle process (business key = act id). */
    void start(UUID actId, String tenantCode, String circuitCode);

    /** Tells the waiting lifecycle that the rejected act was corrected and resubmitted. */
    void resubmitted(UUID actId, String tenantCode, String actor);
}

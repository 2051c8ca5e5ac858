package fr.acta.prefecture;

import java.time.Duration;

/**
 * One look at something sent to the préfecture (a reply, a cancellation), for the process's
 * gateway: {@code PENDING}, {@code ACKNOWLEDGED} or {@code ERROR}, and the wait before the next look.
 */
public record FollowStep(String outcome, Duration nextWait) {

    public static final String PENDING = "PENDING";
    public static final String ACKNOWLEDGED = "ACKNOWLEDGED";
    public static final String ERROR = "ERROR";
}

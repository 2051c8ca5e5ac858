package fr.acta.vitam;

/**
 * A Vitam call that did not succeed, with a French message for the people who follow the archiving.
 * {@link #status()} is the HTTP status, -1 when no answer came (network, TLS, timeout), or 0 for a
 * fault on Acta's side that no retry mends (a missing access contract, an unreadable certificate or
 * reply).
 */
public class VitamException extends RuntimeException {

    private final int status;

    public VitamException(int status, String message) {
        this(status, message, null);
    }

    public VitamException(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** The HTTP status of Vitam's answer, or -1 when there was none. */
    public int status() {
        return status;
    }

    /** Worth trying again later: no answer, a server error (5xx) or too many requests (429). */
    public boolean retryable() {
        return status == -1 || status >= 500 || status == 429;
    }

    /** Vitam does not know what was asked for (404). */
    public boolean notFound() {
        return status == 404;
    }
}

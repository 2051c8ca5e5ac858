package fr.acta.asalae;

/**
 * A call to the As@lae archive that failed, with a French message for people. {@link #status()} is
 * the HTTP status, or -1 when no answer came (network, timeout); {@link #retryable()} tells a
 * passing trouble (no answer, 5xx, 429) from a final refusal (authentication, bad request).
 */
public class AsalaeException extends RuntimeException {

    private final int status;

    public AsalaeException(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    public AsalaeException(int status, String message) {
        this(status, message, null);
    }

    public int status() {
        return status;
    }

    /** Worth trying again later: the archive did not answer, failed (5xx) or asked to slow down (429). */
    public boolean retryable() {
        return status == -1 || status == 429 || status >= 500;
    }
}

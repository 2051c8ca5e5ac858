package fr.acta.transmission;

/**
 * A failure talking to S²LOW, with a French message for the people who run Acta. Messages never
 * carry a password.
 */
public class S2lowException extends RuntimeException {

    /** What went wrong, so that the caller knows whether trying again later may help. */
    public enum Kind {
        /** The settings are wrong (unreadable PKCS#12, wrong password, missing login…). */
        CONFIGURATION,
        /** The TLS handshake failed (client certificate refused, server not trusted) or HTTP 401/403. */
        AUTHENTICATION,
        /** S²LOW answered {@code KO}: it refused the request; see {@link S2lowRefusalException#s2lowMessage()}. */
        REFUSED,
        /** HTTP 404. */
        NOT_FOUND,
        /** Network failure, timeout or HTTP 5xx: retry later. */
        UNAVAILABLE,
        /** The answer does not follow the protocol. */
        PROTOCOL
    }

    private final Kind kind;
    private final int httpStatus;

    public S2lowException(Kind kind, int httpStatus, String message) {
        this(kind, httpStatus, message, null);
    }

    public S2lowException(Kind kind, int httpStatus, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.httpStatus = httpStatus;
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status that caused this failure, or 0 when there was none. */
    public int httpStatus() {
        return httpStatus;
    }

    /** Whether the same call may succeed later without any change. */
    public boolean retryable() {
        return kind == Kind.UNAVAILABLE;
    }
}

package fr.acta.iparapheur;

/**
 * A failure talking to the i-Parapheur, with a French message fit for the people who run Acta.
 * Messages never carry a password or a token.
 */
public class IparapheurException extends RuntimeException {

    /** What went wrong, so that the caller knows whether trying again later may help. */
    public enum Kind {
        /** The settings are wrong (unknown realm, malformed address…): fix them, retrying will not help. */
        CONFIGURATION,
        /** Keycloak or the API refused the account or its token. */
        AUTHENTICATION,
        /** The folder (or tenant, desk) does not exist, or no longer does. */
        NOT_FOUND,
        /** The server refused the request as invalid (HTTP 400, 403, 406, 409…). */
        REFUSED,
        /** The server could not be reached or failed (network, timeout, HTTP 5xx): retry later. */
        UNAVAILABLE,
        /** The answer did not follow the protocol (unreadable PREMIS, ZIP without PREMIS…). */
        PROTOCOL
    }

    private final Kind kind;
    private final int httpStatus;

    public IparapheurException(Kind kind, int httpStatus, String message) {
        super(message);
        this.kind = kind;
        this.httpStatus = httpStatus;
    }

    public IparapheurException(Kind kind, int httpStatus, String message, Throwable cause) {
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

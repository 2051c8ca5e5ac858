package fr.acta.common;

/**
 * What was asked needs something that is not available now (a timestamp authority, revocation
 * data, a remote service); nothing was done, and the request may be tried again (503).
 */
public class UnavailableException extends RuntimeException {
    public UnavailableException(String detail, Throwable cause) {
        super(detail, cause);
    }
}

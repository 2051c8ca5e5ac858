package fr.acta.signature;

/**
 * A stored key as an administrator sees it: its certificate, whether it is the one signing now,
 * and its revocation if any. {@code localPki}: issued by this installation's local PKI.
 */
public record KeyStatus(StoredKey key, State state, KeyRevocation revocation, boolean localPki) {

    public enum State {
        /** The key the desk or the seal signs with. */
        ACTIVE,
        /** Usable, but a newer key is used. */
        SUPERSEDED,
        REVOKED,
        EXPIRED,
        NOT_YET_VALID
    }
}

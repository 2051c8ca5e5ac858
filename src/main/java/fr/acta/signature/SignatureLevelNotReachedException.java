package fr.acta.signature;

/**
 * The requested PAdES level could not be produced (time-stamping authority unreachable, revocation
 * data missing, signer not trusted…). No signed document is returned in that case: Acta never hands
 * back a signature below the level asked for. The message is French, for the user.
 */
public class SignatureLevelNotReachedException extends fr.acta.common.UnavailableException {

    private final SignatureLevel requested;

    public SignatureLevelNotReachedException(SignatureLevel requested, String reason, Throwable cause) {
        super("Niveau de signature " + requested.label() + " non atteint : " + reason, cause);
        this.requested = requested;
    }

    public SignatureLevel requested() {
        return requested;
    }
}

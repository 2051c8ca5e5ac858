package fr.acta.signature;

import fr.acta.common.ConflictException;

/**
 * A signature refused before it is made: the signer's certificate is revoked, expired or not yet
 * valid, or a desk has no usable certificate. The message is French, for the user (409).
 */
public class CertificateNotUsableException extends ConflictException {
    public CertificateNotUsableException(String detail) {
        super(detail);
    }
}

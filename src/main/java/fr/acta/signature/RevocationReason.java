package fr.acta.signature;

import java.security.cert.CRLReason;

/** Why a signing certificate is revoked: the RFC 5280 reasons that fit a desk's or a seal's key. */
public enum RevocationReason {
    /** No reason given (the CRL entry then carries no reason code). */
    UNSPECIFIED(CRLReason.UNSPECIFIED, "non précisé"),
    /** The private key may be known to someone else. */
    KEY_COMPROMISE(CRLReason.KEY_COMPROMISE, "compromission de la clé"),
    /** The holder left the desk or the collectivité, or changed name or position. */
    AFFILIATION_CHANGED(CRLReason.AFFILIATION_CHANGED, "changement de fonction ou de rattachement"),
    /** Replaced by a new certificate. */
    SUPERSEDED(CRLReason.SUPERSEDED, "remplacé par un nouveau certificat"),
    /** The desk or the seal is no longer used. */
    CESSATION_OF_OPERATION(CRLReason.CESSATION_OF_OPERATION, "cessation d'activité"),
    /** The right to sign was withdrawn. */
    PRIVILEGE_WITHDRAWN(CRLReason.PRIVILEGE_WITHDRAWN, "retrait du droit de signer");

    private final CRLReason crlReason;
    private final String label;

    RevocationReason(CRLReason crlReason, String label) {
        this.crlReason = crlReason;
        this.label = label;
    }

    CRLReason crlReason() {
        return crlReason;
    }

    /** In French, for messages. */
    public String label() {
        return label;
    }

    /** The reason of a CRL entry, or UNSPECIFIED for none or one Acta does not use. */
    static RevocationReason of(CRLReason reason) {
        for (RevocationReason r : values()) {
            if (r.crlReason == reason) {
                return r;
            }
        }
        return UNSPECIFIED;
    }
}

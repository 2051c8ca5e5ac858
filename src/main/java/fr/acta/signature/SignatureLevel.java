package fr.acta.signature;

/** The PAdES baseline levels Acta produces. */
public enum SignatureLevel {
    /** Signature only: the signing time is the signer's claim. */
    B(eu.europa.esig.dss.enumerations.SignatureLevel.PAdES_BASELINE_B),
    /** Plus a timestamp from a time-stamping authority: the signature existed at that time. */
    T(eu.europa.esig.dss.enumerations.SignatureLevel.PAdES_BASELINE_T),
    /** Plus the certificates and revocation data needed to validate it later (long term). */
    LT(eu.europa.esig.dss.enumerations.SignatureLevel.PAdES_BASELINE_LT),
    /** Plus an archive (document) timestamp over all of it, to be renewed before its expiry. */
    LTA(eu.europa.esig.dss.enumerations.SignatureLevel.PAdES_BASELINE_LTA);

    private final eu.europa.esig.dss.enumerations.SignatureLevel dss;

    SignatureLevel(eu.europa.esig.dss.enumerations.SignatureLevel dss) {
        this.dss = dss;
    }

    eu.europa.esig.dss.enumerations.SignatureLevel dss() {
        return dss;
    }

    /** The standard's name, e.g. "PAdES-BASELINE-LT". */
    public String label() {
        return dss.toString();
    }

    /** Acta's level for a DSS format, or null for a format Acta does not produce. */
    static SignatureLevel of(eu.europa.esig.dss.enumerations.SignatureLevel format) {
        for (SignatureLevel l : values()) {
            if (l.dss == format) {
                return l;
            }
        }
        return null;
    }
}

package fr.acta.signature;

/** A signed PDF and the DSS verdict on the signature just added (always at the requested level). */
public record SignedPdf(byte[] pdf, SignatureLevel level, SignatureCheck check, String etsiReport) {
}

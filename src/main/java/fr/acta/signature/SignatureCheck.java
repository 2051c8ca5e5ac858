package fr.acta.signature;

import java.time.Instant;

/**
 * DSS's verdict on one signature of a document.
 *
 * @param id DSS's identifier of the signature
 * @param signerSubject the signing certificate's subject (RFC 2253)
 * @param signerSerial the signing certificate's serial number in hexadecimal
 * @param signingTime the claimed signing time
 * @param format the format DSS found, e.g. "PAdES-BASELINE-LTA" (also for formats Acta does not produce)
 * @param level that format as Acta's level, or null
 * @param indication TOTAL_PASSED, INDETERMINATE or TOTAL_FAILED
 * @param subIndication the reason of a non-passed indication, or null
 * @param errors DSS's validation errors for this signature (English), empty when it passed
 */
public record SignatureCheck(String id, String signerSubject, String signerSerial, Instant signingTime, String format,
                             SignatureLevel level, String indication, String subIndication, java.util.List<String> errors) {

    public SignatureCheck {
        errors = errors == null ? java.util.List.of() : java.util.List.copyOf(errors);
    }

    public boolean passed() {
        return "TOTAL_PASSED".equals(indication);
    }
}

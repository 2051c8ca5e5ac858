package fr.acta.signature;

import java.util.List;

/**
 * The validation of a PDF: one check per signature (in document order), and DSS's simple report
 * and ETSI validation report (ETSI TS 119 102-2) as XML, to keep with the act.
 */
public record ValidationOutcome(List<SignatureCheck> signatures, String simpleReportXml, String etsiReportXml) {

    public ValidationOutcome {
        signatures = List.copyOf(signatures);
    }

    public boolean allPassed() {
        return !signatures.isEmpty() && signatures.stream().allMatch(SignatureCheck::passed);
    }
}

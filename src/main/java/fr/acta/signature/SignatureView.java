package fr.acta.signature;

import java.time.Instant;
import java.util.UUID;

/** A signature Acta produced on an act, with DSS's verdict right after signing. */
public record SignatureView(UUID id, String signer, String signerName, String desk, String absentDesk, String kind,
                            String level, Instant signedAt, String certificateSubject, String certificateIssuer,
                            String certificateSerial, String indication, String subIndication, UUID documentId) {
}

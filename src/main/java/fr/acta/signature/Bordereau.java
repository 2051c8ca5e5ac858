package fr.acta.signature;

import java.time.Instant;
import java.util.List;

/** What a bordereau de signature lists: the act, the digest of the signed document, each step. */
public record Bordereau(String collectivite, String title, String idActe, String number, String nature,
                        String documentName, String documentSha256, Instant producedAt, List<Line> lines) {

    /** One decision of the circuit, with the certificate when it was a signature. */
    public record Line(Instant at, String desk, String person, String decision, String absentDesk,
                       String annotation, String certificateSubject, String certificateIssuer,
                       String certificateSerial) {
    }
}

package fr.acta.act;

import fr.acta.document.DocumentView;
import fr.acta.signature.SignatureView;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** An act as the API shows it. */
public record ActView(UUID id, String tenant, ActState state, String idActe, String nature, String number,
                      String subject, LocalDate decisionDate, String matiere, String mainDocumentType,
                      List<String> annexTypes, String circuit, boolean legalityControl,
                      LocalDate classificationDate, String submittedBy, Instant createdAt, Instant updatedAt,
                      List<DocumentView> documents, List<HistoryEntry> history, List<Annotation> annotations,
                      List<SignatureView> signatures,
                      @com.fasterxml.jackson.annotation.JsonIgnore java.util.Map<String, Object> sections) {

    /** The later stages' parts ({@code transmission}, {@code archive}), as top-level properties. */
    @com.fasterxml.jackson.annotation.JsonAnyGetter
    public java.util.Map<String, Object> sectionsAsProperties() {
        return sections;
    }

    public record HistoryEntry(Instant at, String actor, String event, String detail, String desk) {
    }

    /** {@code visibility} is PUBLIC, or PRIVATE (shown to the holders of its desk only). */
    public record Annotation(Instant at, String author, String desk, String visibility, String text) {
    }
}

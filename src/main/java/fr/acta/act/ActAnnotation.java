package fr.acta.act;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A note left on an act at a step: public (travels with the act) or private (seen by its desk only). */
@Entity
@Table(name = "act_annotation")
class ActAnnotation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "act_id")
    private UUID actId;
    @Column(name = "tenant_id")
    private UUID tenantId;
    private Instant at;
    private String author;
    private String desk;
    private String visibility;
    private String text;

    protected ActAnnotation() {
    }

    ActAnnotation(UUID actId, UUID tenantId, String author, String desk, boolean isPrivate, String text) {
        this.actId = actId;
        this.tenantId = tenantId;
        this.at = Instant.now();
        this.author = author;
        this.desk = desk;
        this.visibility = isPrivate ? "PRIVATE" : "PUBLIC";
        this.text = text;
    }

    Instant getAt() { return at; }
    String getAuthor() { return author; }
    String getDesk() { return desk; }
    String getVisibility() { return visibility; }
    String getText() { return text; }
}

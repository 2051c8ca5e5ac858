package fr.acta.classification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One version of a collectivité's classification, as imported, with the XML kept as received. */
@Entity
@Table(name = "classification")
class Classification {

    @Id
    private UUID id;
    @Column(name = "tenant_id")
    private UUID tenantId;
    @Column(name = "date_classification")
    private LocalDate dateClassification;
    @Column(name = "imported_at")
    private Instant importedAt;
    @Column(name = "current_version")
    private boolean currentVersion;
    private String content;
    @Column(name = "raw_xml")
    private String rawXml;

    protected Classification() {
    }

    Classification(UUID tenantId, LocalDate dateClassification, String content, String rawXml) {
        this.id = UUID.randomUUID();
        this.tenantId = tenantId;
        this.dateClassification = dateClassification;
        this.content = content;
        this.rawXml = rawXml;
        this.importedAt = Instant.now();
    }

    UUID getId() { return id; }
    UUID getTenantId() { return tenantId; }
    LocalDate getDateClassification() { return dateClassification; }
    String getContent() { return content; }
    boolean isCurrentVersion() { return currentVersion; }

    void setCurrentVersion(boolean current) {
        this.currentVersion = current;
    }

    void reimport(String content, String rawXml) {
        this.content = content;
        this.rawXml = rawXml;
        this.importedAt = Instant.now();
    }
}

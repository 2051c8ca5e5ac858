package fr.acta.act;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** An act of a collectivité, from intake to the end of its lifecycle. */
@Entity
@Table(name = "act")
class Act {

    @Id
    private UUID id;
    @Column(name = "tenant_id")
    private UUID tenantId;
    @Enumerated(EnumType.STRING)
    private Nature nature;
    private String number;
    private String subject;
    @Column(name = "decision_date")
    private LocalDate decisionDate;
    private String matiere;
    @Column(name = "main_document_type")
    private String mainDocumentType;
    @Column(name = "annex_types")
    private String annexTypes;
    @Column(name = "circuit_code")
    private String circuitCode;
    @Column(name = "legality_control")
    private boolean legalityControl;
    @Column(name = "id_acte")
    private String idActe;
    @Enumerated(EnumType.STRING)
    private ActState state;
    @Column(name = "classification_id")
    private UUID classificationId;
    @Column(name = "submitted_by")
    private String submittedBy;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Version
    private long version;

    protected Act() {
    }

    Act(UUID tenantId, String submittedBy) {
        this.id = UUID.randomUUID();
        this.tenantId = tenantId;
        this.submittedBy = submittedBy;
        this.state = ActState.SUBMITTED;
        this.createdAt = Instant.now();
        this.updatedAt = createdAt;
    }

    void describe(ActMetadata.Checked m, UUID classificationId, String idActe) {
        this.nature = m.nature();
        this.number = m.number();
        this.subject = m.subject();
        this.decisionDate = m.decisionDate();
        this.matiere = m.matiere();
        this.mainDocumentType = m.mainDocumentType();
        this.annexTypes = String.join(",", m.annexTypes());
        this.circuitCode = m.circuit();
        this.legalityControl = m.legalityControl();
        this.classificationId = classificationId;
        this.idActe = idActe;
        this.updatedAt = Instant.now();
    }

    void moveTo(ActState next) {
        this.state = next;
        this.updatedAt = Instant.now();
    }

    UUID getId() { return id; }
    UUID getTenantId() { return tenantId; }
    Nature getNature() { return nature; }
    String getNumber() { return number; }
    String getSubject() { return subject; }
    LocalDate getDecisionDate() { return decisionDate; }
    String getMatiere() { return matiere; }
    String getMainDocumentType() { return mainDocumentType; }
    String getCircuitCode() { return circuitCode; }
    boolean isLegalityControl() { return legalityControl; }
    String getIdActe() { return idActe; }
    ActState getState() { return state; }
    UUID getClassificationId() { return classificationId; }
    String getSubmittedBy() { return submittedBy; }
    Instant getCreatedAt() { return createdAt; }
    Instant getUpdatedAt() { return updatedAt; }
    long getVersion() { return version; }

    List<String> getAnnexTypes() {
        return annexTypes == null || annexTypes.isEmpty() ? List.of() : Arrays.asList(annexTypes.split(","));
    }
}

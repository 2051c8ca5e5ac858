package fr.acta.circuit;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** A circuit is data: ordered steps, each given to one or more desks. */
@Entity
@Table(name = "circuit")
class Circuit {

    @Id
    private UUID id;
    @Column(name = "tenant_id")
    private UUID tenantId;
    private String code;
    private String name;
    private String natures;
    @Column(name = "signature_level")
    private String signatureLevel;
    private int revision;
    @Enumerated(EnumType.STRING)
    private CircuitEngine engine = CircuitEngine.ACTA;
    @Column(name = "iparapheur_type")
    private String iparapheurType;
    @Column(name = "iparapheur_subtype")
    private String iparapheurSubtype;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "circuit_step", joinColumns = @JoinColumn(name = "circuit_id"))
    @OrderColumn(name = "position")
    private List<CircuitStep> steps = new ArrayList<>();
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "circuit_step_desk", joinColumns = @JoinColumn(name = "circuit_id"))
    private List<StepDesk> stepDesks = new ArrayList<>();

    protected Circuit() {
    }

    Circuit(UUID tenantId, String code) {
        this.id = UUID.randomUUID();
        this.tenantId = tenantId;
        this.code = code;
        this.revision = 0;
    }

    /** Replaces the circuit's content; running acts keep the plan they froze when they started. */
    void define(String name, List<String> natures, String signatureLevel, List<CircuitStep> steps,
                List<StepDesk> stepDesks, CircuitEngine engine, String iparapheurType, String iparapheurSubtype) {
        this.name = name;
        this.engine = engine;
        this.iparapheurType = iparapheurType;
        this.iparapheurSubtype = iparapheurSubtype;
        this.natures = natures == null || natures.isEmpty() ? null : String.join(",", natures);
        this.signatureLevel = signatureLevel;
        this.steps.clear();
        this.steps.addAll(steps);
        this.stepDesks.clear();
        this.stepDesks.addAll(stepDesks);
        this.revision++;
    }

    UUID getId() { return id; }
    UUID getTenantId() { return tenantId; }
    String getCode() { return code; }
    String getName() { return name; }
    String getSignatureLevel() { return signatureLevel; }
    int getRevision() { return revision; }
    CircuitEngine getEngine() { return engine; }
    String getIparapheurType() { return iparapheurType; }
    String getIparapheurSubtype() { return iparapheurSubtype; }
    List<CircuitStep> getSteps() { return steps; }
    List<StepDesk> getStepDesks() { return stepDesks; }

    List<String> getNatures() {
        return natures == null ? List.of() : Arrays.asList(natures.split(","));
    }
}

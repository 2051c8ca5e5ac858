package fr.acta.circuit;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A circuit is data: an ordered list of steps, each given to a desk. */
@Entity
@Table(name = "circuit")
class Circuit {

    @Id
    private UUID id;
    @Column(name = "tenant_id")
    private UUID tenantId;
    private String code;
    private String name;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "circuit_step", joinColumns = @JoinColumn(name = "circuit_id"))
    @OrderColumn(name = "position")
    private List<CircuitStep> steps = new ArrayList<>();

    protected Circuit() {
    }

    Circuit(UUID tenantId, String code, String name, List<CircuitStep> steps) {
        this.id = UUID.randomUUID();
        this.tenantId = tenantId;
        this.code = code;
        this.name = name;
        this.steps = new ArrayList<>(steps);
    }

    UUID getId() { return id; }
    UUID getTenantId() { return tenantId; }
    String getCode() { return code; }
    String getName() { return name; }
    List<CircuitStep> getSteps() { return steps; }
}

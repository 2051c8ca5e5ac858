package fr.acta.circuit;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.UUID;

@Embeddable
class CircuitStep {

    @Column(name = "desk_id")
    private UUID deskId;
    @Enumerated(EnumType.STRING)
    private StepKind kind;

    protected CircuitStep() {
    }

    CircuitStep(UUID deskId, StepKind kind) {
        this.deskId = deskId;
        this.kind = kind;
    }

    UUID getDeskId() { return deskId; }
    StepKind getKind() { return kind; }
}

package fr.acta.circuit;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.UUID;

/** One desk of one step (a step may have several desks). */
@Embeddable
class StepDesk {

    private int position;
    @Column(name = "desk_position")
    private int deskPosition;
    @Column(name = "desk_id")
    private UUID deskId;

    protected StepDesk() {
    }

    StepDesk(int position, int deskPosition, UUID deskId) {
        this.position = position;
        this.deskPosition = deskPosition;
        this.deskId = deskId;
    }

    int getPosition() { return position; }
    int getDeskPosition() { return deskPosition; }
    UUID getDeskId() { return deskId; }
}

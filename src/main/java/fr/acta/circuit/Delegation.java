package fr.acta.circuit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** A desk's absence: another desk acts "en l'absence de" it, for a date range and maybe some natures only. */
@Entity
@Table(name = "desk_delegation")
class Delegation {

    @Id
    private UUID id;
    @Column(name = "tenant_id")
    private UUID tenantId;
    @Column(name = "desk_id")
    private UUID deskId;
    @Column(name = "delegate_desk_id")
    private UUID delegateDeskId;
    @Column(name = "starts_on")
    private LocalDate startsOn;
    @Column(name = "ends_on")
    private LocalDate endsOn;
    private String natures;
    @Column(name = "created_at")
    private Instant createdAt;

    protected Delegation() {
    }

    Delegation(UUID tenantId, UUID deskId, UUID delegateDeskId, LocalDate startsOn, LocalDate endsOn,
               List<String> natures) {
        this.id = UUID.randomUUID();
        this.tenantId = tenantId;
        this.deskId = deskId;
        this.delegateDeskId = delegateDeskId;
        this.startsOn = startsOn;
        this.endsOn = endsOn;
        this.natures = natures == null || natures.isEmpty() ? null : String.join(",", natures);
        this.createdAt = Instant.now();
    }

    boolean covers(LocalDate day, String nature) {
        return !day.isBefore(startsOn) && !day.isAfter(endsOn)
                && (natures == null || nature == null || getNatures().contains(nature));
    }

    UUID getId() { return id; }
    UUID getDeskId() { return deskId; }
    UUID getDelegateDeskId() { return delegateDeskId; }
    LocalDate getStartsOn() { return startsOn; }
    LocalDate getEndsOn() { return endsOn; }

    List<String> getNatures() {
        return natures == null ? List.of() : Arrays.asList(natures.split(","));
    }
}

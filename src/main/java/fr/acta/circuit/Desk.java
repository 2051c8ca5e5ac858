package fr.acta.circuit;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/** A bureau ("Maire", "DGS"…): tasks go to desks, and desks are held by one or more people. */
@Entity
@Table(name = "desk")
class Desk {

    @Id
    private UUID id;
    @Column(name = "tenant_id")
    private UUID tenantId;
    private String code;
    private String name;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "desk_member", joinColumns = @JoinColumn(name = "desk_id"))
    @Column(name = "user_id")
    private Set<UUID> members = new HashSet<>();

    protected Desk() {
    }

    Desk(UUID tenantId, String code, String name) {
        this.id = UUID.randomUUID();
        this.tenantId = tenantId;
        this.code = code;
        this.name = name;
    }

    UUID getId() { return id; }
    UUID getTenantId() { return tenantId; }
    String getCode() { return code; }
    String getName() { return name; }
    Set<UUID> getMembers() { return members; }
}

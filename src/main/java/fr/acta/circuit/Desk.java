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
    /** The quality shown in a visible signature ("Maire de Valmont-sur-Saône"). */
    private String quality;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "desk_member", joinColumns = @JoinColumn(name = "desk_id"))
    @Column(name = "user_id")
    private Set<UUID> members = new HashSet<>();

    protected Desk() {
    }

    Desk(UUID tenantId, String code) {
        this.id = UUID.randomUUID();
        this.tenantId = tenantId;
        this.code = code;
    }

    void define(String name, String quality, Set<UUID> members) {
        this.name = name;
        this.quality = quality;
        this.members.clear();
        this.members.addAll(members);
    }

    UUID getId() { return id; }
    UUID getTenantId() { return tenantId; }
    String getCode() { return code; }
    String getName() { return name; }
    String getQuality() { return quality; }
    Set<UUID> getMembers() { return members; }
}

package fr.acta.tenant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A collectivité of the mutualised platform. */
@Entity
@Table(name = "tenant")
public class Tenant {

    @Id
    private UUID id;
    @Column(nullable = false, unique = true)
    private String code;
    private String name;
    private String siren;
    private String departement;
    private String arrondissement;
    @Column(name = "nature_code")
    private String natureCode;
    @Column(name = "created_at")
    private Instant createdAt;
    /** Default PAdES level of the collectivité's signatures (B, T, LT or LTA). */
    @Column(name = "signature_level")
    private String signatureLevel = "LT";

    protected Tenant() {
    }

    public Tenant(String code, String name, String siren, String departement, String arrondissement,
                  String natureCode) {
        this.id = UUID.randomUUID();
        this.code = code;
        this.name = name;
        this.siren = siren;
        this.departement = departement;
        this.arrondissement = arrondissement;
        this.natureCode = natureCode;
        this.createdAt = Instant.now();
    }

    public UUID getId() { return id; }
    public String getCode() { return code; }
    public String getName() { return name; }
    public String getSiren() { return siren; }
    public String getDepartement() { return departement; }
    public String getArrondissement() { return arrondissement; }
    public String getNatureCode() { return natureCode; }
    public Instant getCreatedAt() { return createdAt; }
    public String getSignatureLevel() { return signatureLevel; }

    /** The caller checked the level (B, T, LT or LTA). */
    void setSignatureLevel(String signatureLevel) { this.signatureLevel = signatureLevel; }
}

package fr.acta.tenant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** A person who signs in to Acta; belongs to one collectivité, or to none for the operator's staff. */
@Entity
@Table(name = "app_user")
public class AppUser {

    @Id
    private UUID id;
    @Column(nullable = false, unique = true)
    private String username;
    @Column(name = "password_hash")
    private String passwordHash;
    /** BCrypt of the password's lowercase hex SHA-256: Pastell's Basic variant, for the archive's As@lae API only. */
    @Column(name = "sha256_password_hash")
    private String sha256PasswordHash;
    @Column(name = "display_name")
    private String displayName;
    private String email;
    @Column(name = "tenant_id")
    private UUID tenantId;
    private String roles;
    @Column(name = "created_at")
    private Instant createdAt;

    protected AppUser() {
    }

    public AppUser(String username, String passwordHash, String sha256PasswordHash, String displayName, String email,
                   UUID tenantId, Set<Role> roles) {
        this.id = UUID.randomUUID();
        this.username = username;
        this.passwordHash = passwordHash;
        this.sha256PasswordHash = sha256PasswordHash;
        this.displayName = displayName;
        this.email = email;
        this.tenantId = tenantId;
        this.roles = roles.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
        this.createdAt = Instant.now();
    }

    public UUID getId() { return id; }
    public String getUsername() { return username; }
    public String getPasswordHash() { return passwordHash; }
    String getSha256PasswordHash() { return sha256PasswordHash; }
    public String getDisplayName() { return displayName; }
    public String getEmail() { return email; }
    public UUID getTenantId() { return tenantId; }

    public Set<Role> getRoles() {
        EnumSet<Role> set = EnumSet.noneOf(Role.class);
        Arrays.stream(roles.split(",")).filter(s -> !s.isBlank()).map(Role::valueOf).forEach(set::add);
        return set;
    }
}

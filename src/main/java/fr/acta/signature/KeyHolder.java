package fr.acta.signature;

import java.util.Objects;

/**
 * Who a signing key belongs to and what its certificate says when the local PKI issues it: a
 * person's desk (CN = the desk's quality) or a collectivité's seal held at a desk.
 */
public record KeyHolder(OwnerKind kind, String code, String commonName, String organization, String title) {

    public KeyHolder {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(code, "code");
    }

    /** A desk's key; {@code quality} null means "desk name — collectivité". */
    public static KeyHolder desk(String deskCode, String deskName, String quality, String tenantName) {
        String cn = quality != null && !quality.isBlank() ? quality : deskName + " — " + tenantName;
        return new KeyHolder(OwnerKind.DESK, deskCode, cn, tenantName, deskName);
    }

    /** The collectivité's seal (cachet serveur) held at a desk. */
    public static KeyHolder seal(String deskCode, String deskName, String tenantName) {
        return new KeyHolder(OwnerKind.SEAL, deskCode, "Cachet — " + tenantName, tenantName, deskName);
    }
}

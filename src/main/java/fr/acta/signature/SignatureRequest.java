package fr.acta.signature;

import java.time.Instant;
import java.util.Objects;

/**
 * What to sign with and how the signature reads.
 *
 * @param level the PAdES level that must be reached (no lower level is ever returned)
 * @param signerName the name shown in the block and written in the signature dictionary
 * @param quality the signer's quality ("Maire", "Adjoint aux finances"), also a claimed signer role
 * @param reason e.g. "Approbation de la délibération"
 * @param location e.g. "Valmont-sur-Saône"
 * @param onBehalfOf who the signer stands in for ("En l'absence de …"), or null
 * @param signingTime the claimed signing time; null means now (two-step signing fixes it at prepare)
 * @param placement the visible block, or {@link Placement#invisible()}
 */
public record SignatureRequest(SignatureLevel level, String signerName, String quality, String reason,
                               String location, String onBehalfOf, Instant signingTime, Placement placement) {

    public SignatureRequest {
        Objects.requireNonNull(level, "level");
        if (signerName == null || signerName.isBlank()) {
            throw new IllegalArgumentException("A signature request needs the signer's name");
        }
        placement = placement == null ? Placement.invisible() : placement;
        onBehalfOf = onBehalfOf == null || onBehalfOf.isBlank() ? null : onBehalfOf.strip();
    }

    /** An invisible signature at {@code level}, signed now, with no reason, location nor quality. */
    public static SignatureRequest of(SignatureLevel level, String signerName) {
        return new SignatureRequest(level, signerName, null, null, null, null, null, Placement.invisible());
    }

    public SignatureRequest withPlacement(Placement p) {
        return new SignatureRequest(level, signerName, quality, reason, location, onBehalfOf, signingTime, p);
    }

    public SignatureRequest withSigningTime(Instant t) {
        return new SignatureRequest(level, signerName, quality, reason, location, onBehalfOf, t, placement);
    }

    public SignatureRequest withLevel(SignatureLevel l) {
        return new SignatureRequest(l, signerName, quality, reason, location, onBehalfOf, signingTime, placement);
    }
}

package fr.acta.prefecture;

import fr.acta.common.FieldViolation;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.pkcs.Pfx;

/**
 * The checks of an S²LOW account before it is stored, each naming the field at fault in French: the
 * server's address (https only, as S²LOW demands mutual TLS) and the client certificate (a readable
 * PKCS#12 that the given password opens, holding a key whose certificate is in force).
 */
final class S2lowAccountChecks {

    /** A PKCS#12 of a client certificate is a few kilobytes; anything much larger is not one. */
    static final int MAX_PKCS12 = 64 * 1024;
    private static final DateTimeFormatter FRENCH = DateTimeFormatter.ofPattern("dd/MM/yyyy")
            .withZone(ZoneId.of("Europe/Paris"));

    private S2lowAccountChecks() {
    }

    /** The address of a real S²LOW: an absolute https URL with a host, no query. */
    static Optional<FieldViolation> baseUrl(String baseUrl) {
        if (baseUrl == null || baseUrl.isBlank()) {
            return Optional.of(new FieldViolation("baseUrl", "L'adresse de S²LOW est obligatoire (par exemple "
                    + "https://s2low.example.fr)."));
        }
        URI uri;
        try {
            uri = URI.create(baseUrl.strip());
        } catch (IllegalArgumentException e) {
            return Optional.of(new FieldViolation("baseUrl", "L'adresse de S²LOW n'est pas une URL valide."));
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("http")) {
            return Optional.of(new FieldViolation("baseUrl", "Une adresse http n'est pas acceptée pour un S²LOW "
                    + "réel : S²LOW exige https et l'authentification TLS mutuelle."));
        }
        if (!scheme.equals("https") || uri.getHost() == null || uri.getQuery() != null || uri.getFragment() != null) {
            return Optional.of(new FieldViolation("baseUrl", "L'adresse de S²LOW doit être une URL https complète, "
                    + "sans paramètres (par exemple https://s2low.example.fr)."));
        }
        return Optional.empty();
    }

    /** The certificate of the PKCS#12's key, or the violation that stops it being used. */
    static Result certificate(byte[] pkcs12, String password) {
        if (pkcs12.length > MAX_PKCS12) {
            return Result.refused("certificate", "Le fichier PKCS#12 dépasse " + MAX_PKCS12 / 1024 + " Ko.");
        }
        if (!isPfx(pkcs12)) {
            return Result.refused("certificate", "Le fichier n'est pas un PKCS#12 (.p12 ou .pfx) lisible.");
        }
        KeyStore store;
        try {
            store = KeyStore.getInstance("PKCS12");
            store.load(new ByteArrayInputStream(pkcs12), password == null ? new char[0] : password.toCharArray());
        } catch (IOException | GeneralSecurityException e) {
            return Result.refused("certificatePassword", "Le mot de passe ne permet pas d'ouvrir le fichier PKCS#12.");
        }
        try {
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias) && store.getCertificate(alias) instanceof X509Certificate c) {
                    return inForce(c);
                }
            }
        } catch (GeneralSecurityException e) {
            return Result.refused("certificate", "Le fichier PKCS#12 est illisible.");
        }
        return Result.refused("certificate", "Le fichier PKCS#12 ne contient pas de clé privée avec son certificat.");
    }

    private static Result inForce(X509Certificate c) {
        Instant now = Instant.now();
        if (c.getNotAfter().toInstant().isBefore(now)) {
            return Result.refused("certificate", "Le certificat client a expiré le "
                    + FRENCH.format(c.getNotAfter().toInstant()) + ".");
        }
        if (c.getNotBefore().toInstant().isAfter(now)) {
            return Result.refused("certificate", "Le certificat client n'est valable qu'à partir du "
                    + FRENCH.format(c.getNotBefore().toInstant()) + ".");
        }
        return new Result(c, List.of());
    }

    private static boolean isPfx(byte[] bytes) {
        try {
            Pfx.getInstance(ASN1Primitive.fromByteArray(bytes));
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    record Result(X509Certificate certificate, List<FieldViolation> violations) {
        static Result refused(String field, String message) {
            return new Result(null, List.of(new FieldViolation(field, message)));
        }
    }
}

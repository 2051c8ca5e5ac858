package fr.acta.iparapheur;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import fr.acta.common.FieldViolation;
import fr.acta.common.NotFoundException;
import fr.acta.common.ValidationException;
import fr.acta.secret.SecretBox;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each collectivité's i-Parapheur settings, kept whole (address, account and password, entity, desk)
 * as one secret of the {@link SecretBox}: encrypted at rest, never shown back. Circuits carried out in
 * the i-Parapheur read them at each call, so a new password applies to folders already sent.
 */
@Service
public class IparapheurConnections {

    static final String SECRET_NAME = "connector/iparapheur";
    private static final Pattern KEYCLOAK_NAME = Pattern.compile("[A-Za-z0-9._-]{1,100}");
    private static final int MAX_ID = 100;
    private static final int MAX_USERNAME = 200;
    private static final int MAX_PASSWORD = 500;

    /** The stored form (JSON inside the secret). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Stored(String baseUrl, String realm, String clientId, String username, String password, String tenantId,
                  String deskId) {
    }

    private final SecretBox secrets;

    IparapheurConnections(SecretBox secrets) {
        this.secrets = secrets;
    }

    /** Creates or replaces the settings; a missing password keeps the stored one. */
    @Transactional
    public IparapheurConnectionView save(UUID tenantId, IparapheurConnectionSpec spec) {
        Optional<Stored> previous = stored(tenantId);
        List<FieldViolation> errors = new ArrayList<>();
        if (spec == null) {
            throw ValidationException.of("baseUrl", "Les paramètres du i-Parapheur sont obligatoires.");
        }
        String baseUrl = baseUrl(spec.baseUrl(), errors);
        String realm = keycloakName(spec.realm(), IparapheurSettings.DEFAULT_REALM, "realm", "royaume Keycloak", errors);
        String clientId = keycloakName(spec.clientId(), IparapheurSettings.DEFAULT_CLIENT_ID, "clientId",
                "client Keycloak", errors);
        String username = required(spec.username(), MAX_USERNAME, "username",
                "L'identifiant du compte i-Parapheur est obligatoire (200 caractères au plus).", errors);
        String password = spec.password();
        if (password == null || password.isEmpty()) {
            password = previous.map(Stored::password).orElse(null);
            if (password == null) {
                errors.add(new FieldViolation("password", "Le mot de passe du compte i-Parapheur est obligatoire."));
            }
        } else if (password.length() > MAX_PASSWORD) {
            errors.add(new FieldViolation("password", "Le mot de passe dépasse 500 caractères."));
        }
        String remoteTenant = identifier(spec.tenantId(), "tenantId",
                "L'identifiant de l'entité (tenant) i-Parapheur est obligatoire (100 caractères au plus, sans « / »).",
                errors);
        String desk = identifier(spec.deskId(), "deskId",
                "L'identifiant du bureau émetteur i-Parapheur est obligatoire (100 caractères au plus, sans « / »).",
                errors);
        if (!errors.isEmpty()) {
            throw new ValidationException("Les paramètres du i-Parapheur ne sont pas valides.", errors);
        }
        Stored stored = new Stored(baseUrl, realm, clientId, username, password, remoteTenant, desk);
        try {
            secrets.put(tenantId, SECRET_NAME, ErrorBodies.JSON.writeValueAsBytes(stored));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write the i-Parapheur settings", e);
        }
        return view(tenantId).orElseThrow();
    }

    /** The settings without their password; empty when the collectivité has none. */
    @Transactional(readOnly = true)
    public Optional<IparapheurConnectionView> view(UUID tenantId) {
        return stored(tenantId).map(s -> new IparapheurConnectionView(s.baseUrl(), s.realm(), s.clientId(),
                s.username(), s.password() != null && !s.password().isEmpty(), s.tenantId(), s.deskId(),
                secrets.updatedAt(tenantId, SECRET_NAME).orElse(null)));
    }

    @Transactional
    public void delete(UUID tenantId) {
        if (!secrets.delete(tenantId, SECRET_NAME)) {
            throw new NotFoundException("Aucun paramétrage i-Parapheur pour cette collectivité.");
        }
    }

    /**
     * The full settings for folders of that type and sous-type, for the connector. A collectivité
     * without settings is a CONFIGURATION failure: retrying will not help until they are written.
     */
    @Transactional(readOnly = true)
    public IparapheurSettings settings(UUID tenantId, String type, String subtype) {
        Stored s = stored(tenantId).orElseThrow(() -> new IparapheurException(IparapheurException.Kind.CONFIGURATION, 0,
                "La collectivité n'a pas de paramètres i-Parapheur : un administrateur doit les renseigner."));
        return new IparapheurSettings(URI.create(s.baseUrl()), s.realm(), s.clientId(), s.username(), s.password(),
                s.tenantId(), s.deskId(), type, subtype);
    }

    private Optional<Stored> stored(UUID tenantId) {
        return secrets.get(tenantId, SECRET_NAME).map(bytes -> {
            try {
                return ErrorBodies.JSON.readValue(bytes, Stored.class);
            } catch (IOException e) {
                throw new IllegalStateException("Unreadable i-Parapheur settings", e);
            }
        });
    }

    // ------------------------------------------------------------------------------------- checks

    private static String baseUrl(String value, List<FieldViolation> errors) {
        String message = "L'adresse du i-Parapheur doit être une URL http(s) complète, sans identifiants, "
                + "paramètres ni fragment (ex. https://parapheur.exemple.fr).";
        if (value == null || value.isBlank() || value.length() > 500) {
            errors.add(new FieldViolation("baseUrl", message));
            return null;
        }
        try {
            URI uri = new URI(value.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                    || uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                errors.add(new FieldViolation("baseUrl", message));
                return null;
            }
            String url = uri.toString();
            while (url.endsWith("/")) {
                url = url.substring(0, url.length() - 1);
            }
            return url;
        } catch (URISyntaxException e) {
            errors.add(new FieldViolation("baseUrl", message));
            return null;
        }
    }

    private static String keycloakName(String value, String fallback, String field, String what,
                                       List<FieldViolation> errors) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        if (!KEYCLOAK_NAME.matcher(value.strip()).matches()) {
            errors.add(new FieldViolation(field, "Le " + what + " comporte de 1 à 100 caractères parmi A-Z, a-z, "
                    + "0-9, « . », « _ » et « - »."));
        }
        return value.strip();
    }

    private static String required(String value, int max, String field, String message, List<FieldViolation> errors) {
        if (value == null || value.isBlank() || value.strip().length() > max) {
            errors.add(new FieldViolation(field, message));
            return null;
        }
        return value.strip();
    }

    private static String identifier(String value, String field, String message, List<FieldViolation> errors) {
        String v = required(value, MAX_ID, field, message, errors);
        if (v != null && (v.contains("/") || v.contains("\\"))) {
            errors.add(new FieldViolation(field, message));
        }
        return v;
    }
}

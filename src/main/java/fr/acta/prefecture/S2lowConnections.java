package fr.acta.prefecture;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.acta.common.FieldViolation;
import fr.acta.common.NotFoundException;
import fr.acta.common.ValidationException;
import fr.acta.secret.SecretBox;
import fr.acta.transmission.S2lowSettings;
import java.io.IOException;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each collectivité's S²LOW account (address, client certificate with its password, optional login
 * and password), kept whole as one secret of the {@link SecretBox}: encrypted at rest, never shown
 * back. An account may instead be the built-in sandbox préfecture's, reached on this very server.
 */
@Service
public class S2lowConnections {

    static final String SECRET_NAME = "connector/s2low";
    static final String SANDBOX_PATH = "/s2low-sandbox";
    private static final ObjectMapper JSON = new ObjectMapper();

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Stored(boolean sandbox, String baseUrl, String pkcs12, String certificatePassword, String login,
                  String password, boolean confirmationRequired) {
    }

    /**
     * What an administrator sends; a missing password or certificate keeps the stored one.
     *
     * @param confirmationRequired the account's sendings wait (S²LOW status 17) until an agent confirms them
     *                             with an RGS certificate, through the link the act shows
     */
    public record Spec(boolean sandbox, String baseUrl, byte[] pkcs12, String certificatePassword, String login,
                       String password, boolean confirmationRequired) {

        public Spec(boolean sandbox, String baseUrl, byte[] pkcs12, String certificatePassword, String login,
                    String password) {
            this(sandbox, baseUrl, pkcs12, certificatePassword, login, password, false);
        }
    }

    private final SecretBox secrets;
    private final Environment environment;

    S2lowConnections(SecretBox secrets, Environment environment) {
        this.secrets = secrets;
        this.environment = environment;
    }

    @Transactional
    public S2lowConnectionView save(UUID tenantId, Spec spec) {
        Optional<Stored> previous = stored(tenantId);
        List<FieldViolation> errors = new ArrayList<>();
        String login = blankToNull(spec.login());
        String password = blankToNull(spec.password());
        if (password == null && login != null) {
            password = previous.filter(p -> login.equals(p.login())).map(Stored::password).orElse(null);
        }
        if (login != null && password == null) {
            errors.add(new FieldViolation("password", "Le mot de passe du compte S²LOW est obligatoire avec un identifiant."));
        }
        if (spec.confirmationRequired() && login == null) {
            errors.add(new FieldViolation("login", "La confirmation des envois par un agent (certificat RGS) demande "
                    + "l'identifiant et le mot de passe du compte S²LOW."));
        }
        Stored stored;
        if (spec.sandbox()) {
            if (login == null) {
                errors.add(new FieldViolation("login", "L'identifiant du compte du bac à sable est obligatoire."));
            }
            stored = new Stored(true, null, null, null, login, password, spec.confirmationRequired());
        } else {
            boolean newCertificate = spec.pkcs12() != null && spec.pkcs12().length > 0;
            String pkcs12 = newCertificate ? Base64.getEncoder().encodeToString(spec.pkcs12())
                    : previous.filter(p -> !p.sandbox()).map(Stored::pkcs12).orElse(null);
            String certificatePassword = spec.certificatePassword() != null ? spec.certificatePassword()
                    : previous.filter(p -> !p.sandbox()).map(Stored::certificatePassword).orElse("");
            String baseUrl = blankToNull(spec.baseUrl());
            stored = new Stored(false, baseUrl, pkcs12, certificatePassword, login, password,
                    spec.confirmationRequired());
            S2lowAccountChecks.baseUrl(baseUrl).ifPresent(errors::add);
            if (pkcs12 == null) {
                errors.add(new FieldViolation("certificate",
                        "Le certificat client (PKCS#12) est obligatoire : S²LOW exige l'authentification TLS mutuelle."));
            } else {
                errors.addAll(S2lowAccountChecks.certificate(Base64.getDecoder().decode(pkcs12), certificatePassword)
                        .violations());
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException("Les paramètres S²LOW ne sont pas valides.", errors);
        }
        try {
            secrets.put(tenantId, SECRET_NAME, JSON.writeValueAsBytes(stored));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write the S²LOW settings", e);
        }
        return view(tenantId).orElseThrow();
    }

    @Transactional(readOnly = true)
    public Optional<S2lowConnectionView> view(UUID tenantId) {
        return stored(tenantId).map(s -> {
            Optional<X509Certificate> cert = s.sandbox() || s.pkcs12() == null ? Optional.empty()
                    : Optional.ofNullable(S2lowAccountChecks.certificate(Base64.getDecoder().decode(s.pkcs12()),
                            s.certificatePassword()).certificate());
            return new S2lowConnectionView(s.sandbox(), s.sandbox() ? sandboxUrl().toString() : s.baseUrl(), s.login(),
                    s.password() != null, cert.map(c -> c.getSubjectX500Principal().getName()).orElse(null),
                    cert.map(c -> c.getNotAfter().toInstant()).orElse(null), s.confirmationRequired(),
                    secrets.updatedAt(tenantId, SECRET_NAME).orElse(null));
        });
    }

    @Transactional
    public void delete(UUID tenantId) {
        if (!secrets.delete(tenantId, SECRET_NAME)) {
            throw new NotFoundException("Aucun compte S²LOW pour cette collectivité.");
        }
    }

    /** Whether the collectivité has an account: without one, its acts cannot be transmitted. */
    @Transactional(readOnly = true)
    public boolean configured(UUID tenantId) {
        return secrets.get(tenantId, SECRET_NAME).isPresent();
    }

    /** The account, for the client; a collectivité without one gets a clear message. */
    @Transactional(readOnly = true)
    public S2lowSettings settings(UUID tenantId) {
        return settingsOf(stored(tenantId).orElseThrow(() -> new ValidationException(
                "La collectivité n'a pas de compte S²LOW : un administrateur doit le renseigner.",
                List.of(new FieldViolation("s2low", "compte S²LOW absent")))));
    }

    /** Whether the collectivité's sendings wait for an agent's RGS confirmation on S²LOW ({@code en_attente=1}). */
    @Transactional(readOnly = true)
    public boolean confirmationRequired(UUID tenantId) {
        return stored(tenantId).map(Stored::confirmationRequired).orElse(false);
    }

    private S2lowSettings settingsOf(Stored s) {
        if (s.sandbox()) {
            return S2lowSettings.sandbox(sandboxUrl(), s.login(), s.password());
        }
        URI url;
        try {
            url = URI.create(s.baseUrl() == null ? "" : s.baseUrl().strip());
        } catch (IllegalArgumentException e) {
            throw ValidationException.of("baseUrl", "L'adresse de S²LOW doit être une URL https complète.");
        }
        return new S2lowSettings(url, Base64.getDecoder().decode(s.pkcs12()), s.certificatePassword(), s.login(),
                s.password(), List.of());
    }

    /** The sandbox on this server (the port is known once the server has started). */
    URI sandboxUrl() {
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        return URI.create("http://localhost:" + port + SANDBOX_PATH);
    }

    private Optional<Stored> stored(UUID tenantId) {
        return secrets.get(tenantId, SECRET_NAME).map(bytes -> {
            try {
                return JSON.readValue(bytes, Stored.class);
            } catch (IOException e) {
                throw new IllegalStateException("Unreadable S²LOW settings", e);
            }
        });
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

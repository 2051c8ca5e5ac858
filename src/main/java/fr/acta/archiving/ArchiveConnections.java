package fr.acta.archiving;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.acta.common.FieldViolation;
import fr.acta.common.ValidationException;
import fr.acta.secret.SecretBox;
import fr.acta.seda.SedaVersion;
import fr.acta.tenant.TenantRef;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each collectivité's archive settings, kept whole as one secret of the {@link SecretBox}
 * (encrypted at rest, passwords never shown back). A collectivité with none transfers to Acta's
 * own archive in SEDA 2.2, as its SIREN, with Acta's default rules.
 */
@Service
class ArchiveConnections {

    static final String SECRET_NAME = "connector/archive";
    static final String DEFAULT_ARCHIVAL_AGENCY = "ACTA-SAE";
    private static final Pattern PERIOD = Pattern.compile("P\\d{1,3}[YMD]");
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final SecretBox secrets;

    ArchiveConnections(SecretBox secrets) {
        this.secrets = secrets;
    }

    /** The settings in force: the stored ones, or Acta's own archive by default. */
    @Transactional(readOnly = true)
    ArchiveSettings settings(TenantRef tenant) {
        return stored(tenant.id()).orElseGet(() -> new ArchiveSettings(ArchiveKind.ACTA, SedaVersion.V2_2,
                DEFAULT_ARCHIVAL_AGENCY, tenant.siren(), null, null, null, Map.of(), null, null));
    }

    /** Checks and stores new settings; a missing password keeps the stored one. */
    @Transactional
    ArchiveSettings save(TenantRef tenant, ArchiveSettings spec) {
        Optional<ArchiveSettings> previous = stored(tenant.id());
        List<FieldViolation> errors = new ArrayList<>();
        if (spec.kind() == null) {
            errors.add(new FieldViolation("kind", "Le type d'archive est obligatoire : ACTA, ASALAE ou VITAM."));
        }
        ArchiveSettings.Asalae asalae = spec.kind() == ArchiveKind.ASALAE ? asalae(spec.asalae(), previous, errors) : null;
        ArchiveSettings.Vitam vitam = spec.kind() == ArchiveKind.VITAM ? vitam(spec.vitam(), previous, errors) : null;
        Map<String, ArchiveSettings.Rule> rules = new LinkedHashMap<>();
        spec.rules().forEach((nature, rule) -> {
            String field = "rules." + nature;
            if (!List.of("DE", "AR", "AI", "CC", "BF", "AU").contains(nature)) {
                errors.add(new FieldViolation(field, "Nature inconnue : DE, AR, AI, CC, BF ou AU."));
            } else if (rule == null || rule.duration() == null || !PERIOD.matcher(rule.duration()).matches()) {
                errors.add(new FieldViolation(field + ".duration",
                        "La DUA est une durée ISO 8601 en années, mois ou jours, par exemple P1Y."));
            } else if (rule.finalAction() == null) {
                errors.add(new FieldViolation(field + ".finalAction", "Le sort final est KEEP ou DESTROY."));
            } else {
                String id = rule.ruleId() == null || rule.ruleId().isBlank() ? "APP-" + rule.duration() : rule.ruleId().strip();
                rules.put(nature, new ArchiveSettings.Rule(id, rule.duration(), rule.finalAction()));
            }
        });
        if (!errors.isEmpty()) {
            throw new ValidationException("Les paramètres de l'archive ne sont pas valides.", errors);
        }
        ArchiveSettings stored = new ArchiveSettings(spec.kind(), spec.version() == null ? SedaVersion.V2_2 : spec.version(),
                blank(spec.archivalAgency()) ? DEFAULT_ARCHIVAL_AGENCY : spec.archivalAgency().strip(),
                blank(spec.transferringAgency()) ? tenant.siren() : spec.transferringAgency().strip(),
                blank(spec.archivalAgreement()) ? null : spec.archivalAgreement().strip(), asalae, vitam, rules,
                blank(spec.openAccess()) ? null : spec.openAccess().strip(),
                blank(spec.privateLifeAccess()) ? null : spec.privateLifeAccess().strip());
        try {
            secrets.put(tenant.id(), SECRET_NAME, JSON.writeValueAsBytes(stored));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write the archive settings", e);
        }
        return stored;
    }

    private static ArchiveSettings.Asalae asalae(ArchiveSettings.Asalae a, Optional<ArchiveSettings> previous,
                                                 List<FieldViolation> errors) {
        if (a == null) {
            errors.add(new FieldViolation("asalae", "Les paramètres As@lae sont obligatoires pour une archive As@lae."));
            return null;
        }
        url("asalae.baseUrl", a.baseUrl(), errors);
        if (blank(a.login())) {
            errors.add(new FieldViolation("asalae.login", "L'identifiant du compte As@lae est obligatoire."));
        }
        String password = !blank(a.password()) ? a.password() : previous.map(ArchiveSettings::asalae)
                .filter(p -> p.login() != null && p.login().equals(a.login())).map(ArchiveSettings.Asalae::password)
                .orElse(null);
        if (password == null) {
            errors.add(new FieldViolation("asalae.password", "Le mot de passe du compte As@lae est obligatoire."));
        }
        if (a.chunkSize() < 0) {
            errors.add(new FieldViolation("asalae.chunkSize", "La taille des morceaux est positive (0 : jamais)."));
        }
        return new ArchiveSettings.Asalae(strip(a.baseUrl()), strip(a.login()), password, a.sha256Password(),
                a.chunkSize());
    }

    private static ArchiveSettings.Vitam vitam(ArchiveSettings.Vitam v, Optional<ArchiveSettings> previous,
                                               List<FieldViolation> errors) {
        if (v == null) {
            errors.add(new FieldViolation("vitam", "Les paramètres Vitam sont obligatoires pour une archive Vitam."));
            return null;
        }
        url("vitam.baseUrl", v.baseUrl(), errors);
        if (v.tenant() < 0) {
            errors.add(new FieldViolation("vitam.tenant", "Le tenant Vitam est un nombre positif."));
        }
        if (blank(v.accessContract())) {
            errors.add(new FieldViolation("vitam.accessContract", "Le contrat d'accès Vitam est obligatoire."));
        }
        String pkcs12 = !blank(v.clientPkcs12()) ? v.clientPkcs12().strip() : previous.map(ArchiveSettings::vitam)
                .map(ArchiveSettings.Vitam::clientPkcs12).orElse(null);
        String pkcs12Password = v.pkcs12Password() != null ? v.pkcs12Password() : previous.map(ArchiveSettings::vitam)
                .map(ArchiveSettings.Vitam::pkcs12Password).orElse(null);
        if (pkcs12 != null) {
            try {
                java.util.Base64.getDecoder().decode(pkcs12);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldViolation("vitam.clientPkcs12", "Le certificat client (PKCS#12) est attendu en base64."));
            }
        }
        return new ArchiveSettings.Vitam(strip(v.baseUrl()), v.tenant(), strip(v.accessContract()),
                blank(v.ingestContext()) ? "DEFAULT_WORKFLOW" : v.ingestContext().strip(),
                blank(v.applicationId()) ? "acta" : v.applicationId().strip(), pkcs12, pkcs12Password);
    }

    private static void url(String field, String value, List<FieldViolation> errors) {
        try {
            URI u = URI.create(value == null ? "" : value.strip());
            if (!"https".equals(u.getScheme()) && !"http".equals(u.getScheme()) || u.getHost() == null) {
                errors.add(new FieldViolation(field, "Une URL http(s) complète est attendue."));
            }
        } catch (IllegalArgumentException e) {
            errors.add(new FieldViolation(field, "Une URL http(s) complète est attendue."));
        }
    }

    private Optional<ArchiveSettings> stored(UUID tenantId) {
        return secrets.get(tenantId, SECRET_NAME).map(bytes -> {
            try {
                return JSON.readValue(bytes, ArchiveSettings.class);
            } catch (IOException e) {
                throw new IllegalStateException("Unreadable archive settings", e);
            }
        });
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String strip(String s) {
        return s == null ? null : s.strip();
    }
}

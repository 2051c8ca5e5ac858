package fr.acta.prefecture;

import fr.acta.common.FieldViolation;
import fr.acta.common.NotFoundException;
import fr.acta.common.ValidationException;
import fr.acta.tenant.Role;
import fr.acta.tenant.TenantAccess;
import fr.acta.tenant.TenantRef;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The collectivité's S²LOW account, for its administrators: written as a form (the PKCS#12 as a
 * file), read back without any password nor key, only whether they are set and which certificate
 * is used until when.
 */
@RestController
@RequestMapping("/api/v1/tenants/{tenant}/admin/connectors/s2low")
@Tag(name = "Connecteur S²LOW", description = "Compte de la collectivité chez le tiers de télétransmission")
class S2lowAdminController {

    private final TenantAccess access;
    private final S2lowConnections connections;

    S2lowAdminController(TenantAccess access, S2lowConnections connections) {
        this.access = access;
        this.connections = connections;
    }

    @GetMapping
    @Operation(summary = "Le compte S²LOW (jamais les mots de passe ni la clé : seulement s'ils sont renseignés)")
    S2lowConnectionView get(@PathVariable String tenant) {
        return connections.view(admin(tenant).id())
                .orElseThrow(() -> new NotFoundException("Aucun compte S²LOW pour cette collectivité."));
    }

    @PutMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Écrire le compte S²LOW (formulaire : sandbox, baseUrl, login, password, certificate "
            + "(PKCS#12), certificatePassword, confirmationRequired) ; un mot de passe ou un certificat omis garde "
            + "l'actuel")
    S2lowConnectionView put(@PathVariable String tenant,
                            @RequestParam(value = "sandbox", required = false) String sandbox,
                            @RequestParam(value = "baseUrl", required = false) String baseUrl,
                            @RequestParam(value = "login", required = false) String login,
                            @RequestParam(value = "password", required = false) String password,
                            @RequestPart(value = "certificate", required = false) MultipartFile certificate,
                            @RequestParam(value = "certificatePassword", required = false) String certificatePassword,
                            @RequestParam(value = "confirmationRequired", required = false) String confirmationRequired) {
        TenantRef t = admin(tenant);
        List<FieldViolation> errors = new ArrayList<>();
        boolean isSandbox = flag("sandbox", sandbox, errors);
        boolean confirmation = flag("confirmationRequired", confirmationRequired, errors);
        if (certificate != null && certificate.getSize() > S2lowAccountChecks.MAX_PKCS12) {
            errors.add(new FieldViolation("certificate", "Le fichier PKCS#12 dépasse "
                    + S2lowAccountChecks.MAX_PKCS12 / 1024 + " Ko."));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException("Les paramètres S²LOW ne sont pas valides.", errors);
        }
        return connections.save(t.id(), new S2lowConnections.Spec(isSandbox, baseUrl, bytes(certificate),
                certificatePassword, login, password, confirmation));
    }

    @DeleteMapping
    @Operation(summary = "Supprimer le compte S²LOW (les actes ne pourront plus être transmis)")
    ResponseEntity<Void> delete(@PathVariable String tenant) {
        connections.delete(admin(tenant).id());
        return ResponseEntity.noContent().build();
    }

    private TenantRef admin(String tenant) {
        return access.requireRole(tenant, Role.ADMIN);
    }

    private static boolean flag(String field, String value, List<FieldViolation> errors) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "1", "on", "oui" -> true;
            case "false", "0", "off", "non" -> false;
            default -> {
                errors.add(new FieldViolation(field, "« " + field + " » vaut true ou false."));
                yield false;
            }
        };
    }

    private static byte[] bytes(MultipartFile file) {
        if (file == null || file.isEmpty()) {
            return null;
        }
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package fr.acta.archiving;

import fr.acta.act.ActService;
import fr.acta.common.ConflictException;
import fr.acta.common.NotFoundException;
import fr.acta.common.ValidationException;
import fr.acta.seda.SedaVersion;
import fr.acta.tenant.Role;
import fr.acta.tenant.TenantAccess;
import fr.acta.tenant.TenantRef;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The archiving stage over HTTP: an archivist sends a refused transfer again; an administrator
 * chooses the collectivité's archive (passwords and keys never shown back).
 */
@RestController
@Tag(name = "Archivage", description = "Versement des actes à l'archive de la collectivité")
class ArchivingController {

    private final TenantAccess access;
    private final ActService acts;
    private final ArchiveTransferStore store;
    private final ArchiveConnections connections;
    private final ArchivingProcesses processes;

    ArchivingController(TenantAccess access, ActService acts, ArchiveTransferStore store,
                        ArchiveConnections connections, ArchivingProcesses processes) {
        this.access = access;
        this.acts = acts;
        this.store = store;
        this.connections = connections;
        this.processes = processes;
    }

    @PostMapping("/api/v1/tenants/{tenant}/acts/{id}/archive/retry")
    @Operation(summary = "Verser à nouveau un acte dont l'archive a refusé le versement (archiviste)")
    @Transactional
    ResponseEntity<Void> retry(@PathVariable String tenant, @PathVariable UUID id) {
        TenantRef t = access.requireRole(tenant, Role.ARCHIVIST);
        acts.summary(t, id).orElseThrow(() -> new NotFoundException("Acte introuvable."));
        ArchiveTransferStore.ArchiveTransfer latest = store.latest(id).orElseThrow(() -> new ConflictException(
                "L'acte n'a pas encore été versé à l'archive."));
        if (latest.state() != ArchiveTransferStore.State.REJECTED) {
            throw new ConflictException("Seul un versement refusé par l'archive peut être refait : celui-ci est à "
                    + "l'étape " + latest.state() + ".");
        }
        acts.record(id, null, TenantAccess.currentUser().getUsername(), "ARCHIVE_RETRY_REQUESTED",
                "Nouveau versement demandé après le refus du versement " + latest.messageIdentifier());
        processes.retryRequested(id);
        return ResponseEntity.accepted().build();
    }

    @GetMapping("/api/v1/tenants/{tenant}/admin/connectors/archive")
    @Operation(summary = "L'archive de la collectivité (jamais les mots de passe ni les clés : seulement s'ils sont renseignés)")
    Map<String, Object> settings(@PathVariable String tenant) {
        return view(connections.settings(access.requireRole(tenant, Role.ADMIN)));
    }

    @PutMapping("/api/v1/tenants/{tenant}/admin/connectors/archive")
    @Operation(summary = "Choisir l'archive de la collectivité : ACTA (celle d'Acta), ASALAE ou VITAM, la version "
            + "SEDA, les identifiants des services et les règles de gestion ; un mot de passe omis garde l'actuel")
    Map<String, Object> save(@PathVariable String tenant, @RequestBody Spec spec) {
        TenantRef t = access.requireRole(tenant, Role.ADMIN);
        SedaVersion version = spec.version() == null || spec.version().isBlank() ? SedaVersion.V2_2
                : SedaVersion.parse(spec.version()).orElseThrow(() -> ValidationException.of("version",
                        "Version SEDA inconnue : 2.1, 2.2 ou 2.3."));
        return view(connections.save(t, new ArchiveSettings(spec.kind(), version, spec.archivalAgency(),
                spec.transferringAgency(), spec.archivalAgreement(), spec.asalae(), spec.vitam(), spec.rules(),
                spec.openAccess(), spec.privateLifeAccess())));
    }

    /** What an administrator sends: as {@link ArchiveSettings}, the SEDA version written {@code 2.2}. */
    record Spec(ArchiveKind kind, String version, String archivalAgency, String transferringAgency,
                String archivalAgreement, ArchiveSettings.Asalae asalae, ArchiveSettings.Vitam vitam,
                Map<String, ArchiveSettings.Rule> rules, String openAccess, String privateLifeAccess) {
    }

    private static Map<String, Object> view(ArchiveSettings s) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("kind", s.kind());
        v.put("version", s.version().label());
        v.put("archivalAgency", s.archivalAgency());
        v.put("transferringAgency", s.transferringAgency());
        v.put("archivalAgreement", s.archivalAgreement());
        if (s.asalae() != null) {
            v.put("asalae", Map.of("baseUrl", s.asalae().baseUrl(), "login", s.asalae().login(),
                    "passwordSet", s.asalae().password() != null, "sha256Password", s.asalae().sha256Password(),
                    "chunkSize", s.asalae().chunkSize()));
        }
        if (s.vitam() != null) {
            Map<String, Object> vitam = new LinkedHashMap<>();
            vitam.put("baseUrl", s.vitam().baseUrl());
            vitam.put("tenant", s.vitam().tenant());
            vitam.put("accessContract", s.vitam().accessContract());
            vitam.put("ingestContext", s.vitam().ingestContext());
            vitam.put("applicationId", s.vitam().applicationId());
            vitam.put("clientCertificateSet", s.vitam().clientPkcs12() != null);
            v.put("vitam", vitam);
        }
        Map<String, Object> rules = new LinkedHashMap<>();
        for (String nature : new String[] {"DE", "AR", "AI", "CC", "BF", "AU"}) {
            var a = s.referential().appraisal(nature);
            rules.put(nature, Map.of("ruleId", a.ruleId(), "duration", a.duration(), "finalAction", a.finalAction()));
        }
        v.put("rules", rules);
        v.put("openAccess", s.referential().access("DE", null));
        v.put("privateLifeAccess", s.referential().access("AI", "4"));
        return v;
    }
}

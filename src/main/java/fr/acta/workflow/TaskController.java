package fr.acta.workflow;

import fr.acta.tenant.TenantAccess;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/tenants/{tenant}")
@Tag(name = "Tâches", description = "Visas et signatures à donner par les bureaux de l'utilisateur")
class TaskController {

    private final TenantAccess access;
    private final TaskWorkService work;
    private final BulkSignatureService bulk;

    TaskController(TenantAccess access, TaskWorkService work, BulkSignatureService bulk) {
        this.access = access;
        this.work = work;
        this.bulk = bulk;
    }

    /** The body of a bulk signature request. */
    record BulkRequest(List<String> taskIds, String password) {
    }

    @PostMapping("/tasks/bulk-signature")
    @Operation(summary = "Signer plusieurs actes en une fois (traitement suivi par /jobs/{id})")
    ResponseEntity<Map<String, Object>> bulkSignature(@PathVariable String tenant, @RequestBody BulkRequest body) {
        UUID job = bulk.start(access.require(tenant), body == null ? null : body.taskIds(),
                body == null ? null : body.password());
        String url = "/api/v1/tenants/" + tenant + "/jobs/" + job;
        return ResponseEntity.accepted().location(URI.create(url)).body(Map.of("id", job, "url", url));
    }

    @GetMapping("/jobs/{jobId}")
    @Operation(summary = "Avancement d'une signature par lot et résultat par acte")
    BulkSignatureService.JobView job(@PathVariable String tenant, @PathVariable UUID jobId) {
        return bulk.get(access.require(tenant), jobId);
    }

    @GetMapping("/tasks")
    @Operation(summary = "Tâches en attente sur les bureaux de l'utilisateur (y compris par délégation)")
    List<TaskView> pending(@PathVariable String tenant) {
        return work.pending(access.require(tenant));
    }

    @PostMapping("/tasks/{taskId}")
    @Operation(summary = "Viser (VISA/APPROVE), signer (SIGN, avec mot de passe) ou rejeter (REJECT, avec annotation)")
    ResponseEntity<Void> decide(@PathVariable String tenant, @PathVariable String taskId,
                                @RequestBody TaskDecision decision) {
        work.decide(access.require(tenant), taskId, decision);
        return ResponseEntity.noContent().build();
    }

    /** First phase of a card signature: the signer's certificate chain (DER, base64), signing certificate first. */
    record DataToSignRequest(List<String> certificateChain) {
    }

    record SignatureValueRequest(String signatureValue) {
    }

    @PostMapping("/tasks/{taskId}/data-to-sign")
    @Operation(summary = "Signature par carte, étape 1 : l'empreinte à signer par la carte")
    TaskDecisions.Prepared dataToSign(@PathVariable String tenant, @PathVariable String taskId,
                                      @RequestBody DataToSignRequest body) {
        return work.prepareExternal(access.require(tenant), taskId, body == null ? null : body.certificateChain());
    }

    @PostMapping("/tasks/{taskId}/signature-value")
    @Operation(summary = "Signature par carte, étape 2 : la valeur de signature produite par la carte")
    ResponseEntity<Void> signatureValue(@PathVariable String tenant, @PathVariable String taskId,
                                        @RequestBody SignatureValueRequest body) {
        work.completeExternal(access.require(tenant), taskId, body == null ? null : body.signatureValue());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/acts/{actId}/remorse")
    @Operation(summary = "Droit de remords : reprendre sa décision tant que l'étape suivante n'a pas agi")
    ResponseEntity<Void> takeBack(@PathVariable String tenant, @PathVariable UUID actId) {
        work.takeBack(access.require(tenant), actId);
        return ResponseEntity.noContent().build();
    }
}

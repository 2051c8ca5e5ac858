package fr.acta.workflow;

import fr.acta.tenant.TenantAccess;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
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

    TaskController(TenantAccess access, TaskWorkService work) {
        this.access = access;
        this.work = work;
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

    @PostMapping("/acts/{actId}/remorse")
    @Operation(summary = "Droit de remords : reprendre sa décision tant que l'étape suivante n'a pas agi")
    ResponseEntity<Void> takeBack(@PathVariable String tenant, @PathVariable UUID actId) {
        work.takeBack(access.require(tenant), actId);
        return ResponseEntity.noContent().build();
    }
}

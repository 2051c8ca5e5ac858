package fr.acta.workflow;

import fr.acta.tenant.TenantAccess;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/tenants/{tenant}/tasks")
@Tag(name = "Tâches", description = "Visas à donner par les bureaux de l'utilisateur")
class TaskController {

    private final TenantAccess access;
    private final TaskWorkService work;

    TaskController(TenantAccess access, TaskWorkService work) {
        this.access = access;
        this.work = work;
    }

    @GetMapping
    @Operation(summary = "Tâches en attente sur les bureaux de l'utilisateur")
    List<TaskView> pending(@PathVariable String tenant) {
        return work.pending(access.require(tenant));
    }

    @PostMapping("/{taskId}")
    @Operation(summary = "Viser (APPROVE) ou rejeter (REJECT, avec annotation) une tâche")
    ResponseEntity<Void> decide(@PathVariable String tenant, @PathVariable String taskId,
                                @RequestBody TaskDecision decision) {
        work.decide(access.require(tenant), taskId, decision);
        return ResponseEntity.noContent().build();
    }
}

package fr.acta.circuit;

import fr.acta.tenant.TenantAccess;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/tenants/{tenant}/circuits")
@Tag(name = "Circuits", description = "Circuits de visa de la collectivité")
class CircuitController {

    private final TenantAccess access;
    private final CircuitService circuits;

    CircuitController(TenantAccess access, CircuitService circuits) {
        this.access = access;
        this.circuits = circuits;
    }

    @GetMapping
    @Operation(summary = "Circuits disponibles pour déposer un acte")
    List<CircuitDefinition> list(@PathVariable String tenant) {
        return circuits.all(access.require(tenant));
    }
}

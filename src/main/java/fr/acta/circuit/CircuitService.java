package fr.acta.circuit;

import fr.acta.common.ValidationException;
import fr.acta.tenant.TenantRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Desks, their holders and the circuits of a collectivité. */
@Service
public class CircuitService {

    private final DeskRepository desks;
    private final CircuitRepository circuits;

    CircuitService(DeskRepository desks, CircuitRepository circuits) {
        this.desks = desks;
        this.circuits = circuits;
    }

    @Transactional(readOnly = true)
    public Optional<CircuitDefinition> find(TenantRef tenant, String code) {
        return circuits.findByTenantIdAndCode(tenant.id(), code).map(this::definition);
    }

    @Transactional(readOnly = true)
    public List<CircuitDefinition> all(TenantRef tenant) {
        return circuits.findByTenantIdOrderByCode(tenant.id()).stream().map(this::definition).toList();
    }

    /** Codes of the desks the person holds in the collectivité. */
    @Transactional(readOnly = true)
    public Set<String> desksHeldBy(TenantRef tenant, UUID userId) {
        return desks.findHeldBy(tenant.id(), userId).stream().map(Desk::getCode).collect(Collectors.toSet());
    }

    @Transactional
    public void createDesk(TenantRef tenant, String code, String name, Set<UUID> members) {
        Desk desk = new Desk(tenant.id(), code, name);
        desk.getMembers().addAll(members);
        desks.save(desk);
    }

    @Transactional
    public void createCircuit(TenantRef tenant, String code, String name, List<String> visaDeskCodes) {
        List<CircuitStep> steps = new ArrayList<>();
        for (String deskCode : visaDeskCodes) {
            Desk desk = desks.findByTenantIdAndCode(tenant.id(), deskCode)
                    .orElseThrow(() -> ValidationException.of("steps", "Bureau inconnu : " + deskCode));
            steps.add(new CircuitStep(desk.getId(), StepKind.VISA));
        }
        if (steps.isEmpty()) {
            throw ValidationException.of("steps", "Un circuit comporte au moins une étape.");
        }
        circuits.save(new Circuit(tenant.id(), code, name, steps));
    }

    private CircuitDefinition definition(Circuit circuit) {
        Map<UUID, Desk> byId = desks.findAllById(circuit.getSteps().stream().map(CircuitStep::getDeskId).toList())
                .stream().collect(Collectors.toMap(Desk::getId, Function.identity()));
        List<CircuitDefinition.Step> steps = new ArrayList<>();
        for (int i = 0; i < circuit.getSteps().size(); i++) {
            CircuitStep s = circuit.getSteps().get(i);
            Desk d = byId.get(s.getDeskId());
            steps.add(new CircuitDefinition.Step(i + 1, s.getKind(), d.getCode(), d.getName()));
        }
        return new CircuitDefinition(circuit.getCode(), circuit.getName(), List.copyOf(steps));
    }
}

package fr.acta.circuit;

import fr.acta.circuit.CircuitSpecs.DeskRight;
import fr.acta.tenant.TenantRef;
import java.time.LocalDate;
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

/** Reading circuits and desks: what a circuit asks, and which desks a person may act for. */
@Service
public class CircuitService {

    private final DeskRepository desks;
    private final CircuitRepository circuits;
    private final DelegationRepository delegations;

    CircuitService(DeskRepository desks, CircuitRepository circuits, DelegationRepository delegations) {
        this.desks = desks;
        this.circuits = circuits;
        this.delegations = delegations;
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

    /**
     * The desks a person may act for on a given day: the desks they hold, and the desks whose
     * delegation to one of those is in force (then "en l'absence de" the delegating desk).
     */
    @Transactional(readOnly = true)
    public List<DeskRight> rightsOf(TenantRef tenant, UUID userId, LocalDate day) {
        List<Desk> held = desks.findHeldBy(tenant.id(), userId);
        List<DeskRight> rights = new ArrayList<>();
        held.forEach(d -> rights.add(new DeskRight(d.getCode(), d.getName(), null, List.of())));
        if (held.isEmpty()) {
            return rights;
        }
        Map<UUID, Desk> heldById = held.stream().collect(Collectors.toMap(Desk::getId, Function.identity()));
        for (Delegation delegation : delegations.findByTenantIdAndDelegateDeskIdIn(tenant.id(), heldById.keySet())) {
            if (delegation.covers(day, null)) {
                Desk absent = desks.findById(delegation.getDeskId()).orElseThrow();
                rights.add(new DeskRight(absent.getCode(), absent.getName(),
                        heldById.get(delegation.getDelegateDeskId()).getCode(), delegation.getNatures()));
            }
        }
        return rights;
    }

    /** People who hold a desk (for reminders). */
    @Transactional(readOnly = true)
    public Set<UUID> holdersOf(TenantRef tenant, String deskCode) {
        return desks.findByTenantIdAndCode(tenant.id(), deskCode).map(d -> Set.copyOf(d.getMembers())).orElse(Set.of());
    }

    @Transactional(readOnly = true)
    public Optional<CircuitDefinition.DeskRef> desk(TenantRef tenant, String code) {
        return desks.findByTenantIdAndCode(tenant.id(), code)
                .map(d -> new CircuitDefinition.DeskRef(d.getCode(), d.getName(), d.getQuality()));
    }

    CircuitDefinition definition(Circuit circuit) {
        Map<UUID, Desk> byId = desks.findAllById(circuit.getStepDesks().stream().map(StepDesk::getDeskId).toList())
                .stream().collect(Collectors.toMap(Desk::getId, Function.identity()));
        List<CircuitDefinition.Step> steps = new ArrayList<>();
        for (int i = 0; i < circuit.getSteps().size(); i++) {
            int position = i;
            CircuitStep s = circuit.getSteps().get(i);
            List<CircuitDefinition.DeskRef> stepDesks = circuit.getStepDesks().stream()
                    .filter(sd -> sd.getPosition() == position)
                    .sorted(java.util.Comparator.comparingInt(StepDesk::getDeskPosition))
                    .map(sd -> byId.get(sd.getDeskId()))
                    .map(d -> new CircuitDefinition.DeskRef(d.getCode(), d.getName(), d.getQuality())).toList();
            steps.add(new CircuitDefinition.Step(i + 1, s.getKind(), s.getParallelRule(), stepDesks));
        }
        CircuitDefinition.Iparapheur external = circuit.getEngine() == CircuitEngine.IPARAPHEUR
                ? new CircuitDefinition.Iparapheur(circuit.getIparapheurType(), circuit.getIparapheurSubtype()) : null;
        return new CircuitDefinition(circuit.getCode(), circuit.getName(), circuit.getNatures(),
                circuit.getSignatureLevel(), circuit.getRevision(), List.copyOf(steps), circuit.getEngine(), external);
    }
}

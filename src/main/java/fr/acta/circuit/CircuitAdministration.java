package fr.acta.circuit;

import fr.acta.circuit.CircuitSpecs.CircuitSpec;
import fr.acta.circuit.CircuitSpecs.DelegationSpec;
import fr.acta.circuit.CircuitSpecs.DelegationView;
import fr.acta.circuit.CircuitSpecs.DeskSpec;
import fr.acta.circuit.CircuitSpecs.DeskView;
import fr.acta.circuit.CircuitSpecs.IparapheurSpec;
import fr.acta.circuit.CircuitSpecs.StepSpec;
import fr.acta.common.FieldViolation;
import fr.acta.common.NotFoundException;
import fr.acta.common.ValidationException;
import fr.acta.tenant.AppUser;
import fr.acta.tenant.TenantRef;
import fr.acta.tenant.TenantService;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Administration of desks, their holders, delegations and circuits. Editing needs no redeployment. */
@Service
public class CircuitAdministration {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
    private static final Set<String> NATURES = Set.of("DE", "AR", "AI", "CC", "BF", "AU");
    private static final Set<String> LEVELS = Set.of("B", "T", "LT", "LTA");

    private final DeskRepository desks;
    private final CircuitRepository circuits;
    private final DelegationRepository delegations;
    private final CircuitService reader;
    private final TenantService tenants;

    CircuitAdministration(DeskRepository desks, CircuitRepository circuits, DelegationRepository delegations,
                          CircuitService reader, TenantService tenants) {
        this.desks = desks;
        this.circuits = circuits;
        this.delegations = delegations;
        this.reader = reader;
        this.tenants = tenants;
    }

    @Transactional
    public DeskView saveDesk(TenantRef tenant, String code, DeskSpec spec) {
        List<FieldViolation> errors = new ArrayList<>();
        if (code == null || !CODE.matcher(code).matches()) {
            errors.add(new FieldViolation("code", "Le code du bureau comporte de 1 à 64 caractères parmi A-Z, a-z, 0-9, « _ » et « - »."));
        }
        if (spec == null || spec.name() == null || spec.name().isBlank() || spec.name().length() > 200) {
            errors.add(new FieldViolation("name", "Le nom du bureau est obligatoire (200 caractères au plus)."));
        }
        Set<UUID> members = new HashSet<>();
        List<String> usernames = spec == null || spec.members() == null ? List.of() : spec.members();
        for (int i = 0; i < usernames.size(); i++) {
            AppUser user = tenants.user(usernames.get(i)).filter(u -> tenant.id().equals(u.getTenantId())).orElse(null);
            if (user == null) {
                errors.add(new FieldViolation("members[" + i + "]", "Utilisateur inconnu dans la collectivité : " + usernames.get(i)));
            } else {
                members.add(user.getId());
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException("Le bureau n'est pas valide.", errors);
        }
        Desk desk = desks.findByTenantIdAndCode(tenant.id(), code).orElseGet(() -> new Desk(tenant.id(), code));
        desk.define(spec.name().strip(), spec.quality() == null ? null : spec.quality().strip(), members);
        return view(desks.save(desk));
    }

    @Transactional(readOnly = true)
    public List<DeskView> desks(TenantRef tenant) {
        return desks.findByTenantIdOrderByCode(tenant.id()).stream().map(this::view).toList();
    }

    @Transactional
    public CircuitDefinition saveCircuit(TenantRef tenant, String code, CircuitSpec spec) {
        List<FieldViolation> errors = new ArrayList<>();
        if (code == null || !CODE.matcher(code).matches()) {
            errors.add(new FieldViolation("code", "Le code du circuit comporte de 1 à 64 caractères parmi A-Z, a-z, 0-9, « _ » et « - »."));
        }
        if (spec == null || spec.name() == null || spec.name().isBlank() || spec.name().length() > 200) {
            errors.add(new FieldViolation("name", "Le nom du circuit est obligatoire (200 caractères au plus)."));
        }
        List<String> natures = spec == null || spec.natures() == null ? List.of() : spec.natures();
        for (int i = 0; i < natures.size(); i++) {
            if (!NATURES.contains(natures.get(i))) {
                errors.add(new FieldViolation("natures[" + i + "]", "Nature inconnue : " + natures.get(i)));
            }
        }
        if (spec != null && spec.signatureLevel() != null && !LEVELS.contains(spec.signatureLevel())) {
            errors.add(new FieldViolation("signatureLevel", "Le niveau de signature est B, T, LT ou LTA."));
        }
        CircuitEngine engine = spec == null || spec.engine() == null ? CircuitEngine.ACTA : spec.engine();
        IparapheurSpec external = ExternalCircuits.check(engine, spec, errors);
        List<CircuitStep> steps = new ArrayList<>();
        List<StepDesk> stepDesks = new ArrayList<>();
        List<StepSpec> specs = spec == null || spec.steps() == null ? List.of() : spec.steps();
        if (specs.isEmpty() && engine == CircuitEngine.ACTA) {
            errors.add(new FieldViolation("steps", "Un circuit comporte au moins une étape."));
        }
        for (int i = 0; i < specs.size(); i++) {
            StepSpec s = specs.get(i);
            String field = "steps[" + i + "]";
            if (s == null || s.kind() == null) {
                errors.add(new FieldViolation(field + ".kind", "Le type d'étape est VISA, SIGNATURE ou SEAL."));
                continue;
            }
            List<String> deskCodes = s.desks() == null ? List.of() : s.desks();
            if (deskCodes.isEmpty()) {
                errors.add(new FieldViolation(field + ".desks", "Une étape est confiée à au moins un bureau."));
            }
            if (s.kind() == StepKind.SEAL && deskCodes.size() > 1) {
                errors.add(new FieldViolation(field + ".desks", "Un cachet serveur est apposé au nom d'un seul bureau."));
            }
            for (int j = 0; j < deskCodes.size(); j++) {
                var desk = desks.findByTenantIdAndCode(tenant.id(), deskCodes.get(j));
                if (desk.isEmpty()) {
                    errors.add(new FieldViolation(field + ".desks[" + j + "]", "Bureau inconnu : " + deskCodes.get(j)));
                } else {
                    stepDesks.add(new StepDesk(i, j, desk.get().getId()));
                }
            }
            steps.add(new CircuitStep(s.kind(), s.rule() == null ? ParallelRule.ANY : s.rule()));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException("Le circuit n'est pas valide.", errors);
        }
        Circuit circuit = circuits.findByTenantIdAndCode(tenant.id(), code).orElseGet(() -> new Circuit(tenant.id(), code));
        circuit.define(spec.name().strip(), natures, spec.signatureLevel(), steps, stepDesks, engine,
                external == null ? null : external.type(), external == null ? null : external.subtype());
        return reader.definition(circuits.saveAndFlush(circuit));
    }

    @Transactional
    public void deleteCircuit(TenantRef tenant, String code) {
        Circuit circuit = circuits.findByTenantIdAndCode(tenant.id(), code)
                .orElseThrow(() -> new NotFoundException("Circuit introuvable."));
        circuits.delete(circuit);
    }

    @Transactional
    public DelegationView delegate(TenantRef tenant, String deskCode, DelegationSpec spec) {
        Desk desk = desks.findByTenantIdAndCode(tenant.id(), deskCode)
                .orElseThrow(() -> new NotFoundException("Bureau introuvable."));
        List<FieldViolation> errors = new ArrayList<>();
        Desk delegate = spec == null || spec.delegateDesk() == null ? null
                : desks.findByTenantIdAndCode(tenant.id(), spec.delegateDesk()).orElse(null);
        if (delegate == null) {
            errors.add(new FieldViolation("delegateDesk", "Bureau délégataire inconnu."));
        } else if (delegate.getId().equals(desk.getId())) {
            errors.add(new FieldViolation("delegateDesk", "Un bureau ne peut pas se déléguer à lui-même."));
        }
        if (spec == null || spec.from() == null || spec.to() == null || spec.to().isBefore(spec.from())) {
            errors.add(new FieldViolation("to", "La période de délégation (from, to) est obligatoire et to ≥ from."));
        }
        List<String> natures = spec == null || spec.natures() == null ? List.of() : spec.natures();
        natures.stream().filter(n -> !NATURES.contains(n)).findFirst()
                .ifPresent(n -> errors.add(new FieldViolation("natures", "Nature inconnue : " + n)));
        if (!errors.isEmpty()) {
            throw new ValidationException("La délégation n'est pas valide.", errors);
        }
        Delegation saved = delegations.save(new Delegation(tenant.id(), desk.getId(), delegate.getId(), spec.from(),
                spec.to(), natures));
        return view(saved, desk.getCode(), delegate.getCode());
    }

    @Transactional(readOnly = true)
    public List<DelegationView> delegations(TenantRef tenant, String deskCode) {
        Desk desk = desks.findByTenantIdAndCode(tenant.id(), deskCode)
                .orElseThrow(() -> new NotFoundException("Bureau introuvable."));
        return delegations.findByTenantIdAndDeskIdOrderByStartsOn(tenant.id(), desk.getId()).stream()
                .map(d -> view(d, desk.getCode(), desks.findById(d.getDelegateDeskId()).map(Desk::getCode).orElse("?")))
                .toList();
    }

    @Transactional
    public void revoke(TenantRef tenant, UUID delegationId) {
        delegations.delete(delegations.findByIdAndTenantId(delegationId, tenant.id())
                .orElseThrow(() -> new NotFoundException("Délégation introuvable.")));
    }

    private DeskView view(Desk desk) {
        Map<UUID, AppUser> users = tenants.users(desk.getMembers());
        return new DeskView(desk.getCode(), desk.getName(), desk.getQuality(),
                users.values().stream().map(AppUser::getUsername).sorted().toList());
    }

    private static DelegationView view(Delegation d, String desk, String delegate) {
        return new DelegationView(d.getId(), desk, delegate, d.getStartsOn(), d.getEndsOn(), d.getNatures());
    }
}

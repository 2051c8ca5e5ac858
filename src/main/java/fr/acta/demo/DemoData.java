package fr.acta.demo;

import fr.acta.circuit.CircuitAdministration;
import fr.acta.circuit.CircuitSpecs.CircuitSpec;
import fr.acta.circuit.CircuitSpecs.DeskSpec;
import fr.acta.circuit.CircuitSpecs.StepSpec;
import fr.acta.circuit.ParallelRule;
import fr.acta.circuit.StepKind;
import fr.acta.classification.ClassificationService;
import fr.acta.common.ActaProperties;
import fr.acta.platform.EmbeddedDatabase;
import fr.acta.tenant.AppUser;
import fr.acta.tenant.Role;
import fr.acta.tenant.TenantRef;
import fr.acta.tenant.TenantService;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo content of the embedded default: two fictional communes with their classification, desks,
 * circuits and users (password {@code demo}). Loaded once, before requests are taken; never on an
 * external database unless {@code acta.demo.enabled=true}.
 */
@Component
class DemoData implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    static final String PASSWORD = "demo";

    private final TenantService tenants;
    private final ClassificationService classifications;
    private final CircuitAdministration circuits;
    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final TransactionTemplate tx;
    private final boolean enabled;

    DemoData(TenantService tenants, ClassificationService classifications, CircuitAdministration circuits,
             IdentityService identity, AuthorizationService authorizations, TransactionTemplate tx,
             ActaProperties properties, EmbeddedDatabase embedded) {
        this.tenants = tenants;
        this.classifications = classifications;
        this.circuits = circuits;
        this.identity = identity;
        this.authorizations = authorizations;
        this.tx = tx;
        Boolean configured = properties.demo().enabled();
        this.enabled = configured != null ? configured : embedded.isActive();
    }

    @Override
    public void afterPropertiesSet() {
        if (!enabled) {
            return;
        }
        tx.executeWithoutResult(status -> {
            if (!tenants.exists("demo")) {
                load();
            }
        });
        cockpitUser("admin", "Administrateur", "Demo");
        cockpitUser("operateur", "Opérateur", "Mutualisation");
        log.warn("DEMO MODE: demo users secretaire, maire, adjoint, archiviste, versement, admin, secretaire.voisine, "
                + "maire.voisine and operateur have the password '{}'. Never use this on real data.", PASSWORD);
    }

    private void load() {
        TenantRef demo = tenants.create("demo", "Commune de Valmont-sur-Saône", "210690004", "069", "1", "31");
        TenantRef voisine = tenants.create("voisine", "Commune de Saint-Aubin-les-Prés", "210690012", "069", "2", "31");
        tenants.createUser("operateur", PASSWORD, "Opérateur de la mutualisation", "operateur@acta.test", null,
                Set.of(Role.OPERATOR));
        tenants.createUser("admin", PASSWORD, "Administrateur de Valmont", "admin@valmont.test", demo, Set.of(Role.ADMIN));
        tenants.createUser("archiviste", PASSWORD, "Archiviste de Valmont", "archives@valmont.test", demo,
                Set.of(Role.ARCHIVIST));
        tenants.createUser("versement", PASSWORD, "Compte de service du service d'archives", "sae@valmont.test",
                demo, Set.of(Role.DEPOSITOR));
        commune(demo, "secretaire", "maire", "adjoint", "valmont.test",
                "classification/RetourClassification-069-demo.xml");
        commune(voisine, "secretaire.voisine", "maire.voisine", null, "saint-aubin.test",
                "classification/RetourClassification-voisine.xml");
    }

    private void commune(TenantRef tenant, String secretary, String mayor, String deputy, String domain,
                         String classification) {
        tenants.createUser(secretary, PASSWORD, "Secrétariat général", secretary + "@" + domain, tenant,
                Set.of(Role.SECRETARY));
        AppUser maire = tenants.createUser(mayor, PASSWORD, "Maire", mayor + "@" + domain, tenant, Set.of(Role.ELECTED));
        AppUser adjoint = deputy == null ? maire
                : tenants.createUser(deputy, PASSWORD, "Adjoint au maire", deputy + "@" + domain, tenant,
                Set.of(Role.ELECTED));
        circuits.saveDesk(tenant, "Maire", new DeskSpec("Maire", "Maire de " + commune(tenant), List.of(mayor)));
        circuits.saveDesk(tenant, "Adjoint", new DeskSpec("Adjoint au maire", "Adjoint au maire de " + commune(tenant),
                List.of(adjoint.getUsername())));
        circuits.saveDesk(tenant, "Cachet", new DeskSpec("Cachet de la collectivité", tenant.name(), List.of()));
        circuits.saveCircuit(tenant, "deliberation", new CircuitSpec(
                "Délibération : visa de l'adjoint, signature du maire", List.of(), null,
                List.of(step(StepKind.VISA, "Adjoint"), step(StepKind.SIGNATURE, "Maire"))));
        circuits.saveCircuit(tenant, "arrete", new CircuitSpec("Arrêté : signature du maire", List.of(), null,
                List.of(step(StepKind.SIGNATURE, "Maire"))));
        circuits.saveCircuit(tenant, "cachet", new CircuitSpec("Cachet serveur de la collectivité", List.of(), null,
                List.of(step(StepKind.SEAL, "Cachet"))));
        try (InputStream in = new ClassPathResource("sample-documents/" + classification).getInputStream()) {
            classifications.importXml(tenant, in.readAllBytes());
        } catch (IOException e) {
            throw new IllegalStateException("Demo classification missing: " + classification, e);
        }
    }

    private static StepSpec step(StepKind kind, String desk) {
        return new StepSpec(kind, ParallelRule.ANY, List.of(desk));
    }

    private static String commune(TenantRef tenant) {
        return tenant.name().replaceFirst("^Commune de ", "");
    }

    /** Cockpit signs in against the engine's own identity: admin and operateur are camunda-admin there. */
    private void cockpitUser(String id, String firstName, String lastName) {
        if (identity.createGroupQuery().groupId(Groups.CAMUNDA_ADMIN).count() == 0) {
            var group = identity.newGroup(Groups.CAMUNDA_ADMIN);
            group.setName("Administrateurs Camunda");
            group.setType(Groups.GROUP_TYPE_SYSTEM);
            identity.saveGroup(group);
            for (Resources resource : Resources.values()) {
                Authorization auth = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
                auth.setGroupId(Groups.CAMUNDA_ADMIN);
                auth.setResource(resource);
                auth.setResourceId(Authorization.ANY);
                auth.addPermission(Permissions.ALL);
                authorizations.saveAuthorization(auth);
            }
        }
        if (identity.createUserQuery().userId(id).count() == 0) {
            User user = identity.newUser(id);
            user.setFirstName(firstName);
            user.setLastName(lastName);
            user.setPassword(PASSWORD);
            identity.saveUser(user);
            identity.createMembership(id, Groups.CAMUNDA_ADMIN);
        }
    }
}

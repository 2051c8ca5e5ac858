package fr.acta.demo;

import fr.acta.circuit.CircuitAdministration;
import fr.acta.circuit.CircuitEngine;
import fr.acta.circuit.CircuitService;
import fr.acta.circuit.CircuitSpecs.CircuitSpec;
import fr.acta.circuit.CircuitSpecs.IparapheurSpec;
import fr.acta.common.ActaProperties;
import fr.acta.iparapheur.IparapheurConnectionSpec;
import fr.acta.iparapheur.IparapheurConnectionView;
import fr.acta.iparapheur.IparapheurConnections;
import fr.acta.platform.EmbeddedDatabase;
import fr.acta.tenant.TenantAccess;
import fr.acta.tenant.TenantRef;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * With the i-Parapheur simulator on, the demo commune's i-Parapheur is the simulator: its settings
 * point at it (rewritten at each start once the port is known, unless an administrator pointed them
 * elsewhere) and a circuit {@code iparapheur} (type ACTES, sous-type Délibération) is carried out
 * there. The simulator's account and ids are its fixed ones ({@code SimFixtures}); Acta does not
 * depend on the simulator's code.
 */
@Component
class DemoIparapheur {

    private static final Logger log = LoggerFactory.getLogger(DemoIparapheur.class);
    static final String PATH = "/iparapheur-sim";
    static final String SIM_TENANT_ID = "5c2b8f0e-3d41-4a6b-9e2f-7a1c0d9b4e11";
    static final String SIM_EMITTER_DESK_ID = "a1f3c2d4-0b5e-4c6f-8a7b-1d2e3f4a5b01";
    static final String CIRCUIT = "iparapheur";

    private final boolean enabled;
    private final IparapheurConnections connections;
    private final CircuitService circuits;
    private final CircuitAdministration administration;
    private final TenantAccess tenants;
    private final Environment environment;

    DemoIparapheur(ActaProperties properties, EmbeddedDatabase embedded,
                   @Value("${acta.simulators.iparapheur.enabled:false}") boolean simulator,
                   IparapheurConnections connections, CircuitService circuits, CircuitAdministration administration,
                   TenantAccess tenants, Environment environment) {
        Boolean demo = properties.demo().enabled();
        this.enabled = simulator && (demo != null ? demo : embedded.isActive());
        this.connections = connections;
        this.circuits = circuits;
        this.administration = administration;
        this.tenants = tenants;
        this.environment = environment;
    }

    @EventListener
    void pointAtTheSimulator(WebServerInitializedEvent event) {
        if (!enabled || event.getApplicationContext().getServerNamespace() != null) {
            return;
        }
        TenantRef demo = tenants.find("demo").orElse(null);
        if (demo == null) {
            return;
        }
        String url = "http://localhost:" + event.getWebServer().getPort() + PATH;
        boolean ours = connections.view(demo.id()).map(IparapheurConnectionView::baseUrl)
                .map(u -> u.startsWith("http://localhost:") && u.endsWith(PATH)).orElse(true);
        if (ours) {
            connections.save(demo.id(), new IparapheurConnectionSpec(url, setting("realm", "api"),
                    setting("client-id", "ipcore-web"), setting("username", "acta"),
                    setting("password", "acta-simulateur"), SIM_TENANT_ID, SIM_EMITTER_DESK_ID));
        }
        if (circuits.find(demo, CIRCUIT).isEmpty()) {
            administration.saveCircuit(demo, CIRCUIT, new CircuitSpec(
                    "Délibération : visa et signature dans le i-Parapheur (simulateur)", List.of(), null, List.of(),
                    CircuitEngine.IPARAPHEUR, new IparapheurSpec("ACTES", "Délibération")));
        }
        log.info("Demo: the i-Parapheur of 'demo' is the simulator at {} (circuit '{}')", url, CIRCUIT);
    }

    private String setting(String name, String fallback) {
        return Binder.get(environment).bind("acta.simulators.iparapheur." + name, String.class).orElse(fallback);
    }
}

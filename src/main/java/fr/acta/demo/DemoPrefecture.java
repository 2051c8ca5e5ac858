package fr.acta.demo;

import fr.acta.common.ActaProperties;
import fr.acta.platform.EmbeddedDatabase;
import fr.acta.prefecture.S2lowConnections;
import fr.acta.tenant.TenantAccess;
import fr.acta.tenant.TenantRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * With the sandbox préfecture on, each demo collectivité that has no S²LOW account gets the
 * sandbox's account of the same SIREN (from {@code acta.simulators.prefecture.accounts}), so that its
 * acts reach the contrôle de légalité out of the box. Acta does not depend on the sandbox's code.
 */
@Component
class DemoPrefecture {

    private static final Logger log = LoggerFactory.getLogger(DemoPrefecture.class);
    private static final String ACCOUNTS = "acta.simulators.prefecture.accounts[%d].%s";

    private final boolean enabled;
    private final S2lowConnections connections;
    private final TenantAccess tenants;
    private final Environment environment;

    DemoPrefecture(ActaProperties properties, EmbeddedDatabase embedded, S2lowConnections connections,
                   TenantAccess tenants, Environment environment) {
        Boolean demo = properties.demo().enabled();
        String sandbox = environment.getProperty("acta.simulators.prefecture.enabled", "");
        boolean sandboxOn = sandbox.isBlank() ? embedded.isActive() : Boolean.parseBoolean(sandbox);
        this.enabled = sandboxOn && (demo != null ? demo : embedded.isActive());
        this.connections = connections;
        this.tenants = tenants;
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(10)
    void useTheSandbox() {
        if (!enabled) {
            return;
        }
        for (String code : new String[] {"demo", "voisine"}) {
            TenantRef tenant = tenants.find(code).orElse(null);
            if (tenant == null || connections.configured(tenant.id())) {
                continue;
            }
            for (int i = 0; environment.containsProperty(ACCOUNTS.formatted(i, "login")); i++) {
                if (tenant.siren().equals(environment.getProperty(ACCOUNTS.formatted(i, "siren")))) {
                    connections.save(tenant.id(), new S2lowConnections.Spec(true, null, null, null,
                            environment.getProperty(ACCOUNTS.formatted(i, "login")),
                            environment.getProperty(ACCOUNTS.formatted(i, "password"))));
                    log.info("Collectivité {}: its acts go to the sandbox préfecture", code);
                }
            }
        }
    }
}

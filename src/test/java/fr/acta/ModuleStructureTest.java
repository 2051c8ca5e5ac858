package fr.acta;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The capability packages and their allowed dependencies. Spring Modulith fails the build on a
 * cycle between capabilities or on a reach into another capability's internals; the explicit
 * list below documents who may use whom.
 */
class ModuleStructureTest {

    static final ApplicationModules MODULES = ApplicationModules.of(ActaApplication.class);

    @Test
    void capabilities_have_no_cycles_and_respect_each_others_internals() {
        MODULES.verify();
    }

    @Test
    void the_capabilities_are_the_documented_ones() {
        assertThat(MODULES.stream().map(ApplicationModule::getIdentifier).map(Object::toString))
                .containsExactlyInAnyOrder("act", "circuit", "classification", "common", "demo", "document",
                        "notification", "platform", "signature", "tenant", "web", "workflow", "iparapheur",
                        "simulator", "transmission", "secret", "prefecture", "certificate", "seda", "sae",
                        "archiving", "vitam", "asalae");
    }

    @Test
    void dependencies_point_inwards() {
        assertDependsOnlyOn("tenant", "common");
        assertDependsOnlyOn("document", "common", "tenant");
        assertDependsOnlyOn("classification", "common", "tenant");
        assertDependsOnlyOn("circuit", "common", "tenant");
        assertDependsOnlyOn("act", "common", "tenant", "document", "classification", "circuit", "signature");
        assertDependsOnlyOn("workflow", "common", "tenant", "document", "circuit", "act", "notification", "signature",
                "platform", "iparapheur", "prefecture", "archiving");
        assertDependsOnlyOn("prefecture", "common", "tenant", "act", "document", "classification", "transmission",
                "secret");
        assertDependsOnlyOn("notification", "common");
        assertDependsOnlyOn("web", "common", "tenant");
        assertDependsOnlyOn("signature", "common", "tenant", "secret");
        assertDependsOnlyOn("secret", "common");
        assertDependsOnlyOn("certificate", "common", "tenant", "circuit", "signature");
        assertDependsOnlyOn("iparapheur", "common", "tenant", "secret");
        // the Vitam simulator checks manifests against the official SEDA schemas
        assertDependsOnlyOn("simulator", "seda");
        assertDependsOnlyOn("transmission", "common", "act");
        assertDependsOnlyOn("seda", "common");
        // a library: no database, no process logic, no settings storage
        assertDependsOnlyOn("vitam");
        // Acta's own archive is a separate system: it knows neither acts nor their lifecycle
        assertDependsOnlyOn("sae", "common", "tenant", "seda", "signature");
        assertDependsOnlyOn("archiving", "common", "tenant", "act", "document", "signature", "secret", "transmission",
                "seda", "sae", "vitam", "asalae");
        // the As@lae client is a library: it knows no other capability
        assertDependsOnlyOn("asalae");
    }

    @Test
    void writes_the_module_documentation() {
        new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }

    private static void assertDependsOnlyOn(String module, String... allowed) {
        ApplicationModule m = MODULES.getModuleByName(module).orElseThrow();
        assertThat(m.getBootstrapDependencies(MODULES).map(ApplicationModule::getIdentifier).map(Object::toString))
                .as("bootstrap dependencies of %s", module).isSubsetOf(allowed);
        assertThat(m.getDirectDependencies(MODULES).stream().map(d -> d.getTargetModule().getIdentifier().toString()))
                .as("direct dependencies of %s", module).isSubsetOf(java.util.List.of(allowed));
    }
}

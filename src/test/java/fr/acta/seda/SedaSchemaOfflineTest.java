package fr.acta.seda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.ls.LSResourceResolver;

/** The schemas compile and validate without the network: remote locations come from catalog.xml or are refused. */
class SedaSchemaOfflineTest {

    @Test
    void the_three_versions_compile_from_the_class_path_with_the_w3c_imports_taken_from_the_catalog() {
        List<String> asked = new ArrayList<>();
        SchemaCatalog catalog = new SchemaCatalog();
        LSResourceResolver recording = (type, ns, publicId, systemId, base) -> {
            asked.add(systemId);
            return catalog.resolveResource(type, ns, publicId, systemId, base);
        };
        SedaSchemas schemas = new SedaSchemas(recording);
        for (SedaVersion version : SedaVersion.values()) {
            assertThat(schemas.schema(version)).isNotNull();
        }
        assertThat(asked).contains("http://www.w3.org/2001/xml.xsd", "http://www.w3.org/1999/xlink.xsd",
                "seda-2.1-types.xsd", "seda-2.2-ontology.xsd", "seda-2.3-management.xsd");
        assertThat(catalog.mapped("http://www.w3.org/2001/xml.xsd")).isEqualTo("/schemas/w3c/2001/xml.xsd");
        assertThat(catalog.mapped("http://www.w3.org/1999/xlink.xsd")).isEqualTo("/schemas/w3c/1999/xlink.xsd");
    }

    @Test
    void the_resolver_refuses_what_the_catalog_does_not_map_and_anything_outside_the_schemas() {
        SchemaCatalog catalog = new SchemaCatalog();
        assertThatThrownBy(() -> catalog.locate("http://example.org/evil.xsd", null))
                .hasMessageContaining("not in catalog.xml");
        assertThatThrownBy(() -> catalog.locate("https://www.w3.org/2001/xml.xsd", null))
                .hasMessageContaining("not in catalog.xml");
        assertThatThrownBy(() -> catalog.locate("file:///etc/passwd", null)).hasMessageContaining("refused");
        assertThatThrownBy(() -> catalog.locate("../../application.yml", "classpath:/schemas/seda/2.2/x.xsd"))
                .hasMessageContaining("refused");
        assertThat(catalog.locate("seda-2.2-types.xsd", "classpath:/schemas/seda/2.2/seda-2.2-main.xsd"))
                .isEqualTo("/schemas/seda/2.2/seda-2.2-types.xsd");
    }

    @Test
    void the_independent_check_also_runs_offline_through_the_jdk_catalog_with_http_refused() throws Exception {
        for (SedaVersion version : SedaVersion.values()) {
            assertThat(OfflineSchemas.compile(version)).isNotNull();
        }
        assertThat(OfflineSchemas.REMOTE_ASKED).contains("http://www.w3.org/2001/xml.xsd");
        LSResourceResolver resolver = OfflineSchemas.refusingHttp();
        assertThatThrownBy(() -> resolver.resolveResource(null, null, null, "http://example.org/x.xsd", null))
                .isNotNull();
    }
}

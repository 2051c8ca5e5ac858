package fr.acta.prefecture;

import static org.assertj.core.api.Assertions.assertThat;

import fr.acta.support.Acts;
import fr.acta.support.Api;
import fr.acta.support.ApiTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * A signed act subject to the contrôle de légalité goes to the sandbox préfecture through the S²LOW
 * API and comes back acknowledged: package kept, ARActe, IDActe and legal date of reception,
 * bordereau d'acquittement, and stamped copies that leave the signature valid.
 */
class TransmissionLifecycleTest extends ApiTest {

    @Test
    void a_signed_act_is_transmitted_and_acknowledged_with_its_proofs() throws IOException {
        Api secretaire = as("secretaire");
        String actId = Acts.submit(secretaire, "demo", "arrete");
        Acts.sign(as("maire"), "demo", Acts.awaitTask(as("maire"), "demo", actId));
        Acts.awaitState(secretaire, "demo", actId, "ACKNOWLEDGED");

        Api.Response act = secretaire.get("/api/v1/tenants/demo/acts/" + actId);
        assertThat(act.<String>json("$.transmission.status")).isEqualTo("ACKNOWLEDGED");
        String idActe = act.json("$.transmission.idActe");
        assertThat(idActe).matches("069-210690004-\\d{8}-[A-Z0-9_]+-DE");
        assertThat(act.<String>json("$.transmission.receivedAt")).isNotBlank();
        assertThat(act.<String>json("$.transmission.transactionId")).isNotBlank();
        assertThat(act.<List<String>>json("$.history[*].event"))
                .contains("TRANSMISSION_PREPARED", "TRANSMITTED", "ACKNOWLEDGED");
        assertThat(act.<List<String>>json("$.documents[*].role"))
                .contains("MAIN", "SIGNED", "TRANSMISSION_PACKAGE", "ARACTE", "ACK_BORDEREAU", "STAMPED");

        Api.Response pkg = secretaire.get("/api/v1/tenants/demo/acts/" + actId + "/transmission/package");
        assertThat(pkg.status()).isEqualTo(200);
        assertThat(entries(pkg.body())).anyMatch(n -> n.startsWith("EACT--210690004--"))
                .anyMatch(n -> n.endsWith("-DE-1-1_0.xml")).anyMatch(n -> n.endsWith("-DE-1-1_1.pdf"));

        Api.Response ar = secretaire.get("/api/v1/tenants/demo/acts/" + actId + "/transmission/ar");
        assertThat(ar.status()).isEqualTo(200);
        assertThat(new String(ar.body(), StandardCharsets.ISO_8859_1)).contains("ARActe").contains(idActe);

        String mainId = act.<List<String>>json("$.documents[?(@.role == 'MAIN')].id").get(0);
        Api.Response stamped = secretaire.get("/api/v1/tenants/demo/acts/" + actId + "/documents/" + mainId
                + "?stamped=true");
        assertThat(stamped.status()).isEqualTo(200);
        Api.Response validation = secretaire.multipart("/api/v1/tenants/demo/signature-validations",
                new Api.Multipart().part("file", "tamponne.pdf", stamped.body(), MediaType.APPLICATION_PDF));
        assertThat(validation.status()).as(validation.toString()).isEqualTo(200);
        assertThat(validation.<List<String>>json("$.signatures[*].indication")).containsExactly("TOTAL_PASSED");
        Api.Response original = secretaire.get("/api/v1/tenants/demo/acts/" + actId + "/documents/" + mainId);
        assertThat(stamped.body().length).isGreaterThan(original.body().length);
    }

    private static List<String> entries(byte[] tarGz) throws IOException {
        List<String> names = new ArrayList<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(
                new ByteArrayInputStream(tarGz)))) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                names.add(e.getName());
            }
        }
        return names;
    }
}

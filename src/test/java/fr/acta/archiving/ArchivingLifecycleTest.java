package fr.acta.archiving;

import static org.assertj.core.api.Assertions.assertThat;

import fr.acta.support.Acts;
import fr.acta.support.Api;
import fr.acta.support.ApiTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * After its acknowledgement (or its circuit, when it is not transmitted) an act goes to Acta's own
 * archive once, with every proof, and ends ARCHIVED with the archive's identifier.
 */
class ArchivingLifecycleTest extends ApiTest {

    @Test
    void an_acknowledged_act_is_archived_once_with_all_its_proofs() throws IOException {
        Api secretaire = as("secretaire");
        String actId = Acts.submit(secretaire, "demo", "arrete");
        Acts.sign(as("maire"), "demo", Acts.awaitTask(as("maire"), "demo", actId));
        Acts.awaitState(secretaire, "demo", actId, "ARCHIVED");
        Acts.awaitEvent(secretaire, "demo", actId, "COMPLETED");

        Api.Response act = secretaire.get("/api/v1/tenants/demo/acts/" + actId);
        assertThat(act.<String>json("$.state")).isEqualTo("ARCHIVED");
        assertThat(act.<String>json("$.archive.status")).isEqualTo("ARCHIVED");
        String archiveId = act.json("$.archive.archiveId");
        assertThat(archiveId).startsWith("SAE-DEMO-");
        assertThat(act.<String>json("$.archive.archivedAt")).isNotBlank();
        assertThat(act.<String>json("$.archive.archive")).isEqualTo("ACTA");
        assertThat(act.<String>json("$.archive.sedaVersion")).isEqualTo("2.2");
        assertThat(act.<List<String>>json("$.history[*].event")).containsSubsequence("ACKNOWLEDGED",
                "ARCHIVE_PREPARED", "ARCHIVE_SENT", "ARCHIVE_ACKNOWLEDGED", "ARCHIVED", "COMPLETED");
        String messageIdentifier = act.json("$.archive.messageIdentifier");
        assertThat(jdbc.queryForObject("select count(*) from sae_transfer where message_identifier = ?",
                Integer.class, messageIdentifier)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from sae_archive a join sae_transfer t on t.id = a.transfer_id "
                + "where t.message_identifier like ?", Integer.class, "ACTA-" + actId + "-%")).isEqualTo(1);

        // the package holds the act and every proof of its life, described in the manifest
        String packageId = act.<List<String>>json("$.documents[?(@.role == 'ARCHIVE_PACKAGE')].id").get(0);
        byte[] zip = secretaire.get("/api/v1/tenants/demo/acts/" + actId + "/documents/" + packageId).body();
        List<String> names = new ArrayList<>();
        String manifest = null;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
                if (e.getName().equals("manifest.xml")) {
                    manifest = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        assertThat(names).contains("manifest.xml").anyMatch(n -> n.endsWith("historique.xml"))
                .anyMatch(n -> n.endsWith("rapport-validation-signatures.xml")).anyMatch(n -> n.endsWith(".tar.gz"));
        String idActe = act.json("$.transmission.idActe");
        assertThat(manifest).contains("fr:gouv:culture:archivesdefrance:seda:v2.2").contains(idActe)
                .contains("<MessageIdentifier>" + messageIdentifier + "</MessageIdentifier>")
                .contains("Accusé de réception de la préfecture (ARActe)").contains("Copie tamponnée par la préfecture")
                .contains("Bordereau de signature").contains("Rapport de validation des signatures (ETSI)")
                .contains("Historique de l'acte").contains("Paquet de transmission @ctes").contains("SHA-512");

        // the archive knows it: the archivist finds the record with its objects
        Api.Response record = as("archiviste").get("/api/v1/tenants/demo/archives/" + archiveId);
        assertThat(record.status()).as(record.toString()).isEqualTo(200);
        assertThat(record.text()).contains("historique.xml").contains(idActe);
        // and finds it by its IDActe, and by the words of its objet (French: plural, no accents)
        Api.Response byIdActe = as("archiviste").get("/api/v1/tenants/demo/archives?idActe=" + idActe);
        assertThat(byIdActe.status()).as(byIdActe.toString()).isEqualTo(200);
        assertThat(byIdActe.<List<String>>json("$.results[*].id")).containsExactly(archiveId);
        assertThat(byIdActe.<String>json("$.results[0].actNumber")).isEqualTo(act.<String>json("$.number"));
        assertThat(byIdActe.<String>json("$.results[0].nature")).isEqualTo("DE");
        assertThat(byIdActe.<String>json("$.results[0].matiere")).isEqualTo("7.1");
        Api.Response byWords = as("archiviste").get("/api/v1/tenants/demo/archives?q=budgets+primitifs&idActe=" + idActe);
        assertThat(byWords.<List<String>>json("$.results[*].id")).containsExactly(archiveId);
    }

    @Test
    void an_act_outside_the_controle_de_legalite_is_archived_after_its_circuit() {
        Api secretaire = as("secretaire");
        String metadata = Acts.metadata(Acts.uniqueNumber("NT"), "arrete", 0).replace("\"legalityControl\":true",
                "\"legalityControl\":false");
        Api.Response submitted = secretaire.multipart("/api/v1/tenants/demo/acts", new Api.Multipart()
                .metadata(metadata).main("deliberation.pdf", fr.acta.testdata.SamplePdfs.deliberation(
                        "Valmont-sur-Saône", "T", "Règlement intérieur des écoles", 20_000)));
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
        String actId = submitted.json("$.id");
        Acts.sign(as("maire"), "demo", Acts.awaitTask(as("maire"), "demo", actId));
        Acts.awaitState(secretaire, "demo", actId, "ARCHIVED");
        Api.Response act = secretaire.get("/api/v1/tenants/demo/acts/" + actId);
        assertThat(act.<List<String>>json("$.history[*].event")).doesNotContain("TRANSMITTED")
                .containsSubsequence("SIGNED", "ARCHIVE_PREPARED", "ARCHIVED");
        assertThat(act.<String>json("$.archive.archiveId")).startsWith("SAE-DEMO-");
    }
}

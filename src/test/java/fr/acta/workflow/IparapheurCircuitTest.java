package fr.acta.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import fr.acta.iparapheur.IparapheurConnections;
import fr.acta.iparapheur.IparapheurConnector;
import fr.acta.iparapheur.IparapheurException;
import fr.acta.iparapheur.IparapheurFolder;
import fr.acta.iparapheur.IparapheurSettings;
import fr.acta.support.Acts;
import fr.acta.support.Api;
import fr.acta.support.ApiTest;
import fr.acta.support.IparapheurSim;
import fr.acta.tenant.TenantAccess;
import fr.acta.testdata.SamplePdfs;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo circuit {@code iparapheur}, carried out in the built-in i-Parapheur simulator over real
 * HTTP: the folder is created once, followed by BPMN timers, and its outcome comes back into Acta.
 * The simulator keeps its folders in memory, which is enough here: every scenario runs within one
 * application start (a restart of Acta between creation and recovery is not simulated).
 */
class IparapheurCircuitTest extends ApiTest {

    @Autowired
    IparapheurConnector connector;
    @Autowired
    IparapheurConnections connections;
    @Autowired
    TenantAccess tenants;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TransactionTemplate transaction;

    record Folder(String runId, String folderId, String name, String state) {
    }

    @Test
    void a_finished_folder_brings_back_the_signed_document_and_the_bordereau_and_is_deleted_only_then() throws Exception {
        Api secretaire = as("secretaire");
        String actId = Acts.submit(secretaire, "demo", DEMO_CIRCUIT);
        Folder folder = awaitFolder(actId, 1);
        awaitEvent(actId, "IPARAPHEUR_STEP");
        assertThat(Acts.state(secretaire, "demo", actId)).isEqualTo("IN_CIRCUIT");
        assertThat(connector.status(settings(), folder.folderId()).currentStep()).isEqualTo("VISA");

        sim().finish(folder.folderId());
        Acts.awaitState(secretaire, "demo", actId, "ACKNOWLEDGED");
        Acts.awaitEvent(secretaire, "demo", actId, "COMPLETED");

        Api.Response act = secretaire.get("/api/v1/tenants/demo/acts/" + actId);
        assertThat(act.<List<String>>json("$.history[*].event")).containsSubsequence("CIRCUIT_STARTED",
                        "IPARAPHEUR_FOLDER_CREATED", "IPARAPHEUR_STEP", "IPARAPHEUR_FINISHED", "BORDEREAU",
                        "IPARAPHEUR_FOLDER_DELETED", "COMPLETED")
                .doesNotContain("CIRCUIT_COMPLETED").containsOnlyOnce("BORDEREAU", "IPARAPHEUR_FOLDER_CREATED");
        assertThat(act.<List<String>>json("$.history[?(@.event == 'IPARAPHEUR_FINISHED')].detail").get(0))
                .contains(folder.folderId(), "visa de Claire Martin", "signature de Jean Dupont");
        assertThat(act.<List<String>>json("$.documents[*].role")).contains("MAIN", "SIGNED", "BORDEREAU",
                "IPARAPHEUR_ZIP");

        byte[] main = document(secretaire, act, actId, "MAIN");
        byte[] signed = document(secretaire, act, actId, "SIGNED");
        assertThat(signed).as("the simulator returns the upload unchanged").isEqualTo(main);
        Api.Response bordereau = secretaire.get("/api/v1/tenants/demo/acts/" + actId + "/bordereau");
        assertThat(bordereau.status()).isEqualTo(200);
        try (PDDocument pdf = Loader.loadPDF(bordereau.body())) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("Bordereau de signature", folder.folderId());
        }
        assertThat(connector.readZip(document(secretaire, act, actId, "IPARAPHEUR_ZIP")).folderId())
                .isEqualTo(folder.folderId());

        assertThat(awaitFolder(actId, 1).state()).isEqualTo("DELETED");
        assertThatThrownBy(() -> connector.status(settings(), folder.folderId()))
                .isInstanceOfSatisfying(IparapheurException.class,
                        e -> assertThat(e.kind()).isEqualTo(IparapheurException.Kind.NOT_FOUND));
    }

    @Test
    void a_rejection_in_the_iparapheur_sends_the_act_back_to_its_submitter_with_the_annotation() {
        Api secretaire = as("secretaire");
        String actId = Acts.submit(secretaire, "demo", DEMO_CIRCUIT);
        Folder first = awaitFolder(actId, 1);
        String annotation = "Le montant de l'article 3 est erroné : merci de corriger la délibération.";

        sim().reject(first.folderId(), annotation);
        Acts.awaitState(secretaire, "demo", actId, "REJECTED");

        Api.Response act = secretaire.get("/api/v1/tenants/demo/acts/" + actId);
        assertThat(act.<List<String>>json("$.history[*].event")).containsSubsequence("IPARAPHEUR_FOLDER_CREATED",
                "VISA_REJECTED", "IPARAPHEUR_FOLDER_DELETED", "RETURNED_TO_SUBMITTER");
        assertThat(act.<List<String>>json("$.history[?(@.event == 'VISA_REJECTED')].detail").get(0))
                .startsWith("Rejet dans le i-Parapheur").endsWith(annotation);
        assertThat(act.<List<String>>json("$.annotations[?(@.visibility == 'PUBLIC')].text")).containsExactly(annotation);
        assertThat(act.<List<String>>json("$.documents[*].role")).doesNotContain("SIGNED", "BORDEREAU");
        assertThat(awaitFolder(actId, 1).state()).isEqualTo("DELETED");
        assertThatThrownBy(() -> connector.status(settings(), first.folderId()))
                .isInstanceOf(IparapheurException.class);

        // corrected and resubmitted: a new run, hence a new folder under a new name
        Api.Response resubmitted = secretaire.multipart("/api/v1/tenants/demo/acts/" + actId + "/resubmission",
                new Api.Multipart().main("deliberation-corrigee.pdf",
                        SamplePdfs.deliberation("Valmont-sur-Saône", "T", "Objet corrigé", 30_000)));
        assertThat(resubmitted.status()).as(resubmitted.toString()).isEqualTo(200);
        Folder second = awaitFolder(actId, 2);
        assertThat(second.folderId()).isNotEqualTo(first.folderId());
        assertThat(second.name()).isNotEqualTo(first.name());
        sim().finish(second.folderId());
        Acts.awaitState(secretaire, "demo", actId, "ACKNOWLEDGED");
    }

    @Test
    void a_folder_created_just_before_a_crash_is_found_again_by_its_name_and_never_created_twice() {
        Api secretaire = as("secretaire");
        String actId = Acts.submit(secretaire, "demo", DEMO_CIRCUIT);
        Folder created = awaitFolder(actId, 1);
        assertThat(connector.findFoldersByName(settings(), created.name())).extracting(IparapheurFolder::id)
                .containsExactly(created.folderId());

        // The state a crash between the POST and its record leaves: the run's row committed before the
        // POST, no folder id, the folder on the server, the token back before the creation step.
        await().atMost(Duration.ofSeconds(30)).ignoreException(OptimisticLockingException.class).untilAsserted(() ->
                transaction.executeWithoutResult(status -> {
                    jdbc.update("update iparapheur_folder set folder_id = null, state = 'CREATING' where run_id = ?",
                            created.runId());
                    runtime.createProcessInstanceModification(created.runId())
                            .cancelAllForActivity("waitFolder").cancelAllForActivity("checkFolder")
                            .startBeforeActivity("createFolder").execute();
                }));

        awaitEvent(actId, "IPARAPHEUR_FOLDER_FOUND");
        Folder recovered = awaitFolder(actId, 1);
        assertThat(recovered.folderId()).isEqualTo(created.folderId());
        assertThat(connector.findFoldersByName(settings(), created.name())).extracting(IparapheurFolder::id)
                .as("a single folder on the i-Parapheur").containsExactly(created.folderId());
        assertThat(events(actId)).containsOnlyOnce("IPARAPHEUR_FOLDER_CREATED");

        sim().finish(created.folderId());
        Acts.awaitState(secretaire, "demo", actId, "ACKNOWLEDGED");
        assertThat(events(actId)).contains("IPARAPHEUR_FOLDER_DELETED");
    }

    // ------------------------------------------------------------------------------------- helpers

    private static final String DEMO_CIRCUIT = "iparapheur";

    private IparapheurSim sim() {
        return new IparapheurSim(port);
    }

    private IparapheurSettings settings() {
        return connections.settings(tenants.find("demo").orElseThrow().id(), "ACTES", "Délibération");
    }

    /** The act's {@code n}-th folder, once its id is recorded. */
    private Folder awaitFolder(String actId, int n) {
        Folder[] found = new Folder[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            List<Map<String, Object>> rows = jdbc.queryForList("select run_id, folder_id, name, state "
                    + "from iparapheur_folder where act_id = ?::uuid order by created_at", actId);
            if (rows.size() < n || rows.get(n - 1).get("folder_id") == null) {
                return false;
            }
            Map<String, Object> r = rows.get(n - 1);
            found[0] = new Folder((String) r.get("run_id"), (String) r.get("folder_id"), (String) r.get("name"),
                    (String) r.get("state"));
            return true;
        });
        return found[0];
    }

    private List<String> events(String actId) {
        return jdbc.queryForList("select event from act_event where act_id = ?::uuid order by id", String.class, actId);
    }

    private void awaitEvent(String actId, String event) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> events(actId).contains(event));
    }

    private static byte[] document(Api api, Api.Response act, String actId, String role) {
        String id = act.<List<String>>json("$.documents[?(@.role == '" + role + "')].id").get(0);
        return api.get("/api/v1/tenants/demo/acts/" + actId + "/documents/" + id).body();
    }
}

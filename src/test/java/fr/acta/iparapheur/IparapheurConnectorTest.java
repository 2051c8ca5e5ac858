package fr.acta.iparapheur;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.acta.simulator.iparapheur.SimFixtures;
import fr.acta.support.ApiTest;
import fr.acta.testdata.SamplePdfs;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * The connector against the i-Parapheur simulator running inside the application, over real HTTP:
 * token, multipart creation with a draft PREMIS, status from the PREMIS events, ZIP, deletion.
 */
class IparapheurConnectorTest extends ApiTest {

    private static final byte[] MAIN = SamplePdfs.deliberation("Valmont-sur-Saône", "2026_042",
            "Tarifs de la cantine scolaire", 20_000);
    private static final byte[] ANNEX = SamplePdfs.annex("Grille tarifaire", 1);

    @Autowired
    IparapheurConnector connector;

    @Autowired
    RestClient.Builder restClientBuilder;

    private URI base() {
        return URI.create("http://localhost:" + port + "/iparapheur-sim");
    }

    private IparapheurSettings settings() {
        return IparapheurSettings.standard(base(), "acta", "acta-simulateur", SimFixtures.TENANT_ID,
                SimFixtures.EMITTER_DESK_ID, "ACTES", "Délibération");
    }

    private IparapheurFolder create(String name) {
        return connector.createFolder(settings(), name, FolderFile.pdf("Délibération n°2026_042.pdf", MAIN),
                List.of(FolderFile.pdf("Annexe 1 - grille.pdf", ANNEX)), Map.of("acta_act_id", name),
                LocalDate.of(2026, 12, 31));
    }

    private static String uniqueName() {
        return "Délibération 2026_042 « cantine » " + UUID.randomUUID();
    }

    @Test
    void a_created_folder_is_pending_and_can_be_found_again_by_name_or_metadata() {
        String name = uniqueName();
        IparapheurFolder folder = create(name);

        assertThat(folder.id()).isNotBlank();
        assertThat(folder.name()).isEqualTo(name);
        assertThat(folder.dueDate()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(folder.metadata()).containsEntry("acta_act_id", name);

        FolderStatus status = connector.status(settings(), folder.id());
        assertThat(status.state()).isEqualTo(FolderState.PENDING);
        assertThat(status.currentStep()).isEqualTo("VISA");
        assertThat(status.rejectionAnnotation()).isNull();
        assertThat(status.events()).extracting(PremisEvent::type).startsWith("START", "VISA", "SIGNATURE");
        assertThat(status.events().get(0).performed()).isTrue();
        assertThat(status.events().get(1).pending()).isTrue();
        assertThat(status.events().get(2).upcoming()).isTrue();

        assertThat(connector.findFoldersByName(settings(), name)).extracting(IparapheurFolder::id)
                .containsExactly(folder.id());
        assertThat(connector.findFoldersByMetadata(settings(), "acta_act_id", name)).extracting(IparapheurFolder::id)
                .containsExactly(folder.id());
        assertThat(connector.findFoldersByName(settings(), name + " (autre)")).isEmpty();
    }

    @Test
    void a_rejected_folder_gives_its_annotation_and_is_deleted_after_the_rejection_is_recorded() {
        IparapheurFolder folder = create(uniqueName());
        admin("/folders/" + folder.id() + "/reject",
                Map.of("publicAnnotation", "Le tarif de l'article 2 est erroné : à corriger."));

        FolderStatus status = connector.status(settings(), folder.id());
        assertThat(status.state()).isEqualTo(FolderState.REJECTED);
        assertThat(status.rejectionAnnotation()).isEqualTo("Le tarif de l'article 2 est erroné : à corriger.");
        assertThat(status.currentStep()).isNull();
        assertThat(status.events()).extracting(PremisEvent::type).containsExactly("START", "REJECT", "DELETE");

        assertThat(connector.deleteFolder(settings(), DeletionPermit.afterRecordingRejection(status))).isTrue();
        assertThatThrownBy(() -> connector.status(settings(), folder.id()))
                .isInstanceOfSatisfying(IparapheurException.class,
                        e -> assertThat(e.kind()).isEqualTo(IparapheurException.Kind.NOT_FOUND));
    }

    @Test
    void a_finished_folder_zip_holds_the_signed_document_the_annex_the_bordereau_and_the_premis() throws IOException {
        String name = uniqueName();
        IparapheurFolder folder = create(name);
        admin("/folders/" + folder.id() + "/advance", Map.of());
        assertThat(connector.status(settings(), folder.id()).currentStep()).isEqualTo("SIGNATURE");
        admin("/folders/" + folder.id() + "/finish", Map.of());

        FolderStatus status = connector.status(settings(), folder.id());
        assertThat(status.state()).isEqualTo(FolderState.FINISHED);
        assertThat(status.signedAt()).isNotNull();

        SignedFolder signed = connector.fetchSignedFolder(settings(), folder.id());
        assertThat(signed.folderId()).isEqualTo(folder.id());
        assertThat(signed.name()).isEqualTo(name);
        assertThat(signed.status().state()).isEqualTo(FolderState.FINISHED);
        assertThat(signed.metadata()).containsEntry("acta_act_id", name);
        assertThat(signed.warnings()).isEmpty();
        assertThat(signed.mainDocuments()).singleElement().satisfies(d -> {
            assertThat(d.name()).isEqualTo("Délibération n°2026_042.pdf");
            assertThat(d.content()).isEqualTo(MAIN); // the simulator does not sign
            assertThat(d.fixityVerified()).isTrue();
        });
        assertThat(signed.annexes()).singleElement().satisfies(d -> {
            assertThat(d.name()).isEqualTo("Annexe 1 - grille.pdf");
            assertThat(d.content()).isEqualTo(ANNEX);
        });
        assertThat(signed.detachedSignatures()).isEmpty();
        assertThat(signed.bordereau()).isNotNull();
        assertThat(signed.bordereau().name()).isEqualTo(name + "_bordereau.pdf");
        try (PDDocument pdf = Loader.loadPDF(signed.bordereau().content())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("Bordereau de signature").contains("ne signe pas").contains(folder.id());
        }
        assertThat(new String(signed.premis(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("<eventType>ARCHIVE</eventType>").contains(folder.id());
        assertThat(zipEntries(signed.zip())).containsExactly("i_Parapheur_internal_premis.xml",
                "Documents principaux/Délibération n°2026_042.pdf", "Annexes/Annexe 1 - grille.pdf",
                name + "_bordereau.pdf");
        assertThat(signed.zipSha256()).isEqualTo(IparapheurZip.sha256(signed.zip()));
    }

    @Test
    void a_folder_is_deleted_only_once_its_zip_is_stored_identically() {
        IparapheurFolder folder = create(uniqueName());

        SignedFolder stillPending = connector.fetchSignedFolder(settings(), folder.id());
        assertThatThrownBy(() -> DeletionPermit.afterStoring(stillPending, stillPending.zipSha256()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("n'est pas terminé");
        assertThatThrownBy(() -> DeletionPermit.afterRecordingRejection(connector.status(settings(), folder.id())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("n'est pas rejeté");
        // the simulator enforces the server's own rule too: a pending folder cannot be deleted
        RestClient raw = RestClient.builder().build();
        int status = raw.delete().uri(base() + "/api/standard/v1/tenant/" + SimFixtures.TENANT_ID + "/desk/"
                        + SimFixtures.EMITTER_DESK_ID + "/folder/" + folder.id())
                .header("Authorization", "Bearer " + token())
                .exchange((req, res) -> res.getStatusCode().value());
        assertThat(status).isEqualTo(403);

        admin("/folders/" + folder.id() + "/finish", Map.of());
        SignedFolder signed = connector.fetchSignedFolder(settings(), folder.id());
        assertThatThrownBy(() -> DeletionPermit.afterStoring(signed, "0".repeat(64)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("n'est pas enregistrée à l'identique");
        assertThat(connector.status(settings(), folder.id()).state()).isEqualTo(FolderState.FINISHED);

        // the caller stores the ZIP, reads it back, and proves it with its SHA-256
        String storedSha256 = IparapheurZip.sha256(signed.zip().clone());
        DeletionPermit permit = DeletionPermit.afterStoring(signed, storedSha256);
        assertThat(connector.deleteFolder(settings(), permit)).isTrue();
        assertThat(connector.deleteFolder(settings(), permit)).as("a repeated deletion is harmless").isFalse();
        assertThatThrownBy(() -> connector.status(settings(), folder.id()))
                .isInstanceOfSatisfying(IparapheurException.class,
                        e -> assertThat(e.kind()).isEqualTo(IparapheurException.Kind.NOT_FOUND));
    }

    @Test
    void wrong_credentials_client_or_realm_give_clear_errors_without_the_password() {
        assertThatThrownBy(() -> connector.status(settings().withPassword("pas-le-bon-mot-de-passe"), "x"))
                .isInstanceOfSatisfying(IparapheurException.class, e -> {
                    assertThat(e.kind()).isEqualTo(IparapheurException.Kind.AUTHENTICATION);
                    assertThat(e.httpStatus()).isEqualTo(401);
                    assertThat(e.getMessage()).contains("refuse l'identifiant ou le mot de passe du compte « acta »")
                            .doesNotContain("pas-le-bon-mot-de-passe");
                    assertThat(e.retryable()).isFalse();
                });
        IparapheurSettings s = settings();
        IparapheurSettings wrongClient = new IparapheurSettings(s.baseUrl(), "api", "autre-client", s.username(),
                s.password(), s.tenantId(), s.deskId(), s.type(), s.subtype());
        assertThatThrownBy(() -> connector.status(wrongClient, "x"))
                .isInstanceOfSatisfying(IparapheurException.class, e -> {
                    assertThat(e.kind()).isEqualTo(IparapheurException.Kind.AUTHENTICATION);
                    assertThat(e.getMessage()).contains("client Keycloak « autre-client »");
                });
        IparapheurSettings wrongRealm = new IparapheurSettings(s.baseUrl(), "master", s.clientId(), s.username(),
                s.password(), s.tenantId(), s.deskId(), s.type(), s.subtype());
        assertThatThrownBy(() -> connector.status(wrongRealm, "x"))
                .isInstanceOfSatisfying(IparapheurException.class, e -> {
                    assertThat(e.kind()).isEqualTo(IparapheurException.Kind.CONFIGURATION);
                    assertThat(e.getMessage()).contains("royaume Keycloak « master » est introuvable");
                });
        assertThat(settings().toString()).doesNotContain("acta-simulateur").contains("password=******");
    }

    @Test
    void a_token_refused_by_the_server_is_renewed_once_with_the_refresh_token() {
        IparapheurFolder folder = create(uniqueName());
        Map<String, Object> before = stats();
        admin("/tokens/expire", Map.of());

        assertThat(connector.status(settings(), folder.id()).state()).isEqualTo(FolderState.PENDING);

        Map<String, Object> after = stats();
        assertThat(delta(before, after, "refusedBearerTokens")).isGreaterThanOrEqualTo(1);
        assertThat(delta(before, after, "refreshGrants")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void a_token_about_to_expire_is_renewed_before_use() {
        MutableClock clock = new MutableClock(Instant.now());
        IparapheurConnector own = new IparapheurConnector(restClientBuilder.clone(), clock);
        IparapheurFolder folder = create(uniqueName());
        own.status(settings(), folder.id());
        Map<String, Object> before = stats();

        own.status(settings(), folder.id());
        assertThat(delta(before, stats(), "refreshGrants")).as("cached token reused").isZero();

        clock.advance(Duration.ofSeconds(880)); // the token lives 900 s; renewed 30 s early
        own.status(settings(), folder.id());
        Map<String, Object> after = stats();
        assertThat(delta(before, after, "refreshGrants")).isEqualTo(1);
        assertThat(delta(before, after, "refusedBearerTokens")).as("no 401 needed").isZero();
    }

    @Test
    void the_simulator_refuses_what_the_real_server_refuses() {
        IparapheurSettings s = settings();
        IparapheurSettings unknownSubtype = new IparapheurSettings(s.baseUrl(), s.realm(), s.clientId(), s.username(),
                s.password(), s.tenantId(), s.deskId(), "ACTES", "Contrat");
        assertThatThrownBy(() -> connector.createFolder(unknownSubtype, uniqueName(), FolderFile.pdf("a.pdf", MAIN),
                List.of(), Map.of(), null))
                .isInstanceOfSatisfying(IparapheurException.class, e -> {
                    assertThat(e.kind()).isEqualTo(IparapheurException.Kind.REFUSED);
                    assertThat(e.httpStatus()).isEqualTo(400);
                    assertThat(e.getMessage()).contains("Sous-type inconnu");
                });
        assertThatThrownBy(() -> connector.createFolder(settings(), uniqueName(),
                FolderFile.pdf("faux.pdf", "ceci n'est pas un PDF".getBytes()), List.of(), Map.of(), null))
                .isInstanceOfSatisfying(IparapheurException.class,
                        e -> assertThat(e.getMessage()).contains("n'est pas un PDF lisible"));
        IparapheurSettings otherDesk = new IparapheurSettings(s.baseUrl(), s.realm(), s.clientId(), s.username(),
                s.password(), s.tenantId(), SimFixtures.MAYOR_DESK_ID, s.type(), s.subtype());
        assertThatThrownBy(() -> connector.createFolder(otherDesk, uniqueName(), FolderFile.pdf("a.pdf", MAIN),
                List.of(), Map.of(), null))
                .isInstanceOfSatisfying(IparapheurException.class, e -> assertThat(e.httpStatus()).isEqualTo(403));
        assertThatThrownBy(() -> connector.status(settings(), UUID.randomUUID().toString()))
                .isInstanceOfSatisfying(IparapheurException.class,
                        e -> assertThat(e.kind()).isEqualTo(IparapheurException.Kind.NOT_FOUND));
    }

    // ------------------------------------------------------------------------------------- helpers

    private String token() {
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", "password");
        form.add("client_id", "ipcore-web");
        form.add("username", "acta");
        form.add("password", "acta-simulateur");
        Map<?, ?> body = RestClient.builder().build().post()
                .uri(base() + "/auth/realms/api/protocol/openid-connect/token")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form).retrieve().body(Map.class);
        return (String) body.get("access_token");
    }

    private Map<String, Object> admin(String path, Map<String, Object> body) {
        @SuppressWarnings("unchecked")
        Map<String, Object> result = RestClient.builder().build().post().uri(base() + "/admin" + path)
                .header("Authorization", "Bearer " + token()).contentType(MediaType.APPLICATION_JSON).body(body)
                .retrieve().body(Map.class);
        return result;
    }

    private Map<String, Object> stats() {
        @SuppressWarnings("unchecked")
        Map<String, Object> result = RestClient.builder().build().get().uri(base() + "/admin/stats")
                .header("Authorization", "Bearer " + token()).retrieve().body(Map.class);
        return result;
    }

    private static long delta(Map<String, Object> before, Map<String, Object> after, String key) {
        return ((Number) after.get(key)).longValue() - ((Number) before.get(key)).longValue();
    }

    private static List<String> zipEntries(byte[] zip) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
            }
        }
        return names;
    }

    /** A clock the test moves by hand. */
    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}

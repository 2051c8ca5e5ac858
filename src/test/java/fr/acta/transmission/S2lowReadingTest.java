package fr.acta.transmission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.web.util.UriComponentsBuilder;

/** Statuses, acknowledgements, files, classification, préfecture documents and recovery, against a fake S²LOW. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class S2lowReadingTest {

    private static final String ACTES = "/modules/actes/";
    private FakeS2low s2low;
    private S2lowSettings settings;
    private final S2lowClient client = new S2lowClient();

    @BeforeAll
    void start() throws Exception {
        TestPki pki = new TestPki("Test S2LOW CA");
        s2low = new FakeS2low(TestPki.serverContext(pki.issue("localhost", true), pki.ca));
        settings = new S2lowSettings(s2low.baseUrl(), pki.issue("Commune de Valmont", false).pkcs12("pw"), "pw",
                "valmont", "s3cret", List.of(pki.ca));
    }

    @AfterAll
    void stop() {
        s2low.close();
    }

    @Test
    void every_status_code_from_minus_1_to_22_is_mapped_to_its_french_label() {
        byte[] ar = PrefectureSamples.arActe().getBytes(Charset.forName("windows-1252"));
        s2low.on(ACTES + "actes_transac_get_status.php", r -> {
            int code = Integer.parseInt(r.param("transaction")) - 1000;
            byte[] head = ("OK\n" + code + "\n").getBytes(StandardCharsets.ISO_8859_1);
            byte[] tail = code == 4 ? ar : code == -1
                    ? "Erreur lors de la validation de l'archive : fichier illisible".getBytes(StandardCharsets.ISO_8859_1)
                    : new byte[0];
            byte[] body = new byte[head.length + tail.length];
            System.arraycopy(head, 0, body, 0, head.length);
            System.arraycopy(tail, 0, body, head.length, tail.length);
            return FakeS2low.Reply.ok(body);
        });
        for (int code = -1; code <= 22; code++) {
            S2low.Status status = client.status(settings, 1000 + code);
            assertThat(status.code()).isEqualTo(code);
            assertThat(status.status()).as("status %s", code).isPresent();
            assertThat(status.status().get().code()).isEqualTo(code);
            assertThat(status.label()).isEqualTo(status.status().get().label());
        }
        assertThat(client.status(settings, 999).label()).isEqualTo("Erreur");
        S2low.Status error = client.status(settings, 999);
        assertThat(error.message()).isEqualTo("Erreur lors de la validation de l'archive : fichier illisible");
        S2low.Status acknowledged = client.status(settings, 1004);
        assertThat(acknowledged.status().get().acknowledged()).isTrue();
        assertThat(acknowledged.label()).isEqualTo("Acquittement reçu");
        assertThat(PrefectureMessageParser.parse(acknowledged.fluxRetour()).idActe()).isEqualTo(PrefectureSamples.ID);
        S2low.Status waiting = client.status(settings, 1017);
        assertThat(waiting.status().get().awaitingConfirmation()).isTrue();
        assertThat(waiting.label()).isEqualTo("En attente d'être postée");
        assertThat(client.status(settings, 1021).label()).isEqualTo("Document reçu (pas d'AR)");
        assertThat(client.status(settings, 1022).label()).isEqualTo("Impossible d'envoyer au SAE (documents indisponibles)");
        S2low.Status unknown = client.status(settings, 1099);
        assertThat(unknown.status()).isEmpty();
        assertThat(unknown.label()).isEqualTo("Statut S²LOW inconnu (99)");
    }

    @Test
    void status_by_idacte_and_a_ko_for_an_unknown_transaction() {
        s2low.on(ACTES + "actes_transac_get_status.php", r -> r.param("unique_id") != null
                ? FakeS2low.Reply.latin1("OK\n3\n") : FakeS2low.Reply.latin1("KO\nNuméro de transaction invalide."));
        S2low.Status status = client.statusByIdActe(settings, PrefectureSamples.ID);
        assertThat(status.status()).contains(ActesStatus.TRANSMIS);
        assertThat(s2low.last().param("unique_id")).isEqualTo(PrefectureSamples.ID);
        assertThatThrownBy(() -> client.status(settings, 1)).isInstanceOfSatisfying(S2lowRefusalException.class,
                e -> assertThat(e.s2lowMessage()).isEqualTo("Numéro de transaction invalide."));
    }

    @Test
    void the_aracte_the_bordereau_the_files_and_the_stamped_file_are_fetched() {
        byte[] ar = PrefectureSamples.arActe().getBytes(Charset.forName("windows-1252"));
        s2low.on(ACTES + "actes_transac_get_ARActe.php", r -> new FakeS2low.Reply(200,
                Map.of("Content-Type", "application/xml"), ar));
        s2low.on(ACTES + "actes_create_pdf.php", r -> FakeS2low.Reply.ok(S2lowClientTest.PDF));
        s2low.on(ACTES + "actes_transac_get_files_list.php", r -> FakeS2low.Reply.ok("""
                [{"id":"801","name":"069-210690004-20250312-DEL_2025_014-DE-1-1_0.xml","posted_filename":"acte.xml","mimetype":"text/xml","size":"1204"},
                 {"id":"802","name":"99_DE-069-210690004-20250312-DEL_2025_014-DE-1-1_1.pdf","posted_filename":"deliberation.pdf","mimetype":"application/pdf","size":"52011","signature":null}]
                """.getBytes(StandardCharsets.UTF_8)));
        s2low.on(ACTES + "actes_download_file.php", r -> FakeS2low.Reply.ok(S2lowClientTest.PDF));

        assertThat(client.arActe(settings, 4242)).isEqualTo(ar);
        assertThat(s2low.last().param("id")).isEqualTo("4242");
        assertThat(client.bordereau(settings, 4242)).isEqualTo(S2lowClientTest.PDF);
        assertThat(s2low.last().param("trans_id")).isEqualTo("4242");
        List<S2low.File> files = client.files(settings, 4242);
        assertThat(files).extracting(S2low.File::id).containsExactly(801L, 802L);
        assertThat(files.get(1).postedFilename()).isEqualTo("deliberation.pdf");
        assertThat(files.get(1).size()).isEqualTo(52011);
        assertThat(client.downloadFile(settings, 802, true, LocalDate.of(2025, 3, 20))).isEqualTo(S2lowClientTest.PDF);
        assertThat(s2low.last().query()).containsEntry("file", List.of("802")).containsEntry("tampon", List.of("true"))
                .containsEntry("date_affichage", List.of("2025-03-20"));

        s2low.on(ACTES + "actes_transac_get_files_list.php", r -> FakeS2low.Reply.latin1("KO\nPas d'acquittement recu"));
        assertThatThrownBy(() -> client.files(settings, 4243)).isInstanceOfSatisfying(S2lowRefusalException.class,
                e -> assertThat(e.s2lowMessage()).isEqualTo("Pas d'acquittement recu"));
    }

    @Test
    void the_classification_is_fetched_and_asked_for() {
        byte[] xml = PrefectureSamples.sansChangement().getBytes(StandardCharsets.ISO_8859_1);
        s2low.on(ACTES + "actes_classification_fetch.php", r -> FakeS2low.Reply.ok(xml));
        s2low.on(ACTES + "actes_classification_request.php", r -> FakeS2low.Reply.latin1("OK\n"));
        assertThat(client.classification(settings)).isEqualTo(xml);
        assertThat(s2low.last().param("api")).isEqualTo("1");
        client.requestClassification(settings);

        s2low.on(ACTES + "actes_classification_fetch.php", r -> FakeS2low.Reply.latin1(
                "KO\nErreur de récupération de la dernière classification.\n"));
        assertThatThrownBy(() -> client.classification(settings)).isInstanceOfSatisfying(S2lowRefusalException.class,
                e -> assertThat(e.s2lowMessage()).isEqualTo("Erreur de récupération de la dernière classification."));
    }

    @Test
    void prefecture_documents_are_listed_marked_read_and_their_archive_downloaded_through_the_redirect() throws Exception {
        s2low.on(ACTES + "api/list_document_prefecture.php", r -> FakeS2low.Reply.ok("""
                [{"id":"4260","type":"2","related_transaction_id":"4242","number":"DEL_2025_014","unique_id":"%s","last_status_id":"21"},
                 {"id":"4261","type":"3","related_transaction_id":"4242","number":"DEL_2025_014","unique_id":"%s","last_status_id":"7"}]
                """.formatted(PrefectureSamples.ID, PrefectureSamples.ID).getBytes(StandardCharsets.UTF_8)));
        s2low.on(ACTES + "api/document_prefecture_mark_as_read.php", r -> FakeS2low.Reply.ok(
                "{\"result\":\"ok\"}".getBytes(StandardCharsets.UTF_8)));
        s2low.on(ACTES + "actes_transac_get_document.php", r -> r.param("id").equals("4242")
                ? FakeS2low.Reply.latin1("2-21-4260\n3-7-4261\n6--1-4262\n")
                : new FakeS2low.Reply(302, Map.of("Location", "actes_download_file.php?env=77"), new byte[0]));
        byte[] archive = PrefectureArchiveReaderTest.courrierArchive();
        s2low.on(ACTES + "actes_download_file.php", r -> FakeS2low.Reply.ok(archive));

        List<S2low.PrefectureDocument> documents = client.prefectureDocuments(settings);
        assertThat(documents).extracting(S2low.PrefectureDocument::transactionId).containsExactly(4260L, 4261L);
        assertThat(documents.get(0).type()).contains(TransactionType.COURRIER_SIMPLE);
        assertThat(documents.get(1).type()).contains(TransactionType.DEMANDE_PIECES_COMPLEMENTAIRES);
        assertThat(documents.get(1).relatedTransactionId()).isEqualTo(4242);
        assertThat(documents.get(1).idActe()).isEqualTo(PrefectureSamples.ID);
        assertThat(documents.get(1).lastStatusCode()).isEqualTo(7);

        client.markRead(settings, 4260);
        assertThat(s2low.last().param("transaction_id")).isEqualTo("4260");

        assertThat(client.exchanges(settings, 4242)).extracting(S2low.Exchange::typeCode, S2low.Exchange::statusCode,
                S2low.Exchange::transactionId).containsExactly(org.assertj.core.groups.Tuple.tuple(2, 21, 4260L),
                org.assertj.core.groups.Tuple.tuple(3, 7, 4261L), org.assertj.core.groups.Tuple.tuple(6, -1, 4262L));

        byte[] downloaded = client.exchangeArchive(settings, 4260);
        assertThat(s2low.last().param("env")).isEqualTo("77");
        assertThat(PrefectureArchiveReader.read(downloaded).messages()).singleElement()
                .satisfies(m -> assertThat(m.kind()).isEqualTo(PrefectureMessage.Kind.COURRIER_SIMPLE));
    }

    @Test
    void a_transaction_is_found_again_by_its_number_for_crash_recovery() {
        s2low.on(ACTES + "api/list_actes.php", r -> {
            String status = r.param("status_id");
            String transactions = status.equals("3") ? """
                    [{"id":"4241","subject":"Autre","number":"DEL_2025_013","date":"2025-03-11","nature_descr":"Délibérations","classification":"9.1","type":"1"},
                     {"id":"4242","subject":"Éclairage","number":"DEL_2025_014","date":"2025-03-12","nature_descr":"Délibérations","classification":"9.1","type":"1"}]
                    """ : "[]";
            return FakeS2low.Reply.ok(("{\"status_id\":" + status + ",\"authority_id\":12,\"offset\":0,\"limit\":100,"
                    + "\"transactions\":" + transactions + "}").getBytes(StandardCharsets.UTF_8));
        });
        S2low.Transaction found = client.findByNumber(settings, "DEL_2025_014").orElseThrow();
        assertThat(found.id()).isEqualTo(4242);
        assertThat(found.statusCode()).isEqualTo(3);
        assertThat(found.decisionDate()).isEqualTo(LocalDate.of(2025, 3, 12));
        assertThat(found.subject()).isEqualTo("Éclairage");

        int before = s2low.received.size();
        assertThat(client.findByNumber(settings, "DEL_2025_999")).isEmpty();
        assertThat(s2low.received.size() - before).isEqualTo(24);
    }

    @Test
    void the_rgs_confirmation_link_carries_a_fresh_nonce_and_the_password_hash() throws Exception {
        s2low.on("/api/get-nounce.php", r -> FakeS2low.Reply.ok("{\"nounce\":\"a1b2c3\"}".getBytes(StandardCharsets.UTF_8)));

        URI link = client.confirmationLink(settings, List.of(4242L), "https://acta.example.fr/s2low/retour?erreur=%%ERROR%%&message=%%MESSAGE%%");

        Map<String, List<String>> q = UriComponentsBuilder.fromUri(link).build(true).getQueryParams();
        assertThat(link.getPath()).isEqualTo(ACTES + "actes_transac_post_confirm_api.php");
        assertThat(q.get("id")).containsExactly("4242");
        assertThat(q.get("nounce")).containsExactly("a1b2c3");
        assertThat(q.get("login")).containsExactly("valmont");
        assertThat(q.get("hash")).containsExactly(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest("s3cret:a1b2c3".getBytes(StandardCharsets.UTF_8))));
        assertThat(java.net.URLDecoder.decode(q.get("url_return").get(0), StandardCharsets.UTF_8))
                .isEqualTo("https://acta.example.fr/s2low/retour?erreur=%%ERROR%%&message=%%MESSAGE%%");

        URI multi = client.confirmationLink(settings, List.of(1L, 2L), "https://acta.example.fr/r");
        assertThat(multi.getPath()).endsWith("actes_transac_post_confirm_api_multi.php");
        assertThat(multi.getRawQuery()).contains("id%5B%5D=1").contains("id%5B%5D=2");
    }
}

package fr.acta.sae;

import static fr.acta.sae.SaeFixture.element;
import static org.assertj.core.api.Assertions.assertThat;

import fr.acta.seda.SedaTransfer;
import fr.acta.seda.SedaVersion;
import fr.acta.support.Api;
import fr.acta.support.ApiTest;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/**
 * Chunked deposits, As@lae's protocol: the bordereau opens a session, the attachments come in
 * numbered chunks in any order, and the last one makes the transfer received exactly as an
 * unchunked one; a chunk that does not fit the session is refused and changes nothing.
 */
class SaeChunkTest extends ApiTest {

    private static final String CHUNKS = SaeFixture.BASE + "/sedaAttachmentsChunkFiles";

    @Autowired
    private ChunkSweeper sweeper;

    @Test
    void chunks_sent_in_any_order_make_one_transfer_received_with_the_last_one_then_accepted() {
        String id = "CHK-" + UUID.randomUUID().toString().substring(0, 8);
        SedaTransfer t = SaeFixture.transfer(id, SedaVersion.V2_3);
        byte[][] parts = split(t.zip(), 3);
        Api api = as("versement");
        Api.Response opened = open(api, t);
        assertThat(opened.status()).as(opened.toString()).isEqualTo(200);
        String session = opened.json("$.chunk_session_identifier");
        String security = opened.json("$.chunk_security_identifier");

        Api.Response third = chunk(api, session, security, 3, 3, parts[2]);
        Api.Response first = chunk(api, session, security, 1, 3, parts[0]);

        assertThat(third.status()).as(third.toString()).isEqualTo(200);
        assertThat(first.<Integer>json("$.received_chunks")).isEqualTo(2);
        assertThat(first.<Boolean>json("$.complete")).isFalse();
        assertThat(api.get(SaeFixture.path("Acknowledgement", id)).status()).isEqualTo(404);
        assertThat(home().resolve("sae/chunks").resolve(session)).isDirectory();

        Api.Response last = chunk(api, session, security, 2, 3, parts[1]);

        assertThat(last.status()).as(last.toString()).isEqualTo(200);
        assertThat(last.<String>json("$.messageIdentifier")).isEqualTo(id);
        assertThat(last.<String>json("$.status")).isEqualTo("RECEIVED");
        assertThat(api.get(SaeFixture.path("Acknowledgement", id)).status()).isEqualTo(200);
        String reply = SaeFixture.awaitReply(api, id);
        assertThat(element(reply, "ReplyCode")).as(reply).isEqualTo("000");
        assertThat(Files.exists(home().resolve("sae/chunks").resolve(session))).isFalse();
        assertThat(jdbc.queryForObject("select count(*) from sae_chunk_session where id = ?::uuid "
                + "and transfer_id is not null", Integer.class, session)).isEqualTo(1);

        Api.Response late = chunk(api, session, security, 1, 3, parts[0]);
        assertThat(late.status()).isEqualTo(400);
        assertThat(late.text()).contains("terminée");
    }

    @Test
    void a_wrong_security_identifier_an_index_out_of_range_or_a_chunk_sent_twice_is_refused_and_nothing_is_received() {
        String id = "CHK-BAD-" + UUID.randomUUID().toString().substring(0, 8);
        SedaTransfer t = SaeFixture.transfer(id, SedaVersion.V2_2);
        byte[][] parts = split(t.zip(), 2);
        Api api = as("versement");
        Api.Response opened = open(api, t);
        String session = opened.json("$.chunk_session_identifier");
        String security = opened.json("$.chunk_security_identifier");

        Api.Response wrongSecurity = chunk(api, session, security.replace(security.charAt(0),
                security.charAt(0) == 'a' ? 'b' : 'a'), 1, 2, parts[0]);
        Api.Response outOfRange = chunk(api, session, security, 3, 2, parts[0]);
        Api.Response zero = chunk(api, session, security, 0, 2, parts[0]);
        Api.Response ok = chunk(api, session, security, 1, 2, parts[0]);
        Api.Response twice = chunk(api, session, security, 1, 2, parts[0]);
        Api.Response otherCount = chunk(api, session, security, 2, 3, parts[1]);
        Api.Response unknown = chunk(api, UUID.randomUUID().toString(), security, 2, 2, parts[1]);
        Api.Response otherTenant = new Api(api.baseUrl(), "secretaire.voisine", "demo").multipart(
                "/api/v1/tenants/voisine/sae/restservices/sedaAttachmentsChunkFiles",
                chunkParts(session, security, 2, 2, parts[1]));

        assertProblem(wrongSecurity, "security_identifier", "L'identifiant de sécurité ne correspond pas");
        assertProblem(outOfRange, "chunk_index", "Entier de 1 à 2 attendu");
        assertProblem(zero, "chunk_index", "Entier de 1 à 2 attendu");
        assertThat(ok.status()).isEqualTo(200);
        assertProblem(twice, "chunk_index", "déjà été reçu");
        assertProblem(otherCount, "number_of_chunks", "annoncé en 2 morceaux");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(otherTenant.status()).isIn(403, 404);
        assertThat(jdbc.queryForObject("select count(*) from sae_chunk where session_id = ?::uuid", Integer.class,
                session)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from sae_transfer where message_identifier = ?", Integer.class,
                id)).isZero();
        assertThat(api.get(SaeFixture.path("Acknowledgement", id)).status()).isEqualTo(404);

        Api.Response last = chunk(api, session, security, 2, 2, parts[1]);

        assertThat(last.status()).as(last.toString()).isEqualTo(200);
        assertThat(element(SaeFixture.awaitReply(api, id), "ReplyCode")).isEqualTo("000");
    }

    @Test
    void a_bordereau_that_cannot_be_identified_opens_no_session() {
        Api.Response opened = as("versement").multipart(SaeFixture.BASE + "/sedaMessages", new Api.Multipart()
                .part("seda_message", "bordereau.xml", "<pas-seda/>".getBytes(), MediaType.APPLICATION_XML)
                .field("send_chunked_attachments", "true"));

        assertThat(opened.status()).isEqualTo(400);
        assertThat(opened.contentType()).startsWith("application/problem+json");
    }

    @Test
    void a_session_left_unfinished_too_long_is_dropped_with_its_chunks() {
        SedaTransfer t = SaeFixture.transfer("CHK-OLD-" + UUID.randomUUID().toString().substring(0, 8), SedaVersion.V2_1);
        Api api = as("versement");
        Api.Response opened = open(api, t);
        String session = opened.json("$.chunk_session_identifier");
        String security = opened.json("$.chunk_security_identifier");
        assertThat(chunk(api, session, security, 1, 2, split(t.zip(), 2)[0]).status()).isEqualTo(200);
        jdbc.update("update sae_chunk_session set opened_at = now() - interval '8 days' where id = ?::uuid", session);

        assertThat(sweeper.expire()).isEqualTo(1);

        assertThat(jdbc.queryForObject("select count(*) from sae_chunk where session_id = ?::uuid", Integer.class,
                session)).isZero();
        assertThat(Files.exists(home().resolve("sae/chunks").resolve(session))).isFalse();
        assertThat(chunk(api, session, security, 2, 2, split(t.zip(), 2)[1]).status()).isEqualTo(404);
    }

    private static void assertProblem(Api.Response r, String field, String message) {
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.text()).contains("\"" + field + "\"").contains(message);
    }

    private static Api.Response open(Api api, SedaTransfer t) {
        return api.multipart(SaeFixture.BASE + "/sedaMessages", new Api.Multipart()
                .part("seda_message", "bordereau.xml", t.manifest(), MediaType.APPLICATION_XML)
                .field("send_chunked_attachments", "true"));
    }

    private static Api.Response chunk(Api api, String session, String security, int index, int count, byte[] content) {
        return api.multipart(CHUNKS, chunkParts(session, security, index, count, content));
    }

    private static Api.Multipart chunkParts(String session, String security, int index, int count, byte[] content) {
        return new Api.Multipart().field("session_identifier", session).field("security_identifier", security)
                .field("number_of_files", "1").field("file_index", "1").field("file_name", "attachments.zip")
                .field("compression_algorithm", "TARGZ").field("number_of_chunks", Integer.toString(count))
                .field("chunk_index", Integer.toString(index)).file("chunk_content", "chunk", content);
    }

    private static byte[][] split(byte[] bytes, int n) {
        byte[][] parts = new byte[n][];
        int size = (bytes.length + n - 1) / n;
        for (int i = 0; i < n; i++) {
            parts[i] = Arrays.copyOfRange(bytes, Math.min(bytes.length, i * size), Math.min(bytes.length, (i + 1) * size));
        }
        return parts;
    }
}

package fr.acta.sae;

import static fr.acta.sae.SaeFixture.element;
import static org.assertj.core.api.Assertions.assertThat;

import fr.acta.seda.SedaSchemas;
import fr.acta.seda.SedaTransfer;
import fr.acta.seda.SedaVersion;
import fr.acta.support.Api;
import fr.acta.support.ApiTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What the archive refuses: a transfer it cannot accept is answered 200 at once, then refused in
 * its {@code ArchiveTransferReply} with a code and a French comment, and nothing of it is stored;
 * a message that cannot even be identified, or a caller who may not deposit, is refused at once.
 */
class SaeRefusalTest extends ApiTest {

    @Test
    void a_manifest_that_breaks_its_schema_is_refused_with_code_101() throws IOException {
        SedaTransfer t = SaeFixture.transfer(id("XSD"), SedaVersion.V2_2);
        byte[] manifest = new String(t.manifest(), StandardCharsets.UTF_8)
                .replace("<CodeListVersions/>", "<CodeListVersions/><Inconnu>x</Inconnu>").getBytes(StandardCharsets.UTF_8);

        String reply = refused(t, manifest, t.zip());

        assertThat(element(reply, "ReplyCode")).isEqualTo("101");
        assertThat(element(reply, "Comment")).startsWith("Transfert refusé (code 101) : Le bordereau (manifest.xml) n'est pas conforme")
                .contains("SEDA 2.2").contains("ligne");
    }

    @Test
    void an_object_whose_bytes_changed_is_refused_for_its_digest() throws IOException {
        SedaTransfer t = SaeFixture.transfer(id("DIG"), SedaVersion.V2_3);
        SedaTransfer.Entry annex = t.objects().get(1);

        String reply = refused(t, t.manifest(), SaeFixture.rezip(t.zip(), Map.of(annex.path(), SaeFixture::flipOneByte)));

        assertThat(element(reply, "ReplyCode")).isEqualTo("204");
        assertThat(element(reply, "Comment")).contains("Empreinte non conforme").contains(annex.id())
                .contains("SHA-512 déclaré " + annex.sha512());
    }

    @Test
    void a_missing_file_and_a_file_longer_than_declared_are_both_named() throws IOException {
        SedaTransfer t = SaeFixture.transfer(id("MIS"), SedaVersion.V2_1);
        SedaTransfer.Entry gone = t.objects().get(0);
        SedaTransfer.Entry longer = t.objects().get(2);
        UnaryOperator<byte[]> drop = b -> null;
        UnaryOperator<byte[]> grow = b -> (new String(b, StandardCharsets.UTF_8) + " ").getBytes(StandardCharsets.UTF_8);

        String reply = refused(t, t.manifest(), SaeFixture.rezip(t.zip(), Map.of(gone.path(), drop, longer.path(), grow)));

        assertThat(element(reply, "ReplyCode")).isEqualTo("202");
        assertThat(element(reply, "Comment")).contains("Pièce jointe manquante : " + gone.id() + " (" + gone.path() + ")")
                .contains("Taille non conforme : " + longer.id());
    }

    @Test
    void attachments_that_are_no_readable_archive_are_refused() throws IOException {
        SedaTransfer t = SaeFixture.transfer(id("BAD"), SedaVersion.V2_2);
        byte[] broken = t.zip().clone();
        for (int i = 200; i < broken.length - 200; i++) {
            broken[i] = 0;
        }

        String reply = refused(t, t.manifest(), broken);

        assertThat(element(reply, "ReplyCode")).isIn("201", "202");
        assertThat(element(reply, "Comment")).startsWith("Transfert refusé");
    }

    @Test
    void a_transfer_without_attachments_is_received_then_refused() throws IOException {
        SedaTransfer t = SaeFixture.transfer(id("NOA"), SedaVersion.V2_2);

        String reply = refused(t, t.manifest(), null);

        assertThat(element(reply, "ReplyCode")).isEqualTo("202");
    }

    @Test
    void a_message_that_names_no_transfer_is_refused_at_once_and_nothing_is_recorded() {
        int before = jdbc.queryForObject("select count(*) from sae_transfer", Integer.class);
        int sessions = jdbc.queryForObject("select count(*) from sae_chunk_session", Integer.class);
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<ArchiveTransfer xmlns=\"fr:gouv:culture:archivesdefrance:seda:v2.2\"><MessageIdentifier>&x;"
                + "</MessageIdentifier></ArchiveTransfer>";
        for (String message : List.of("pas du XML", xxe,
                "<ArchiveTransfer xmlns=\"fr:gouv:culture:archivesdefrance:seda:v1.0\"/>",
                "<ArchiveTransfer xmlns=\"fr:gouv:culture:archivesdefrance:seda:v2.1\"><Date>x</Date></ArchiveTransfer>")) {
            Api.Response r = SaeFixture.deposit(as("versement"), message.getBytes(StandardCharsets.UTF_8), new byte[] {1},
                    "x.zip");
            assertThat(r.status()).as(r.toString()).isEqualTo(400);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.errorFields()).contains("seda_message");
            assertThat(r.text()).doesNotContain("root:");
        }
        Api.Response chunked = as("versement").multipart(SaeFixture.BASE + "/sedaMessages", new Api.Multipart()
                .field("send_chunked_attachments", "true").file("seda_message", "b.xml", new byte[] {1}));
        // a chunked deposit's bordereau is checked when it opens its session: none is opened for this one
        assertThat(chunked.status()).isEqualTo(400);
        assertThat(chunked.errorFields()).containsExactly("seda_message");
        assertThat(jdbc.queryForObject("select count(*) from sae_transfer", Integer.class)).isEqualTo(before);
        assertThat(jdbc.queryForObject("select count(*) from sae_chunk_session", Integer.class)).isEqualTo(sessions);
    }

    @Test
    void only_archivists_and_the_archive_s_service_accounts_may_deposit() {
        SedaTransfer t = SaeFixture.transfer(id("AUT"), SedaVersion.V2_2);

        assertThat(SaeFixture.deposit(as("secretaire"), t).status()).isEqualTo(403);
        assertThat(SaeFixture.deposit(as("admin"), t).status()).isEqualTo(403);
        assertThat(SaeFixture.deposit(as("maire.voisine"), t).status()).isEqualTo(404);
        assertThat(SaeFixture.deposit(anonymous(), t).status()).isEqualTo(401);
        assertThat(SaeFixture.deposit(as("versement", "wrong"), t).status()).isEqualTo(401);
        assertThat(as("secretaire").get(SaeFixture.path("Acknowledgement", t.messageIdentifier())).status())
                .isEqualTo(403);
        assertThat(as("versement").get("/api/v1/tenants/demo/archives/audits/latest").status()).isEqualTo(403);
        assertThat(as("maire.voisine").get("/api/v1/tenants/demo/archives/audits/latest").status()).isEqualTo(404);
        assertThat(jdbc.queryForObject("select count(*) from sae_transfer where message_identifier = ?", Integer.class,
                t.messageIdentifier())).isZero();
        assertThat(SaeFixture.deposit(as("operateur"), t).status()).isEqualTo(200);
        assertThat(element(SaeFixture.awaitReply(as("operateur"), t.messageIdentifier()), "ReplyCode")).isEqualTo("000");
    }

    /** Deposits, checks the 200 and the reply's schema, and that no file and no archive came of it. */
    private String refused(SedaTransfer t, byte[] manifest, byte[] attachments) throws IOException {
        Api.Response received = SaeFixture.deposit(as("versement"), manifest, attachments, "paquet.zip");
        assertThat(received.status()).as(received.toString()).isEqualTo(200);
        assertThat(received.<String>json("$.status")).isEqualTo("RECEIVED");

        String reply = SaeFixture.awaitReply(as("versement"), t.messageIdentifier());

        SedaSchemas.shared().validate(t.version(), reply.getBytes(StandardCharsets.UTF_8));
        assertThat(element(reply, "ArchivalAgencyArchiveUnitIdentifier")).isNull();
        for (byte[] content : List.of(manifest, attachments == null ? new byte[0] : attachments)) {
            assertThat(stored(content)).isEmpty();
        }
        for (String sha256 : SaeFixture.contents(t).stream().map(SaeFixture::sha256).toList()) {
            assertThat(stored(sha256)).as("a copy of %s", sha256).isEmpty();
        }
        assertThat(jdbc.queryForObject("select count(*) from sae_archive a join sae_transfer t on t.id = a.transfer_id "
                + "where t.message_identifier = ?", Integer.class, t.messageIdentifier())).isZero();
        assertThat(jdbc.queryForObject("select status from sae_transfer where message_identifier = ?", String.class,
                t.messageIdentifier())).isEqualTo("REJECTED");
        assertThat(jdbc.queryForObject("select count(*) from sae_event where type = 'TRANSFER_REJECTED' and detail like ?",
                Integer.class, "%" + t.messageIdentifier() + "%")).isEqualTo(1);
        return reply;
    }

    /** The copies of that content in the storage locations, and what is left in their temporary folders. */
    private List<Path> stored(byte[] content) throws IOException {
        return stored(SaeFixture.sha256(content));
    }

    private List<Path> stored(String sha256) throws IOException {
        List<Path> found = new java.util.ArrayList<>();
        for (String location : List.of("store-a", "store-b")) {
            Path root = home().resolve("sae").resolve(location);
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(Files::isRegularFile).filter(f -> f.getFileName().toString().equals(sha256)
                        || f.getParent().getFileName().toString().equals(".tmp")).forEach(found::add);
            }
        }
        return found;
    }

    private static String id(String kind) {
        return kind + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}

package fr.acta.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import fr.acta.signature.LocalPki;
import fr.acta.signature.OwnerKind;
import fr.acta.signature.Pkcs12Samples;
import fr.acta.signature.SigningKeys;
import fr.acta.support.Acts;
import fr.acta.support.Api;
import fr.acta.support.ApiTest;
import java.io.ByteArrayInputStream;
import java.security.cert.CRLReason;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/**
 * The certificates of desks and seals through the administration API, on the embedded default
 * (the local PKI issues keys): revocation with a CRL served anonymously and a replacement key,
 * upload of a PKCS#12 with its checks, and who may do it.
 */
class CertificateAdminTest extends ApiTest {

    @Autowired
    LocalPki pki;
    @Autowired
    SigningKeys keys;

    @Test
    void a_revoked_certificate_is_listed_in_the_served_crl_and_the_desk_signs_with_a_new_one() throws Exception {
        String desk = deskWithCircuit("Revoc");
        Api.Response first = signedAct(desk);
        String firstSerial = first.json("$.signatures[0].certificateSerial");

        Api.Response listed = admin().get(certificates(desk));
        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        assertThat(listed.<List<String>>json("$[*].status")).containsExactly("ACTIVE");
        assertThat(listed.<List<String>>json("$[*].serialNumber")).containsExactly(firstSerial);
        assertThat(listed.<List<Boolean>>json("$[*].localPki")).containsExactly(true);
        assertThat(listed.text()).doesNotContainIgnoringCase("private").doesNotContainIgnoringCase("pkcs12");

        X509Certificate certificate = keys.statuses(demoId(), OwnerKind.DESK, desk).get(0).key().certificate();
        String crlUrl = "http://localhost:" + port + "/pki/crl/issuing-ca.crl";
        assertThat(RevokedCertificates.crlUrls(certificate)).containsExactly(crlUrl);
        X509CRL before = crl(crlUrl);
        assertThat(before.getRevokedCertificate(certificate)).isNull();

        Api.Response revoked = admin().postJson(certificates(desk) + "/" + listed.json("$[0].id") + "/revocation",
                "{\"reason\":\"KEY_COMPROMISE\"}");
        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);
        assertThat(revoked.<String>json("$.revoked.status")).isEqualTo("REVOKED");
        assertThat(revoked.<String>json("$.revoked.revocation.reason")).isEqualTo("KEY_COMPROMISE");
        assertThat(revoked.<String>json("$.revoked.revocation.revokedBy")).isEqualTo("admin");
        assertThat(revoked.<Boolean>json("$.revoked.revocation.inLocalCrl")).isTrue();
        assertThat(revoked.<String>json("$.replacement.status")).isEqualTo("ACTIVE");
        String newSerial = revoked.json("$.replacement.serialNumber");
        assertThat(newSerial).isNotEqualTo(firstSerial);
        assertThat(revoked.<String>json("$.message")).contains("nouveau certificat");

        X509CRL after = crl(crlUrl);
        assertThat(after.getRevokedCertificate(certificate)).isNotNull();
        assertThat(after.getRevokedCertificate(certificate).getRevocationReason()).isEqualTo(CRLReason.KEY_COMPROMISE);
        assertThat(after.getThisUpdate()).isAfterOrEqualTo(before.getThisUpdate());

        Api.Response second = signedAct(desk);
        assertThat(second.<String>json("$.signatures[0].certificateSerial")).isEqualTo(newSerial);
        assertThat(second.<String>json("$.signatures[0].indication")).isEqualTo("TOTAL_PASSED");
        assertThat(admin().get(certificates(desk)).<List<String>>json("$[*].status")).containsExactly("ACTIVE", "REVOKED");

        Api.Response again = admin().postJson(certificates(desk) + "/" + listed.json("$[0].id") + "/revocation", "{}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.<String>json("$.detail")).isEqualTo("Ce certificat est déjà révoqué.");
    }

    @Test
    void revocation_checks_its_input_and_its_callers() {
        String desk = deskWithCircuit("Motif");
        signedAct(desk);
        String id = admin().get(certificates(desk)).json("$[0].id");
        Api.Response badReason = admin().postJson(certificates(desk) + "/" + id + "/revocation", "{\"reason\":\"ENNUI\"}");
        assertThat(badReason.status()).isEqualTo(400);
        assertThat(badReason.contentType()).startsWith("application/problem+json");
        assertThat(badReason.errorFields()).containsExactly("reason");
        assertThat(admin().postJson(certificates(desk) + "/" + UUID.randomUUID() + "/revocation", "{}").status())
                .isEqualTo(404);
        assertThat(admin().postJson("/api/v1/tenants/demo/admin/certificates/seal/" + desk + "/" + id + "/revocation",
                "{}").status()).as("not a seal's key").isEqualTo(404);
        Api.Response badKind = admin().get("/api/v1/tenants/demo/admin/certificates/carte/" + desk);
        assertThat(badKind.status()).isEqualTo(400);
        assertThat(badKind.errorFields()).containsExactly("kind");
        assertThat(admin().get(certificates("Inconnu")).status()).isEqualTo(404);
        assertThat(as("secretaire").get(certificates(desk)).status()).isEqualTo(403);
        assertThat(as("maire").postJson(certificates(desk) + "/" + id + "/revocation", "{}").status()).isEqualTo(403);
        assertThat(as("maire.voisine").get(certificates(desk)).status()).isEqualTo(404);
        assertThat(as("operateur").get("/api/v1/tenants/voisine/admin/certificates/seal/Cachet").status()).isEqualTo(200);
        assertThat(admin().get(certificates(desk)).<List<String>>json("$[*].status")).containsExactly("ACTIVE");
    }

    @Test
    void an_uploaded_pkcs12_is_checked_stored_without_its_password_and_used_to_sign() {
        String desk = deskWithCircuit("Depot");
        byte[] p12 = Pkcs12Samples.issuedBy(pki, "Jeanne Martin");

        Api.Response uploaded = upload(desk, p12, Pkcs12Samples.PASSWORD);
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        assertThat(uploaded.<String>json("$.status")).isEqualTo("ACTIVE");
        assertThat(uploaded.<String>json("$.subject")).contains("CN=Jeanne Martin");
        assertThat(uploaded.<String>json("$.issuer")).contains("Acta AC de signature");
        assertThat(uploaded.<String>json("$.notAfter")).isNotBlank();
        assertThat(uploaded.text()).doesNotContain(Pkcs12Samples.PASSWORD);
        String row = jdbc.queryForObject("select concat_ws('|', id, owner_code, certificate_pem, encode(encrypted_blob, "
                + "'escape')) from signature_key where id = ?::uuid", String.class, uploaded.<String>json("$.id"));
        assertThat(row).doesNotContain(Pkcs12Samples.PASSWORD);

        Api.Response act = signedAct(desk);
        assertThat(act.<String>json("$.signatures[0].certificateSubject")).contains("Jeanne Martin");
        assertThat(act.<String>json("$.signatures[0].indication")).isEqualTo("TOTAL_PASSED");
    }

    @Test
    void an_unfit_pkcs12_is_refused_with_the_field_at_fault() {
        String desk = deskWithCircuit("Refus");
        refused(upload(desk, Pkcs12Samples.issuedBy(pki, "Jeanne Martin"), "mauvais"), "password",
                "Le mot de passe ne permet pas d'ouvrir le fichier PKCS#12.");
        refused(admin().multipart(certificates(desk), new Api.Multipart()
                        .file("file", "cle.p12", Pkcs12Samples.issuedBy(pki, "Jeanne Martin"))), "password",
                "Le mot de passe du fichier PKCS#12 est obligatoire.");
        refused(admin().multipart(certificates(desk), new Api.Multipart().field("password", "x")), "file",
                "La partie « file » est obligatoire.");
        refused(upload(desk, "Bonjour".getBytes(), "x"), "file", "Le fichier n'est pas un PKCS#12 (.p12 ou .pfx) lisible.");
        refused(upload(desk, Pkcs12Samples.withoutChain(pki), Pkcs12Samples.PASSWORD), "file", null);
        refused(upload(desk, Pkcs12Samples.otherCa(), Pkcs12Samples.PASSWORD), "file", null);
        refused(upload(desk, Pkcs12Samples.expired(), Pkcs12Samples.PASSWORD), "file", null);
        refused(upload(desk, Pkcs12Samples.timestamping(), Pkcs12Samples.PASSWORD), "file", null);
        assertThat(admin().get(certificates(desk)).<List<Object>>json("$")).as("nothing stored").isEmpty();
        assertThat(as("secretaire").multipart(certificates(desk), new Api.Multipart()
                .file("file", "cle.p12", Pkcs12Samples.issuedBy(pki, "Jeanne Martin"))
                .field("password", Pkcs12Samples.PASSWORD)).status()).isEqualTo(403);
    }

    @Test
    void the_pki_endpoints_are_anonymous_and_read_only() throws Exception {
        signedAct(deskWithCircuit("Pki"));
        Api.Response root = anonymous().get("/pki/ca/root-ca.crt");
        assertThat(root.status()).isEqualTo(200);
        assertThat(root.contentType()).isEqualTo("application/pkix-cert");
        assertThat(certificate(root.body())).isEqualTo(pki.rootCertificate());
        assertThat(certificate(anonymous().get("/pki/ca/tsa.crt").body())).isEqualTo(pki.tsaCertificate());
        Api.Response rootCrl = anonymous().get("/pki/crl/root-ca.crl");
        assertThat(rootCrl.contentType()).isEqualTo("application/pkix-crl");
        crlOf(rootCrl.body()).verify(pki.rootCertificate().getPublicKey());

        Api.Response unknown = anonymous().get("/pki/crl/autre.crl");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(anonymous().postJson("/pki/crl/issuing-ca.crl", "{}").status()).isEqualTo(401);
        assertThat(anonymous().get("/pki/autre").status()).isEqualTo(401);
        assertThat(anonymous().get("/api/v1/tenants/demo/admin/certificates/desk/Maire").status()).isEqualTo(401);
    }

    private Api admin() {
        return as("admin");
    }

    private static String certificates(String desk) {
        return "/api/v1/tenants/demo/admin/certificates/desk/" + desk;
    }

    /** A desk held by the maire, and a circuit where it signs; returns the desk's code. */
    private String deskWithCircuit(String prefix) {
        String code = prefix + Acts.uniqueNumber("").replace("_", "");
        Api.Response desk = admin().put("/api/v1/tenants/demo/admin/desks/" + code, MediaType.APPLICATION_JSON,
                ("{\"name\":\"Bureau " + code + "\",\"quality\":\"Adjoint aux finances\",\"members\":[\"maire\"]}").getBytes());
        assertThat(desk.status()).as(desk.toString()).isEqualTo(200);
        Api.Response circuit = admin().put("/api/v1/tenants/demo/admin/circuits/" + code.toLowerCase(),
                MediaType.APPLICATION_JSON, ("{\"name\":\"Signature " + code + "\",\"steps\":[{\"kind\":\"SIGNATURE\","
                        + "\"rule\":\"ANY\",\"desks\":[\"" + code + "\"]}]}").getBytes());
        assertThat(circuit.status()).as(circuit.toString()).isEqualTo(200);
        return code;
    }

    /** An act through the desk's circuit, signed by the maire; returns the act. */
    private Api.Response signedAct(String desk) {
        String actId = Acts.submit(as("secretaire"), "demo", desk.toLowerCase());
        String task = Acts.awaitTask(as("maire"), "demo", actId);
        Api.Response signed = Acts.sign(as("maire"), "demo", task);
        assertThat(signed.status()).as(signed.toString()).isEqualTo(204);
        Acts.awaitState(as("secretaire"), "demo", actId, "ACKNOWLEDGED");
        return as("secretaire").get("/api/v1/tenants/demo/acts/" + actId);
    }

    private Api.Response upload(String desk, byte[] p12, String password) {
        return admin().multipart(certificates(desk), new Api.Multipart().file("file", "cle.p12", p12)
                .field("password", password));
    }

    private static void refused(Api.Response r, String field, String detail) {
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.errorFields()).containsExactly(field);
        if (detail != null) {
            assertThat(r.<String>json("$.detail")).isEqualTo(detail);
        }
    }

    private UUID demoId() {
        return jdbc.queryForObject("select id from tenant where code = 'demo'", UUID.class);
    }

    private X509CRL crl(String url) throws Exception {
        Api.Response r = anonymous().get(url.substring(("http://localhost:" + port).length()));
        assertThat(r.status()).isEqualTo(200);
        X509CRL crl = crlOf(r.body());
        crl.verify(certificate(anonymous().get("/pki/ca/issuing-ca.crt").body()).getPublicKey());
        return crl;
    }

    private static X509CRL crlOf(byte[] der) throws Exception {
        return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(der));
    }

    private static X509Certificate certificate(byte[] der) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
    }
}

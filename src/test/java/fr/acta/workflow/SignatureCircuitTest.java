package fr.acta.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import fr.acta.signature.LocalPki;
import fr.acta.support.Acts;
import fr.acta.support.Api;
import fr.acta.support.ApiTest;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/** Signatures inside circuits, through the API: seal, person, card; bordereau, reports, validation. */
class SignatureCircuitTest extends ApiTest {

    @Autowired
    LocalPki pki;

    @Test
    void a_seal_circuit_signs_by_itself_and_keeps_the_bordereau_and_the_etsi_report() {
        Api secretaire = as("secretaire");
        String actId = Acts.submit(secretaire, "demo", "cachet");
        Acts.awaitState(secretaire, "demo", actId, "ACKNOWLEDGED");
        Api.Response act = secretaire.get("/api/v1/tenants/demo/acts/" + actId);
        assertThat(act.<List<String>>json("$.signatures[*].kind")).containsExactly("SEAL");
        assertThat(act.<List<String>>json("$.signatures[*].indication")).containsExactly("TOTAL_PASSED");
        assertThat(act.<List<String>>json("$.history[*].event")).contains("SEALED", "BORDEREAU");

        Api.Response bordereau = secretaire.get("/api/v1/tenants/demo/acts/" + actId + "/bordereau");
        assertThat(bordereau.status()).isEqualTo(200);
        assertThat(new String(bordereau.body(), 0, 5)).isEqualTo("%PDF-");
        Api.Response report = secretaire.get("/api/v1/tenants/demo/acts/" + actId + "/validation-report");
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.text()).contains("ValidationReport", "mainindication:total-passed");

        String signedId = act.<List<String>>json("$.documents[?(@.role == 'SIGNED')].id").get(0);
        byte[] signed = secretaire.get("/api/v1/tenants/demo/acts/" + actId + "/documents/" + signedId).body();
        Api.Response validation = secretaire.multipart("/api/v1/tenants/demo/signature-validations",
                new Api.Multipart().part("file", "signe.pdf", signed, MediaType.APPLICATION_PDF));
        assertThat(validation.status()).as(validation.toString()).isEqualTo(200);
        assertThat(validation.<Boolean>json("$.valid")).isTrue();
        assertThat(validation.<String>json("$.etsiReport")).contains("ValidationReport");
    }

    @Test
    void an_unsigned_pdf_or_a_non_pdf_is_refused_by_the_validation_endpoint() {
        Api.Response plain = as("secretaire").multipart("/api/v1/tenants/demo/signature-validations",
                new Api.Multipart().part("file", "a.pdf",
                        fr.acta.testdata.SamplePdfs.annex("Plan", 1), MediaType.APPLICATION_PDF));
        assertThat(plain.status()).isEqualTo(400);
        assertThat(plain.errorFields()).containsExactly("file");
        Api.Response text = as("secretaire").multipart("/api/v1/tenants/demo/signature-validations",
                new Api.Multipart().part("file", "a.pdf", "Bonjour".getBytes(), MediaType.APPLICATION_PDF));
        assertThat(text.status()).isEqualTo(400);
    }

    @Test
    void signing_needs_the_signers_password_and_a_visa_cannot_be_a_signature() {
        String actId = Acts.submit(as("secretaire"), "demo", "arrete");
        String task = Acts.awaitTask(as("maire"), "demo", actId);
        Api.Response wrong = as("maire").postJson("/api/v1/tenants/demo/tasks/" + task,
                "{\"decision\":\"SIGN\",\"password\":\"faux\"}");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.errorFields()).containsExactly("password");
        Api.Response visa = Acts.decide(as("maire"), "demo", task, "VISA", null);
        assertThat(visa.status()).isEqualTo(400);
        assertThat(as("secretaire").get("/api/v1/tenants/demo/acts/" + actId).<List<Object>>json("$.signatures")).isEmpty();
        assertThat(Acts.sign(as("maire"), "demo", task).status()).isEqualTo(204);
        Acts.awaitState(as("secretaire"), "demo", actId, "ACKNOWLEDGED");
    }

    @Test
    void a_smart_card_signs_in_two_phases_and_the_key_never_leaves_it() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair card = generator.generateKeyPair();
        X509Certificate certificate = pki.certify(card.getPublic(), "Jeanne Martin", "Commune de Valmont-sur-Saône",
                "Maire");
        String chain = "[\"%s\",\"%s\"]".formatted(Base64.getEncoder().encodeToString(certificate.getEncoded()),
                Base64.getEncoder().encodeToString(pki.issuingCertificate().getEncoded()));

        String actId = Acts.submit(as("secretaire"), "demo", "arrete");
        String task = Acts.awaitTask(as("maire"), "demo", actId);
        assertThat(as("maire").postJson("/api/v1/tenants/demo/tasks/" + task + "/signature-value",
                "{\"signatureValue\":\"AAAA\"}").status()).as("no value before the digest").isEqualTo(409);
        Api.Response prepared = as("maire").postJson("/api/v1/tenants/demo/tasks/" + task + "/data-to-sign",
                "{\"certificateChain\":" + chain + "}");
        assertThat(prepared.status()).as(prepared.toString()).isEqualTo(200);
        assertThat(prepared.<String>json("$.digestAlgorithm")).isEqualTo("SHA256");
        byte[] digest = Base64.getDecoder().decode(prepared.<String>json("$.digest"));

        Signature ecdsa = Signature.getInstance("NONEwithECDSA");
        ecdsa.initSign(card.getPrivate());
        ecdsa.update(digest);
        String value = Base64.getEncoder().encodeToString(ecdsa.sign());
        Api.Response done = as("maire").postJson("/api/v1/tenants/demo/tasks/" + task + "/signature-value",
                "{\"signatureValue\":\"" + value + "\"}");
        assertThat(done.status()).as(done.toString()).isEqualTo(204);

        Acts.awaitState(as("secretaire"), "demo", actId, "ACKNOWLEDGED");
        Api.Response act = as("secretaire").get("/api/v1/tenants/demo/acts/" + actId);
        assertThat(act.<List<String>>json("$.signatures[*].certificateSubject").get(0)).contains("Jeanne Martin");
        assertThat(act.<List<String>>json("$.signatures[*].indication")).containsExactly("TOTAL_PASSED");
    }
}

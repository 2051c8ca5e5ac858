package fr.acta.signature;

import static fr.acta.signature.SigningFixture.PKI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.acta.common.FieldViolation;
import fr.acta.common.ValidationException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** What an uploaded PKCS#12 must be to become a desk's or a seal's key, and the French refusals otherwise. */
class Pkcs12CheckTest {

    private final Pkcs12Check check = new Pkcs12Check(PKI, () -> List.of(PKI.rootCertificate()), Clock.systemUTC());

    @Test
    void a_key_with_its_chain_up_to_a_trusted_root_is_accepted() {
        IssuedKey key = check.check(Pkcs12Samples.issuedBy(PKI, "Jeanne Martin"), password());

        assertThat(key.certificate().getSubjectX500Principal().getName()).contains("CN=Jeanne Martin");
        assertThat(key.chain()).hasSize(3).endsWith(PKI.rootCertificate());
    }

    @Test
    void a_wrong_or_missing_password_is_the_passwords_fault() {
        byte[] p12 = Pkcs12Samples.issuedBy(PKI, "Jeanne Martin");
        refused(() -> check.check(p12, "faux".toCharArray()), "password",
                "Le mot de passe ne permet pas d'ouvrir le fichier PKCS#12.");
        refused(() -> check.check(p12, new char[0]), "password", "Le mot de passe du fichier PKCS#12 est obligatoire.");
        refused(() -> check.check(p12, null), "password", "Le mot de passe du fichier PKCS#12 est obligatoire.");
    }

    @Test
    void something_else_than_a_pkcs12_is_the_files_fault() {
        refused(() -> check.check("Bonjour".getBytes(StandardCharsets.UTF_8), password()), "file",
                "Le fichier n'est pas un PKCS#12 (.p12 ou .pfx) lisible.");
        refused(() -> check.check(new byte[0], password()), "file", "Le fichier PKCS#12 est vide.");
    }

    @Test
    void the_chain_must_be_there_and_lead_to_a_trusted_authority() {
        refused(() -> check.check(Pkcs12Samples.withoutChain(PKI), password()), "file",
                "Le fichier ne contient pas la chaîne de certification : ajoutez-y les certificats de l'autorité émettrice.");
        refused(() -> check.check(Pkcs12Samples.otherCa(), password()), "file",
                "Le certificat n'est pas émis par une autorité reconnue par Acta "
                        + "(autorités de confiance configurées par acta.signature.trust-anchors).");
    }

    @Test
    void the_certificate_must_be_in_force_fit_for_signing_and_match_the_key() {
        assertThatThrownBy(() -> check.check(Pkcs12Samples.expired(), password()))
                .isInstanceOf(ValidationException.class).hasMessageStartingWith("Le certificat a expiré le ");
        refused(() -> check.check(Pkcs12Samples.authority(), password()), "file",
                "Ce certificat est celui d'une autorité de certification, pas d'un signataire.");
        refused(() -> check.check(Pkcs12Samples.timestamping(), password()), "file",
                "L'usage étendu du certificat (1.3.6.1.5.5.7.3.8) ne convient pas à la signature de documents.");
        refused(() -> check.check(Pkcs12Samples.mismatchedKey(PKI), password()), "file",
                "La clé privée du fichier ne correspond pas au certificat.");
    }

    @Test
    void a_certificate_the_local_pki_revoked_is_refused() {
        byte[] p12 = Pkcs12Samples.issuedBy(PKI, "Paul Parti");
        IssuedKey key = check.check(p12.clone(), password());
        PKI.revoke(key.certificate(), RevocationReason.AFFILIATION_CHANGED);

        assertThatThrownBy(() -> check.check(p12, password())).isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("Ce certificat a été révoqué le ")
                .hasMessageEndingWith("(motif : changement de fonction ou de rattachement).");
    }

    private static char[] password() {
        return Pkcs12Samples.PASSWORD.toCharArray();
    }

    private static void refused(ThrowingCallable call, String field, String message) {
        assertThatThrownBy(call).isInstanceOf(ValidationException.class).hasMessage(message)
                .satisfies(e -> assertThat(((ValidationException) e).violations())
                        .containsExactly(new FieldViolation(field, message)));
    }
}

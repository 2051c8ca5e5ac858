package fr.acta.signature;

import fr.acta.secret.MasterKey;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName;

/**
 * One local PKI for the whole test run (made once under a temporary folder, like
 * {@code ${acta.home}/pki} on first start), and the services built on it as Spring would, with
 * no Spring context.
 */
final class SigningFixture {

    static final Path HOME = temporaryHome();
    static final MasterKey MASTER_KEY = MasterKey.of(randomKey());
    static final SignatureProperties PROPERTIES = SignatureProperties.defaults();
    static final LocalPki PKI = new LocalPki(HOME.resolve("pki"), MASTER_KEY, PROPERTIES, Clock.systemUTC());
    static final SignatureValidator VALIDATOR = new SignatureValidator(PKI, false);
    static final PadesSigner SIGNER = signer(new TspSourceFactory(PKI, PROPERTIES));

    private SigningFixture() {
    }

    static PadesSigner signer(TspSourceFactory tsp) {
        return new PadesSigner(PKI, tsp, VALIDATOR, PROPERTIES);
    }

    /** Credentials of a new key for "Jean Dupont, Maire de Valmont-sur-Saône", issued by the local PKI. */
    static SigningCredentials mayor() {
        IssuedKey key = PKI.issueSigningCertificate("Jean Dupont", "Commune de Valmont-sur-Saône", "Maire");
        return SigningCredentials.fromPkcs12(key.pkcs12(), key.password());
    }

    /** An A4 page per entry, each line written in Helvetica 11 from the top; lines may hold tags. */
    static byte[] pdfWithLines(String[]... pages) {
        try (PDDocument doc = new PDDocument()) {
            PDType1Font font = new PDType1Font(FontName.HELVETICA);
            for (String[] lines : pages) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    float y = PDRectangle.A4.getHeight() - 80;
                    for (String line : lines) {
                        cs.beginText();
                        cs.setFont(font, 11);
                        cs.newLineAtOffset(line.startsWith(">") ? 330 : 60, y);
                        cs.showText(line.replaceFirst("^>", ""));
                        cs.endText();
                        y -= line.isEmpty() ? 12 : 110;
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path temporaryHome() {
        try {
            Path home = Files.createTempDirectory("acta-signature-test");
            home.toFile().deleteOnExit();
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] randomKey() {
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        return k;
    }
}

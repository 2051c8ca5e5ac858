package fr.acta.signature;

import fr.acta.secret.MasterKey;
import fr.acta.testdata.SamplePdfs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName;

/**
 * The signature services built outside Spring on a fresh local PKI under {@code home}, for code
 * outside this package (the benchmarks in fr.acta.bench).
 */
public final class SignatureTestKit {

    public final LocalPki pki;
    public final TspSourceFactory tsp;
    public final SignatureValidator validator;
    public final PadesSigner signer;
    public final SignatureProperties properties = SignatureProperties.defaults();

    public SignatureTestKit(Path home) {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        pki = new LocalPki(home.resolve("pki"), MasterKey.of(key), properties, Clock.systemUTC());
        tsp = new TspSourceFactory(pki, properties);
        validator = new SignatureValidator(pki, false);
        signer = new PadesSigner(pki, tsp, validator, properties);
    }

    /** A 30 KB délibération (two pages) with "#signature#" printed on its first page at (330, 700) from the top. */
    public static byte[] deliberationWithTag() {
        byte[] pdf = SamplePdfs.deliberation("Valmont-sur-Saône", "2026_DEL_044", "Tarifs de la cantine", 30_000);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            var page = doc.getPage(0);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND, true)) {
                cs.beginText();
                cs.setFont(new PDType1Font(FontName.HELVETICA), 11);
                cs.newLineAtOffset(330, page.getMediaBox().getHeight() - 700 - 11);
                cs.showText("#signature#");
                cs.endText();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of the visible block, as Acta writes it. */
    public static String blockText(SignatureRequest request) {
        return SignatureAppearance.text(request, request.signingTime());
    }
}

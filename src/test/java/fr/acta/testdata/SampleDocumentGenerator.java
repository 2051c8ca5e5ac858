package fr.acta.testdata;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * (Re)writes the demo acts of the "demo" collectivité (Commune de Valmont-sur-Saône, département 069) into
 * {@code sample-documents/acts} or the folder given as first argument. Every document is fictional.
 *
 * <p>{@code mvn -q test-compile exec:java -Dexec.mainClass=fr.acta.testdata.SampleDocumentGenerator
 * -Dexec.classpathScope=test}
 */
public final class SampleDocumentGenerator {

    static final String COMMUNE = "Commune de Valmont-sur-Saône";

    private static final ObjectMapper JSON = new ObjectMapper();

    private SampleDocumentGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : "sample-documents/acts");

        String budget = "Approbation du budget primitif 2026 du service de l'eau";
        Path del041 = act(root, "2026_DEL_041", "DE", budget, "7.1", "99_DE", List.of("99_DE", "99_DE"), "deliberation");
        write(del041.resolve("main.pdf"), SamplePdfs.deliberation(COMMUNE, "2026_DEL_041", budget, 120_000));
        write(del041.resolve("annexe-1-plan-de-financement.pdf"),
                SamplePdfs.annex("Plan de financement - budget de l'eau 2026", 2));
        write(del041.resolve("annexe-2-tableau.png"), SamplePdfs.png(640, 400));

        String traffic = "Réglementation temporaire de la circulation rue des Tilleuls";
        Path arr112 = act(root, "2026_ARR_112", "AR", traffic, "6.1", "99_AR", List.of("99_AR"), "arrete");
        write(arr112.resolve("main.pdf"), SamplePdfs.arrete(COMMUNE, "2026_ARR_112", traffic));
        write(arr112.resolve("annexe-1-plan-de-deviation.pdf"),
                SamplePdfs.annex("Plan de déviation - rue des Tilleuls : coût de la signalisation temporaire", 1));

        String post = "Création d'un poste d'adjoint technique territorial";
        Path del042 = act(root, "2026_DEL_042", "DE", post, "4.1", "99_DE", List.of("41_DE"), "deliberation");
        write(del042.resolve("main.pdf"), SamplePdfs.deliberation(COMMUNE, "2026_DEL_042", post, 40_000));
        write(del042.resolve("annexe-1-tableau-des-effectifs.pdf"),
                SamplePdfs.annex("Tableau des effectifs - incidence budgétaire de la création de poste", 1));
    }

    /** Creates the act folder and its metadata.json (the JSON part of a submission); returns the folder. */
    private static Path act(Path root, String number, String nature, String subject, String matiere,
            String mainDocumentType, List<String> annexTypes, String circuit) throws IOException {
        Path dir = root.resolve(number);
        Files.createDirectories(dir);
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("nature", nature);
        metadata.put("number", number);
        metadata.put("subject", subject);
        metadata.put("decisionDate", "2026-11-12");
        metadata.put("matiere", matiere);
        metadata.put("mainDocumentType", mainDocumentType);
        metadata.put("annexTypes", annexTypes);
        metadata.put("circuit", circuit);
        metadata.put("legalityControl", true);
        String json = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(metadata) + "\n";
        write(dir.resolve("metadata.json"), json.getBytes(StandardCharsets.UTF_8));
        return dir;
    }

    private static void write(Path file, byte[] content) throws IOException {
        Files.write(file, content);
        System.out.printf("%8d  %s%n", content.length, file);
    }
}

package fr.acta.signature;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * An independent check with poppler's {@code pdfsig} (Debian package poppler-utils, installed by
 * {@code .ci/run}). Skips the calling test only when the binary is absent.
 */
final class Pdfsig {

    private static final Path BINARY = Path.of("/usr/bin/pdfsig");

    private Pdfsig() {
    }

    static String run(byte[] pdf) {
        assumeTrue(Files.isExecutable(BINARY), "pdfsig (poppler-utils) is not installed");
        try {
            Path file = Files.createTempFile("acta-signed", ".pdf");
            try {
                Files.write(file, pdf);
                Process p = new ProcessBuilder(BINARY.toString(), file.toString()).redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!p.waitFor(60, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new IllegalStateException("pdfsig did not finish");
                }
                return out;
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static long validCount(String pdfsigOutput) {
        return pdfsigOutput.lines().filter(l -> l.strip().equals("- Signature Validation: Signature is Valid.")).count();
    }
}

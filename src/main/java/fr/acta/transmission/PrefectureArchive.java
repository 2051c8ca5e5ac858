package fr.acta.transmission;

import java.util.List;
import java.util.Map;

/**
 * A return archive of the préfecture ({@code .tar.gz}): its envelope, its messages and its other
 * files (the letters' PDFs…), by name in archive order.
 *
 * @param envelope the {@code EnveloppeMISILLCL}, or null when the archive has none
 * @param messages the @ctes messages it holds, in archive order
 * @param files    every other file, by name, in archive order
 */
public record PrefectureArchive(PrefectureMessage envelope, List<PrefectureMessage> messages,
                                Map<String, byte[]> files) {

    public PrefectureArchive {
        messages = List.copyOf(messages);
        files = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(files));
    }
}

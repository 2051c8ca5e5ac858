package fr.acta.simulator.prefecture;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/** What the sandbox hands out about a transaction: its files as a flat tar.gz, its bordereau. */
final class Envelopes {

    private static final DateTimeFormatter FRENCH = DateTimeFormatter.ofPattern("dd/MM/yyyy 'à' HH:mm");

    private Envelopes() {
    }

    static String name(Tx t) {
        return "SBX-EACT--" + t.siren() + "--" + Names.compact(t.submittedAt().atZone(Names.PARIS).toLocalDate()) + "-"
                + t.id() + ".tar.gz";
    }

    /** The transaction's files in a flat tar.gz, as S²LOW keeps an envelope. */
    static byte[] tarGz(SandboxStore store, Tx t) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(out))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (SandboxStore.FileRow f : store.files(t.id())) {
                byte[] content = store.content(f.id());
                TarArchiveEntry entry = new TarArchiveEntry(f.name());
                entry.setSize(content.length);
                tar.putArchiveEntry(entry);
                tar.write(content);
                tar.closeArchiveEntry();
            }
            tar.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The bordereau d'acquittement: the act, its identifier, its dates and its files. */
    static byte[] bordereau(SandboxStore store, Tx t, SandboxStore.StatusRow ar, String authority) {
        List<String> lines = new ArrayList<>();
        lines.add("Collectivité : " + authority + " (SIREN " + t.siren() + ", département " + t.department() + ")");
        lines.add("Identifiant unique de l'acte : " + t.idActe());
        if (t.type() == 1) {
            lines.add("Numéro de l'acte : " + t.number());
            lines.add("Nature : " + Natures.description(t.natureCode()));
            lines.add("Classification : " + t.classification() + " (version du " + t.classificationDate() + ")");
            lines.add("Date de la décision : " + t.decisionDate());
            lines.add("Objet : " + t.subject());
        }
        lines.add("");
        lines.add("Date de dépôt sur le tiers de télétransmission : "
                + FRENCH.format(t.submittedAt().atZone(Names.PARIS)));
        lines.add("Date de réception par la préfecture : " + FRENCH.format(ar.at().atZone(Names.PARIS)));
        lines.add("Message : " + ar.message());
        lines.add("");
        lines.add("Fichiers transmis :");
        for (SandboxStore.FileRow f : store.files(t.id())) {
            lines.add(" - " + f.name() + " (" + f.size() + " octets)");
        }
        return SandboxPdfs.text("Bordereau d'acquittement de transaction", lines);
    }
}

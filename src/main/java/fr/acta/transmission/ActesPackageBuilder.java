package fr.acta.transmission;

import fr.acta.common.FieldViolation;
import fr.acta.common.ValidationException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Builds the @ctes transmission package of one act (flow 1-1): a flat {@code .tar.gz} holding the
 * envelope, the métier {@code Acte} message and the documents, each named by the standard. Both XMLs
 * are validated against the ACTES 1.1 schema before anything is returned.
 *
 * <p>Each call takes the next envelope serial of the SIREN for the day (Europe/Paris), even if the
 * package is then not sent. A request that breaks a rule is a {@link ValidationException} naming the
 * fields; a package that fails the schema is an {@link ActesPackageException}.
 */
@Service
public class ActesPackageBuilder {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter COMPACT = DateTimeFormatter.BASIC_ISO_DATE;

    private final EnvelopeSerials serials;
    private final ActesSchema schema;
    private final Clock clock;
    private final String trigramme;

    /**
     * @param trigramme the operator's code that starts archive names ({@code acta.transmission.trigramme}:
     *                  the trigramme assigned when the transmission is homologated)
     */
    @Autowired
    ActesPackageBuilder(EnvelopeSerials serials, ActesSchema schema,
                        @Value("${acta.transmission.trigramme:ACT}") String trigramme) {
        this(serials, schema, Clock.system(PARIS), trigramme);
    }

    ActesPackageBuilder(EnvelopeSerials serials, ActesSchema schema, Clock clock, String trigramme) {
        if (trigramme == null || !trigramme.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("acta.transmission.trigramme must be 3 capital letters: " + trigramme);
        }
        this.serials = serials;
        this.schema = schema;
        this.clock = clock;
        this.trigramme = trigramme;
    }

    /** The IDActe the préfecture will give the act: {@code {DEPT}-{SIREN}-{YYYYMMDD}-{NUM}-{NAT}}. */
    public static String idActe(ActesPackageRequest r) {
        return r.departement() + "-" + r.siren() + "-" + COMPACT.format(r.decisionDate()) + "-" + r.number() + "-"
                + r.nature().name();
    }

    public ActesPackage build(ActesPackageRequest request) {
        LocalDate today = LocalDate.now(clock.withZone(PARIS));
        List<FieldViolation> errors = PackageRules.check(request, today);
        if (!errors.isEmpty()) {
            throw new ValidationException("Le paquet @ctes ne peut pas être constitué : " + errors.get(0).message(),
                    errors);
        }
        String idActe = idActe(request);
        String base = idActe + "-1-1";
        String acteName = base + "_0.xml";
        List<ActesFile> files = new ArrayList<>();
        files.add(request.mainDocument());
        files.addAll(request.annexes());
        List<ActesPackage.Document> documents = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            ActesFile f = files.get(i);
            String name = f.codeTypePj() + "-" + base + "_" + (i + 1) + "." + f.extension();
            documents.add(new ActesPackage.Document(name, f.codeTypePj(), f.fileName(), sha256(f.content()),
                    f.content().length));
        }
        byte[] acteXml = ActesXml.acte(request, documents.get(0).name(),
                documents.subList(1, documents.size()).stream().map(ActesPackage.Document::name).toList());
        byte[] envelopeXml = ActesXml.envelope(request, acteName);
        String day = COMPACT.format(today);
        schema.validate(acteName, acteXml);
        schema.validate("EACT--" + request.siren() + "--" + day + ".xml", envelopeXml);

        int serial = serials.next(request.siren(), today);
        String stem = "EACT--" + request.siren() + "--" + day + "-" + serial;
        String envelopeName = stem + ".xml";
        String archiveName = trigramme + "-" + stem + ".tar.gz";

        List<Entry> entries = new ArrayList<>();
        entries.add(new Entry(envelopeName, envelopeXml));
        entries.add(new Entry(acteName, acteXml));
        for (int i = 0; i < files.size(); i++) {
            entries.add(new Entry(documents.get(i).name(), files.get(i).content()));
        }
        byte[] archive = tarGz(entries, clock.millis());
        return new ActesPackage(idActe, today, serial, archiveName, envelopeName, acteName, envelopeXml, acteXml,
                List.copyOf(documents), archive);
    }

    private record Entry(String name, byte[] content) {
    }

    /** A flat tar (no folders), gzip level 9, as S²LOW and STELA produce. */
    private static byte[] tarGz(List<Entry> entries, long now) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        GzipParameters gzip = new GzipParameters();
        gzip.setCompressionLevel(9);
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(out, gzip),
                "UTF-8")) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            for (Entry e : entries) {
                TarArchiveEntry entry = new TarArchiveEntry(e.name());
                entry.setSize(e.content().length);
                entry.setMode(0100644);
                entry.setModTime(now);
                tar.putArchiveEntry(entry);
                tar.write(e.content());
                tar.closeArchiveEntry();
            }
            tar.finish();
        } catch (IOException e) {
            throw new ActesPackageException("Écriture de l'archive @ctes impossible : " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

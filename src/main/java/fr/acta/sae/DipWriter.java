package fr.acta.sae;

import fr.acta.common.ConflictException;
import fr.acta.seda.SedaSchemas;
import fr.acta.seda.SedaVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The DIP of one archive: a ZIP with {@code manifest.xml}, a SEDA {@code ArchiveDeliveryRequestReply}
 * of the archive's own version (checked against its official schema), and its objects under
 * {@code Content/}. Before anything is sent, each object gets an intact copy (hashed again; the
 * next location is tried when one is damaged; none intact: 409); then the objects are streamed,
 * hashed once more on the way, and a copy that changed meanwhile breaks the download rather than
 * delivering a wrong file.
 */
@Component
class DipWriter {

    /** An object to deliver: its entry in the ZIP, its intact copy and its SHA-256. */
    record Entry(String manifestId, String name, Path copy, String sha256) {
    }

    /** A DIP ready to stream. */
    record Dip(byte[] manifest, List<Entry> objects) {

        void write(OutputStream out) throws IOException {
            ZipOutputStream zip = new ZipOutputStream(out);
            zip.putNextEntry(new ZipEntry("manifest.xml"));
            zip.write(manifest);
            zip.closeEntry();
            byte[] buffer = new byte[Fixity.BUFFER / 4];
            for (Entry e : objects) {
                zip.putNextEntry(new ZipEntry(e.name()));
                MessageDigest digest = Fixity.digest("SHA-256");
                try (InputStream in = Files.newInputStream(e.copy())) {
                    int n;
                    while ((n = in.read(buffer)) > 0) {
                        digest.update(buffer, 0, n);
                        zip.write(buffer, 0, n);
                    }
                }
                if (!HexFormat.of().formatHex(digest.digest()).equals(e.sha256())) {
                    throw new IOException("Object " + e.manifestId() + " changed while it was sent: DIP broken off");
                }
                zip.closeEntry();
            }
            zip.finish();
            zip.flush();
        }
    }

    private final JdbcTemplate jdbc;
    private final ObjectStores stores;

    DipWriter(JdbcTemplate jdbc, ObjectStores stores) {
        this.jdbc = jdbc;
        this.stores = stores;
    }

    Dip prepare(ArchiveAccess.Reader reader, Map<String, Object> row) {
        String identifier = (String) row.get("identifier");
        if (row.get("eliminated_at") != null) {
            throw new ConflictException("L'archive « " + identifier + " » a été éliminée : ses objets n'existent plus, "
                    + "seules ses métadonnées sont consultables.");
        }
        String tenant = reader.tenant().code();
        List<Map<String, Object>> objects = jdbc.queryForList("""
                select manifest_id, uri, file_name, sha256 from sae_object
                 where archive_id = ? and kind = 'OBJECT' order by manifest_id""", row.get("id"));
        List<Entry> entries = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Map<String, Object> o : objects) {
            String sha256 = (String) o.get("sha256");
            String name = entryName((String) o.get("uri"), (String) o.get("file_name"), (String) o.get("manifest_id"),
                    names);
            entries.add(new Entry((String) o.get("manifest_id"), name, intactCopy(tenant, sha256, identifier), sha256));
        }
        SedaVersion version = SedaVersion.parse((String) row.get("seda_version")).orElseThrow();
        byte[] original;
        try {
            original = Files.readAllBytes(intactCopy(tenant, (String) row.get("manifest_sha256"), identifier));
        } catch (IOException e) {
            throw new IllegalStateException("Manifest of " + identifier + " unreadable", e);
        }
        byte[] manifest = DeliveryReply.write(version, original, identifier, "DIP-" + UUID.randomUUID(),
                reader.tenant().siren(), entries);
        SedaSchemas.shared().validate(version, manifest);
        return new Dip(manifest, List.copyOf(entries));
    }

    /** A copy of the content whose SHA-256 is still right, trying each location; 409 when none is. */
    Path intactCopy(String tenant, String sha256, String identifier) {
        for (ObjectStores.Location l : stores.locations()) {
            try {
                if (sha256.equals(stores.hash(l, tenant, sha256))) {
                    return stores.path(l, tenant, sha256);
                }
            } catch (IOException e) {
                // unreadable copy: try the next location
            }
        }
        throw new ConflictException("Un fichier de l'archive « " + identifier + " » est endommagé ou absent dans "
                + "tous les emplacements de conservation : communication impossible, l'audit d'intégrité le signale.");
    }

    /** {@code Content/} and the last segment of the object's path, made safe and unique. */
    static String entryName(String uri, String fileName, String manifestId, Set<String> taken) {
        String source = uri != null ? uri : fileName != null ? fileName : manifestId;
        String last = source.substring(source.replace('\\', '/').lastIndexOf('/') + 1);
        String safe = last.replaceAll("[^A-Za-z0-9._-]+", "_").replaceAll("^[._]+", "");
        if (safe.isEmpty()) {
            safe = manifestId.replaceAll("[^A-Za-z0-9_-]+", "_");
        }
        String name = "Content/" + safe;
        for (int i = 2; !taken.add(name); i++) {
            name = "Content/" + i + "_" + safe;
        }
        return name;
    }
}

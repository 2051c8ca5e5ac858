package fr.acta.sae;

import fr.acta.common.FieldViolation;
import fr.acta.common.NotFoundException;
import fr.acta.common.UnavailableException;
import fr.acta.common.ValidationException;
import fr.acta.tenant.TenantRef;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Chunked deposits, as As@lae takes them: {@code sedaMessages} with
 * {@code send_chunked_attachments=true} opens a session for the bordereau and answers its
 * {@code chunk_session_identifier} and {@code chunk_security_identifier}; the attachments then come
 * in numbered chunks ({@code sedaAttachmentsChunkFiles}), each recorded under the session's lock.
 * The transaction that records the last chunk also receives the transfer through
 * {@link TransferReception}, exactly as an unchunked one: either both commit or neither.
 */
@Service
class ChunkedDeposits {

    static final int MAX_FILES = 100;
    static final int MAX_CHUNKS = 100_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Where a deposit stands after a chunk: still waiting, or received. */
    record Progress(long receivedChunks, TransferReception.Receipt receipt) {
    }

    /** A chunk as posted. */
    record Chunk(UUID session, String security, int numberOfFiles, int fileIndex, String fileName,
                 int numberOfChunks, int chunkIndex) {
    }

    private record Session(UUID id, String securitySha256, String openedBy, byte[] message, Integer numberOfFiles,
                           boolean completed) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final TransferReception reception;
    private final ChunkFiles files;
    private final SaeProperties properties;

    ChunkedDeposits(JdbcTemplate jdbc, TransactionTemplate tx, TransferReception reception, ChunkFiles files,
                    SaeProperties properties) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.reception = reception;
        this.files = files;
        this.properties = properties;
    }

    /** Opens a session for a bordereau whose attachments will come in chunks; returns its two identifiers. */
    Map<String, Object> open(TenantRef tenant, String username, byte[] message) {
        if (message.length > properties.maxMessageSize().toBytes()) {
            throw new ValidationException(413, "Le bordereau dépasse la taille maximale acceptée.", List.of(
                    new FieldViolation(ManifestHeader.FIELD, "Au plus " + properties.maxMessageSize().toMegabytes()
                            + " Mo.")));
        }
        ManifestHeader header = ManifestHeader.read(message);
        UUID id = UUID.randomUUID();
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String security = HexFormat.of().formatHex(secret);
        jdbc.update("""
                insert into sae_chunk_session (id, tenant_id, security_sha256, opened_by, opened_at, message,
                    message_identifier, transferring_agency) values (?, ?, ?, ?, ?, ?, ?, ?)""",
                id, tenant.id(), sha256(security), username, Timestamp.from(Instant.now()), message,
                header.messageIdentifier(), header.transferringAgency());
        return Map.of("chunk_session_identifier", id.toString(), "chunk_security_identifier", security,
                "messageIdentifier", header.messageIdentifier(), "transferringAgency", header.transferringAgency());
    }

    /** Records one chunk; with the last one, receives the transfer. */
    Progress chunk(TenantRef tenant, Chunk c, InputStream content) {
        check(find(tenant, c.session(), false), c);
        Path temp;
        try {
            temp = files.receive(c.session(), content);
        } catch (IOException e) {
            throw new UnavailableException("Le service d'archives ne peut pas enregistrer le morceau pour le moment ; "
                    + "réessayez plus tard.", e);
        }
        try {
            Progress progress = tx.execute(status -> record(tenant, c, temp));
            if (progress != null && progress.receipt() != null) {
                files.delete(c.session());
            }
            return progress;
        } finally {
            TransferFolders.deleteQuietly(temp);
        }
    }

    private Progress record(TenantRef tenant, Chunk c, Path temp) {
        Session s = check(find(tenant, c.session(), true), c);
        if (s.numberOfFiles() == null) {
            jdbc.update("update sae_chunk_session set number_of_files = ? where id = ?", c.numberOfFiles(), s.id());
        }
        List<Map<String, Object>> same = jdbc.queryForList("select chunk_index, number_of_chunks, file_name from "
                + "sae_chunk where session_id = ? and file_index = ?", s.id(), c.fileIndex());
        for (Map<String, Object> other : same) {
            if (((Number) other.get("number_of_chunks")).intValue() != c.numberOfChunks()) {
                throw refused("number_of_chunks", "Le fichier " + c.fileIndex() + " a été annoncé en "
                        + other.get("number_of_chunks") + " morceaux, pas " + c.numberOfChunks() + ".");
            }
            if (((Number) other.get("chunk_index")).intValue() == c.chunkIndex()) {
                throw refused("chunk_index", "Le morceau " + c.chunkIndex() + " du fichier " + c.fileIndex()
                        + " a déjà été reçu.");
            }
        }
        long size;
        long total = jdbc.queryForObject("select coalesce(sum(size), 0) from sae_chunk where session_id = ?",
                Long.class, s.id());
        try {
            size = Files.size(temp);
        } catch (IOException e) {
            throw new UnavailableException("Le morceau reçu est illisible ; renvoyez-le.", e);
        }
        if (total + size > properties.maxTransferSize().toBytes()) {
            throw new ValidationException(413, "Les pièces jointes dépassent la taille maximale d'un transfert.",
                    List.of(new FieldViolation("chunk_content", "Au plus " + properties.maxTransferSize().toMegabytes()
                            + " Mo en tout.")));
        }
        jdbc.update("""
                insert into sae_chunk (session_id, file_index, chunk_index, number_of_chunks, file_name, size, received_at)
                values (?, ?, ?, ?, ?, ?, ?)""", s.id(), c.fileIndex(), c.chunkIndex(), c.numberOfChunks(),
                c.fileName(), size, Timestamp.from(Instant.now()));
        place(temp, c);
        List<Map<String, Object>> perFile = jdbc.queryForList("select file_index, max(number_of_chunks) as expected, "
                + "count(*) as received, min(file_name) as name from sae_chunk where session_id = ? group by file_index "
                + "order by file_index", s.id());
        long received = perFile.stream().mapToLong(f -> ((Number) f.get("received")).longValue()).sum();
        boolean complete = perFile.size() == c.numberOfFiles() && perFile.stream()
                .allMatch(f -> ((Number) f.get("received")).longValue() == ((Number) f.get("expected")).longValue());
        if (!complete) {
            return new Progress(received, null);
        }
        List<IncomingFiles.Upload> uploads = new ArrayList<>();
        for (Map<String, Object> f : perFile) {
            uploads.add(files.assembled(s.id(), ((Number) f.get("file_index")).intValue(),
                    ((Number) f.get("expected")).intValue(), (String) f.get("name")));
        }
        TransferReception.Receipt receipt = reception.receive(tenant, s.openedBy(), s.message(), uploads);
        jdbc.update("update sae_chunk_session set transfer_id = ?, completed_at = ? where id = ?",
                receipt.transfer().id(), Timestamp.from(Instant.now()), s.id());
        return new Progress(received, receipt);
    }

    /** Puts the chunk in place, and takes it back out if the transaction rolls back. */
    private void place(Path temp, Chunk c) {
        Path placed;
        try {
            placed = files.place(temp, c.session(), c.fileIndex(), c.chunkIndex());
        } catch (IOException e) {
            throw new UnavailableException("Le service d'archives ne peut pas enregistrer le morceau pour le moment ; "
                    + "réessayez plus tard.", e);
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    TransferFolders.deleteQuietly(placed);
                }
            }
        });
    }

    private Session find(TenantRef tenant, UUID id, boolean lock) {
        return jdbc.query("select id, security_sha256, opened_by, message, number_of_files, completed_at "
                        + "from sae_chunk_session where id = ? and tenant_id = ?" + (lock ? " for update" : ""),
                (rs, n) -> new Session(rs.getObject("id", UUID.class), rs.getString("security_sha256"),
                        rs.getString("opened_by"), rs.getBytes("message"), (Integer) rs.getObject("number_of_files"),
                        rs.getTimestamp("completed_at") != null), id, tenant.id())
                .stream().findFirst().orElseThrow(() -> new NotFoundException("Session d'envoi par morceaux inconnue : "
                        + id + "."));
    }

    private static Session check(Session s, Chunk c) {
        if (!MessageDigest.isEqual(s.securitySha256().getBytes(StandardCharsets.US_ASCII),
                sha256(c.security()).getBytes(StandardCharsets.US_ASCII))) {
            throw refused("security_identifier", "L'identifiant de sécurité ne correspond pas à la session.");
        }
        if (s.completed()) {
            throw refused("session_identifier", "Cette session d'envoi par morceaux est terminée : le transfert a "
                    + "déjà été reçu.");
        }
        if (s.numberOfFiles() != null && s.numberOfFiles() != c.numberOfFiles()) {
            throw refused("number_of_files", "La session a été annoncée avec " + s.numberOfFiles() + " fichier(s), pas "
                    + c.numberOfFiles() + ".");
        }
        return s;
    }

    private static ValidationException refused(String field, String message) {
        return ValidationException.of(field, message);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package fr.acta.transmission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Service;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A collectivité's S²LOW account through the {@code /modules/actes/} scripts, over mutual TLS.
 * Stateless apart from one HTTP client per account: the settings come with every call.
 *
 * <p>Text answers ({@code OK}/{@code KO}, HTTP 200 either way) are read by {@link S2lowReplies}; a
 * {@code KO} is an {@link S2lowRefusalException} carrying S²LOW's message. Nothing here retries.
 *
 * <p>Posting is not idempotent: record the returned transaction id at once; after a crash or a
 * timeout in between, look the act up with {@link #findByNumber} before posting again (S²LOW refuses a
 * number it already has).
 */
@Service
public class S2lowClient {

    private static final Logger log = LoggerFactory.getLogger(S2lowClient.class);
    private static final String ACTES = "/modules/actes/";
    /** Statuses searched by {@link #findByNumber}, likeliest first for an act just posted. */
    private static final int[] SEARCH_ORDER = {17, 18, 1, 2, 3, 4, -1, 5, 6, 0, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16,
            19, 20, 21, 22};
    static final int PAGE = 100;
    static final int MAX_PAGES = 50;

    private final S2lowHttp http = new S2lowHttp();
    private final ObjectMapper json = new ObjectMapper();
    private final S2lowUploads uploads = new S2lowUploads();

    /** {@code /api/test-connexion.php}: the certificate (and login) open the account. */
    public void testConnection(S2lowSettings settings) {
        S2lowReplies.expectOk(get(settings, "/api/test-connexion.php", "le test de connexion"), "le test de connexion");
    }

    /** Posts an act; returns S²LOW's transaction id. */
    public long postAct(S2lowSettings settings, S2low.ActRequest act) {
        String action = "le dépôt de l'acte " + act.number();
        MultiValueMap<String, Object> form = uploads.act(act);
        long id = S2lowReplies.id(S2lowReplies.expectOk(post(settings, ACTES + "actes_transac_create.php", form, action),
                action), action);
        log.info("S2LOW {}: act {} posted as transaction {}", settings.baseUrl(), act.number(), id);
        return id;
    }

    /** The transaction's status, with the ARActe XML for status 4 or the error message for status -1. */
    public S2low.Status status(S2lowSettings settings, long transactionId) {
        return status(settings, "transaction", String.valueOf(transactionId), transactionId);
    }

    /** The status of the transmission whose IDActe ({@code unique_id}) is given. */
    public S2low.Status statusByIdActe(S2lowSettings settings, String idActe) {
        return status(settings, "unique_id", idActe, 0);
    }

    private S2low.Status status(S2lowSettings settings, String param, String value, long id) {
        String action = "la lecture du statut de la transaction " + value;
        byte[] payload = S2lowReplies.expectOk(get(settings, uri(settings, "actes_transac_get_status.php")
                .queryParam(param, value), action), action).payload();
        int eol = indexOf(payload, (byte) '\n');
        String first = S2lowReplies.decode(Arrays.copyOf(payload, eol < 0 ? payload.length : eol)).strip();
        int code;
        try {
            code = Integer.parseInt(first);
        } catch (NumberFormatException e) {
            throw new S2lowException(S2lowException.Kind.PROTOCOL, 200, "Statut illisible renvoyé par S²LOW pour "
                    + value + " : « " + first + " ».");
        }
        byte[] rest = eol < 0 ? new byte[0] : Arrays.copyOfRange(payload, eol + 1, payload.length);
        if (code != -1) {
            return new S2low.Status(id, code, ActesStatus.of(code), null, rest);
        }
        // for an error S²LOW sends the préfecture's XML (if any), then its own message: kept apart
        int end = startsWithMarkup(rest) ? lastIndexOf(rest, (byte) '>') + 1 : 0;
        return new S2low.Status(id, code, ActesStatus.of(code),
                S2lowReplies.message(Arrays.copyOfRange(rest, end, rest.length)), Arrays.copyOf(rest, end));
    }

    /** The ARActe XML of an acknowledged transmission ({@code actes_transac_get_ARActe.php}), as stored by S²LOW. */
    public byte[] arActe(S2lowSettings settings, long transactionId) {
        return document(settings, uri(settings, "actes_transac_get_ARActe.php").queryParam("id", transactionId),
                "la lecture de l'accusé de réception de la transaction " + transactionId);
    }

    /** The PDF "bordereau d'acquittement" of an acknowledged transmission. */
    public byte[] bordereau(S2lowSettings settings, long transactionId) {
        return document(settings, uri(settings, "actes_create_pdf.php").queryParam("trans_id", transactionId),
                "la lecture du bordereau de la transaction " + transactionId);
    }

    /** The files of a transaction: index 0 the XML message, 1 the act, then the annexes. */
    public List<S2low.File> files(S2lowSettings settings, long transactionId) {
        String action = "la liste des fichiers de la transaction " + transactionId;
        JsonNode list = json(get(settings, uri(settings, "actes_transac_get_files_list.php")
                .queryParam("transaction", transactionId), action), action);
        List<S2low.File> files = new ArrayList<>();
        for (JsonNode f : iterable(list)) {
            files.add(new S2low.File(f.path("id").asLong(), text(f, "name"), text(f, "posted_filename"),
                    text(f, "mimetype"), f.path("size").asLong(), text(f, "signature")));
        }
        return files;
    }

    /** A file of a transaction; {@code stamped} asks for the PDF with S²LOW's stamp (display date optional). */
    public byte[] downloadFile(S2lowSettings settings, long fileId, boolean stamped, LocalDate displayDate) {
        UriComponentsBuilder uri = uri(settings, "actes_download_file.php").queryParam("file", fileId);
        if (stamped) {
            uri.queryParam("tampon", "true");
            if (displayDate != null) {
                uri.queryParam("date_affichage", displayDate.toString());
            }
        }
        return document(settings, uri, "le téléchargement du fichier " + fileId);
    }

    /** Asks the préfecture to cancel an acknowledged act (status 4); returns the new type-6 transaction id. */
    public long cancel(S2lowSettings settings, long transactionId) {
        String action = "l'annulation de la transaction " + transactionId;
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("api", "1");
        form.add("id", String.valueOf(transactionId));
        return S2lowReplies.id(S2lowReplies.expectOk(post(settings, ACTES + "actes_transac_cancel.php", form, action),
                action), action);
    }

    /** The collectivité's current classification, as S²LOW holds it ({@code RetourClassification} XML). */
    public byte[] classification(S2lowSettings settings) {
        return document(settings, uri(settings, "actes_classification_fetch.php").queryParam("api", 1),
                "la lecture de la classification");
    }

    /** Asks the préfecture for a new classification (a type-7 transaction). */
    public void requestClassification(S2lowSettings settings) {
        String action = "la demande de classification";
        S2lowReplies.expectOk(get(settings, uri(settings, "actes_classification_request.php").queryParam("api", 1),
                action), action);
    }

    /** The préfecture's documents (courriers, demandes de pièces, lettres d'observations, déférés) not yet marked read. */
    public List<S2low.PrefectureDocument> prefectureDocuments(S2lowSettings settings) {
        String action = "la liste des documents de la préfecture";
        JsonNode list = json(get(settings, uri(settings, "api/list_document_prefecture.php"), action), action);
        List<S2low.PrefectureDocument> documents = new ArrayList<>();
        for (JsonNode d : iterable(list)) {
            int type = d.path("type").asInt();
            documents.add(new S2low.PrefectureDocument(d.path("id").asLong(), type, TransactionType.of(type),
                    text(d, "number"), text(d, "unique_id"), d.path("related_transaction_id").asLong(),
                    d.path("last_status_id").asInt()));
        }
        return documents;
    }

    /** Marks a préfecture document read, so that it leaves {@link #prefectureDocuments}. */
    public void markRead(S2lowSettings settings, long transactionId) {
        String action = "le marquage comme lu du document " + transactionId;
        JsonNode answer = json(get(settings, uri(settings, "api/document_prefecture_mark_as_read.php")
                .queryParam("transaction_id", transactionId), action), action);
        if (!"ok".equalsIgnoreCase(answer.path("result").asText())) {
            throw new S2lowException(S2lowException.Kind.PROTOCOL, 200, "Réponse inattendue de S²LOW pour " + action
                    + " : " + answer);
        }
    }

    /** The exchanges related to a transmitted act (courriers, replies, cancellation) with their status. */
    public List<S2low.Exchange> exchanges(S2lowSettings settings, long transmissionId) {
        return S2lowListing.exchanges(this, settings, transmissionId);
    }

    /** The {@code .tar.gz} envelope of a préfecture message or reply transaction, to read with {@link PrefectureArchiveReader}. */
    public byte[] exchangeArchive(S2lowSettings settings, long transactionId) {
        return S2lowListing.archive(this, settings, transactionId);
    }

    /** Replies to a préfecture letter; returns the reply's transaction id. */
    public long reply(S2lowSettings settings, S2low.Reply reply) {
        String action = "la réponse au courrier " + reply.relatedTransactionId();
        return S2lowReplies.id(S2lowReplies.expectOk(post(settings, ACTES + "actes_transac_reponse_create.php",
                uploads.reply(reply), action), action), action);
    }

    /**
     * The transmission (type 1) bearing this numéro interne, searched through the account's lists status
     * by status (for recovery after a crash between posting and recording the id). Empty when none.
     */
    public Optional<S2low.Transaction> findByNumber(S2lowSettings settings, String number) {
        return findByNumber(settings, number, TransactionType.TRANSMISSION);
    }

    /**
     * The transaction of the given type bearing this act's numéro interne (an annulation carries the
     * number of the act it cancels), searched as {@link #findByNumber(S2lowSettings, String)} does.
     */
    public Optional<S2low.Transaction> findByNumber(S2lowSettings settings, String number, TransactionType type) {
        for (int status : SEARCH_ORDER) {
            Optional<S2low.Transaction> found = S2lowListing.find(this, settings, status, number, type);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /**
     * The address an agent opens, in a browser holding their RGS certificate, to confirm transactions
     * waiting in status 17. Uses a fresh nonce and the settings' login ({@code hash = sha256(password:nonce)}).
     * S²LOW then redirects to {@code returnUrl}, where {@code %%ERROR%%} becomes 0 or 1 and
     * {@code %%MESSAGE%%} its message.
     */
    public URI confirmationLink(S2lowSettings settings, List<Long> transactionIds, String returnUrl) {
        return S2lowListing.confirmationLink(this, settings, transactionIds, returnUrl);
    }

    // ------------------------------------------------------------------------------------ plumbing

    UriComponentsBuilder uri(S2lowSettings settings, String script) {
        return UriComponentsBuilder.fromUriString(settings.baseUrl() + ACTES + script);
    }

    byte[] get(S2lowSettings settings, String path, String action) {
        return get(settings, UriComponentsBuilder.fromUriString(settings.baseUrl() + path), action);
    }

    byte[] get(S2lowSettings settings, UriComponentsBuilder uri, String action) {
        S2lowHttp.Response response = raw(settings, uri.encode().build().toUri(), action);
        S2lowHttp.check(response, action);
        return response.body();
    }

    S2lowHttp.Response raw(S2lowSettings settings, URI uri, String action) {
        return http.call(settings, action, c -> c.get().uri(uri));
    }

    private byte[] post(S2lowSettings settings, String path, MultiValueMap<String, Object> form, String action) {
        URI uri = URI.create(settings.baseUrl() + path);
        S2lowHttp.Response response = http.call(settings, action, c -> c.post().uri(uri)
                .contentType(MediaType.MULTIPART_FORM_DATA).body(form));
        S2lowHttp.check(response, action);
        return response.body();
    }

    /** A document answer (XML, PDF…), unless S²LOW answered KO instead. */
    private byte[] document(S2lowSettings settings, UriComponentsBuilder uri, String action) {
        byte[] body = get(settings, uri, action);
        if (S2lowReplies.isKo(body)) {
            S2lowReplies.expectOk(body, action);
        }
        if (body.length == 0) {
            throw new S2lowException(S2lowException.Kind.PROTOCOL, 200, "S²LOW a renvoyé un document vide pour " + action + ".");
        }
        return body;
    }

    JsonNode json(byte[] body, String action) {
        if (S2lowReplies.isKo(body)) {
            S2lowReplies.expectOk(body, action);
        }
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new S2lowException(S2lowException.Kind.PROTOCOL, 200, "Réponse JSON illisible de S²LOW pour "
                    + action + ".", e);
        }
    }

    static Iterable<JsonNode> iterable(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return List.of();
        }
        if (node.isArray()) {
            return node;
        }
        if (node.isObject()) {
            List<JsonNode> values = new ArrayList<>();
            node.elements().forEachRemaining(values::add);
            return values;
        }
        return List.of();
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static boolean startsWithMarkup(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t' && b != (byte) 0xEF && b != (byte) 0xBB && b != (byte) 0xBF) {
                return b == '<';
            }
        }
        return false;
    }

    private static int lastIndexOf(byte[] bytes, byte b) {
        for (int i = bytes.length - 1; i >= 0; i--) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }
}

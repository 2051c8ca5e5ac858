package fr.acta.vitam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Calls a Vitam platform's external APIs for one collectivité's {@link VitamSettings}: ingest of a
 * SEDA package and its follow-up (operation state, {@code ArchiveTransferReply}), the look-up of an
 * earlier ingest by the package's {@code MessageIdentifier} (so that a caller recovering from a crash
 * never ingests twice), unit searches by DSL and object downloads.
 *
 * <p>Everything that is not a success is a {@link VitamException} with a French message; its
 * {@code retryable()} tells a network failure or a server error from a refusal.
 */
@Component
public final class VitamClient {

    private static final String INGESTS = "/ingest-external/v1/ingests";
    private static final String OPERATIONS = "/admin-external/v1/operations/";
    private static final String ACCESS = "/access-external/v1";
    private static final MediaType JSON_TYPE = MediaType.APPLICATION_JSON;

    private final VitamHttp http;
    private final ObjectMapper json = new ObjectMapper();

    public VitamClient() {
        this(new VitamHttp(Duration.ofMinutes(5)));
    }

    VitamClient(VitamHttp http) {
        this.http = http;
    }

    /**
     * Sends a SIP ({@code POST /ingest-external/v1/ingests}, {@code X-Action: RESUME}) and returns the
     * operation id Vitam gave it ({@code X-Request-Id} of the 202).
     *
     * @param manifestSha512 the SHA-512 of the package's manifest (hexadecimal), sent for Vitam to
     *                       check, or null
     */
    public String ingest(VitamSettings s, byte[] sipZip, String manifestSha512) {
        String action = "le versement du paquet SEDA";
        VitamHttp.Response r = VitamHttp.check(http.call(s, action, c -> {
            var spec = c.post().uri(INGESTS).contentType(MediaType.APPLICATION_OCTET_STREAM)
                    .header("X-Action", "RESUME").header("X-Context-Id", s.workflow());
            if (manifestSha512 != null && !manifestSha512.isBlank()) {
                spec = spec.header("X-Manifest-Digest-Algo", "SHA-512")
                        .header("X-Manifest-Digest-Value", manifestSha512.strip());
            }
            return spec.body(sipZip);
        }), action);
        String id = r.header("X-Request-Id");
        if (r.status() != 202 || id == null || id.isBlank()) {
            throw new VitamException(r.status(), "Vitam n'a pas donné d'identifiant d'opération au versement (HTTP "
                    + r.status() + ").");
        }
        return id.strip();
    }

    /** The state of an operation ({@code HEAD /admin-external/v1/operations/{id}}); unknown: a {@code notFound()} exception. */
    public VitamOperation operation(VitamSettings s, String operationId) {
        String action = "le suivi de l'opération " + operationId;
        VitamHttp.Response r = VitamHttp.check(http.call(s, action, c -> c.head().uri(OPERATIONS + "{id}", operationId)),
                action);
        if (r.status() == 204) {
            throw new VitamException(204, "Vitam ne trouve pas le processus de l'opération " + operationId + ".");
        }
        String state = r.header("X-Global-Execution-State");
        String status = r.header("X-Global-Execution-Status");
        if (state == null) {
            throw new VitamException(r.status(), "Vitam n'a pas donné l'état de l'opération " + operationId + ".");
        }
        return new VitamOperation(operationId, state, status, "COMPLETED".equalsIgnoreCase(state));
    }

    /** The {@code ArchiveTransferReply} of an ingest, or empty while Vitam has none (404). */
    public Optional<VitamTransferReply> archiveTransferReply(VitamSettings s, String operationId) {
        String action = "la lecture de la réponse au versement " + operationId;
        VitamHttp.Response r = http.call(s, action, c -> c.get()
                .uri(INGESTS + "/{id}/archivetransferreply", operationId)
                .accept(MediaType.APPLICATION_OCTET_STREAM, MediaType.APPLICATION_XML));
        if (r.status() == 404) {
            return Optional.empty();
        }
        VitamHttp.check(r, action);
        return Optional.of(AtrReader.read(r.body()));
    }

    /**
     * The operation id of the latest ingest of the package whose {@code MessageIdentifier} is
     * {@code messageIdentifier}, if Vitam has one: the logbook of operations, {@code evTypeProc}
     * {@code INGEST} and {@code obIdIn} (where Vitam keeps the SIP's {@code MessageIdentifier}).
     */
    public Optional<String> findIngest(VitamSettings s, String messageIdentifier) {
        ObjectNode dsl = json.createObjectNode();
        ArrayNode and = dsl.putObject("$query").putArray("$and");
        and.addObject().putObject("$eq").put("obIdIn", messageIdentifier);
        and.addObject().putObject("$eq").put("evTypeProc", "INGEST");
        dsl.putObject("$filter").put("$limit", 1).putObject("$orderby").put("evDateTime", -1);
        dsl.putObject("$projection").putObject("$fields").put("evIdProc", 1).put("obIdIn", 1);
        JsonNode results = select(s, ACCESS + "/logbookoperations", dsl,
                "la recherche d'un versement antérieur de " + messageIdentifier).path("$results");
        for (JsonNode op : results) {
            String id = op.path("evIdProc").asText(op.path("#id").asText(""));
            if (!id.isBlank() && messageIdentifier.equals(op.path("obIdIn").asText(null))) {
                return Optional.of(id);
            }
        }
        return Optional.empty();
    }

    /** Searches units with a DSL ({@code GET /access-external/v1/units}); Vitam's whole answer ({@code $hits}, {@code $results}…). */
    public JsonNode selectUnits(VitamSettings s, JsonNode dsl) {
        return select(s, ACCESS + "/units", dsl, "la recherche d'unités archivistiques");
    }

    /** The binary of a unit's object in usage {@code qualifier} (e.g. {@code BinaryMaster}) and {@code version}. */
    public byte[] unitObject(VitamSettings s, String unitId, String qualifier, int version) {
        String action = "le téléchargement de l'objet de l'unité " + unitId;
        return VitamHttp.check(http.call(s, action, c -> c.get().uri(ACCESS + "/units/{id}/objects", unitId)
                .accept(MediaType.APPLICATION_OCTET_STREAM)
                .header("X-Access-Contract-Id", contract(s))
                .header("X-Qualifier", qualifier).header("X-Version", String.valueOf(version))), action).body();
    }

    /** POST with {@code X-Http-Method-Override: GET}, the form of a GET with a body every proxy lets through. */
    private JsonNode select(VitamSettings s, String path, JsonNode dsl, String action) {
        byte[] body;
        try {
            body = json.writeValueAsBytes(dsl);
        } catch (IOException e) {
            throw new IllegalArgumentException("DSL illisible", e);
        }
        VitamHttp.Response r = VitamHttp.check(http.call(s, action, c -> c.post().uri(path)
                .contentType(JSON_TYPE).accept(JSON_TYPE)
                .header("X-Http-Method-Override", "GET")
                .header("X-Access-Contract-Id", contract(s)).body(body)), action);
        try {
            return json.readTree(r.body());
        } catch (IOException e) {
            throw new VitamException(r.status(), "La réponse de Vitam à " + action + " n'est pas du JSON lisible.", e);
        }
    }

    private static String contract(VitamSettings s) {
        if (s.accessContract() == null || s.accessContract().isBlank()) {
            throw new VitamException(0, "Aucun contrat d'accès Vitam n'est configuré pour cette collectivité.");
        }
        return s.accessContract().strip();
    }
}

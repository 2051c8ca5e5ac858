package fr.acta.simulator.vitam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /access-external/v1}: unit searches by DSL ({@code GET} with a body, or {@code POST} with
 * {@code X-Http-Method-Override: GET}), a unit's object (binary with {@code X-Qualifier} and
 * {@code X-Version}, or its group's description in JSON), and the operations logbook.
 */
@RestController
@RequestMapping(VitamSimSecurity.PREFIX + "/access-external/v1")
@VitamSimEnabled
class VitamAccessController {

    private final VitamSimStore store;
    private final ObjectMapper json = new ObjectMapper();

    VitamAccessController(VitamSimStore store) {
        this.store = store;
    }

    @RequestMapping(path = "/units", method = {RequestMethod.GET, RequestMethod.POST})
    ObjectNode units(@RequestAttribute(VitamSimSecurity.TENANT) int tenant,
                     @RequestHeader(name = "X-Http-Method-Override", required = false) String override,
                     @RequestBody(required = false) JsonNode dsl, jakarta.servlet.http.HttpServletRequest request) {
        overridden(request.getMethod(), override);
        return VitamSimDsl.select(json, store.units(tenant, Instant.now()), dsl == null ? json.createObjectNode() : dsl,
                true);
    }

    @RequestMapping(path = "/units/{id}", method = {RequestMethod.GET, RequestMethod.POST})
    ObjectNode unit(@RequestAttribute(VitamSimSecurity.TENANT) int tenant, @PathVariable String id,
                    @RequestHeader(name = "X-Http-Method-Override", required = false) String override,
                    @RequestBody(required = false) JsonNode dsl, jakarta.servlet.http.HttpServletRequest request) {
        overridden(request.getMethod(), override);
        ObjectNode unit = unitOrNotFound(tenant, id);
        ObjectNode query = json.createObjectNode();
        if (dsl != null && dsl.has("$projection")) {
            query.set("$projection", dsl.get("$projection"));
        }
        return VitamSimDsl.select(json, List.of(unit), query, false);
    }

    @RequestMapping(path = "/units/{id}/objects", method = RequestMethod.GET)
    ResponseEntity<?> objects(@RequestAttribute(VitamSimSecurity.TENANT) int tenant, @PathVariable String id,
                              @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
                              @RequestHeader(name = "X-Qualifier", required = false) String qualifier,
                              @RequestHeader(name = "X-Version", required = false) String version) {
        ObjectNode unit = unitOrNotFound(tenant, id);
        String group = unit.path("#object").asText(null);
        if (group == null) {
            throw new VitamSimException(404, "ACCESS", "L'unité " + id + " n'a pas d'objet.");
        }
        List<VitamSimStore.StoredObject> objects = store.group(group);
        if (accept != null && accept.contains(MediaType.APPLICATION_OCTET_STREAM_VALUE)) {
            if (qualifier == null || version == null) {
                throw new VitamSimException(412, "ACCESS", "Les en-têtes X-Qualifier et X-Version sont obligatoires "
                        + "pour télécharger un objet.");
            }
            String usage = qualifier.strip() + "_" + version.strip();
            VitamSimStore.StoredObject o = objects.stream().filter(x -> x.usage().equals(usage)).findFirst()
                    .orElseThrow(() -> new VitamSimException(404, "ACCESS", "L'unité " + id + " n'a pas d'objet "
                            + usage + "."));
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM)
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\""
                            + (o.filename() == null ? o.id() : o.filename().replaceAll("[\"\\\\\\r\\n]", "_")) + "\"")
                    .body(o.bytes());
        }
        ObjectNode got = json.createObjectNode();
        got.put("#id", group);
        ArrayNode versions = got.putArray("#qualifiers").addObject().put("qualifier", "BinaryMaster")
                .putArray("versions");
        for (VitamSimStore.StoredObject o : objects) {
            ObjectNode v = versions.addObject();
            v.put("#id", o.id()).put("DataObjectVersion", o.usage()).put("Size", o.bytes().length)
                    .put("Algorithm", o.algorithm()).put("MessageDigest", o.digest());
            v.putObject("FileInfo").put("Filename", o.filename());
            v.putObject("FormatIdentification").put("MimeType", o.mimeType());
        }
        ObjectNode body = VitamSimDsl.envelope(json, 1, 0, 1, json.createObjectNode());
        body.withArray("$results").add(got);
        return ResponseEntity.ok(body);
    }

    @RequestMapping(path = "/logbookoperations", method = {RequestMethod.GET, RequestMethod.POST})
    ObjectNode logbook(@RequestAttribute(VitamSimSecurity.TENANT) int tenant,
                       @RequestHeader(name = "X-Http-Method-Override", required = false) String override,
                       @RequestBody(required = false) JsonNode dsl, jakarta.servlet.http.HttpServletRequest request) {
        overridden(request.getMethod(), override);
        Instant now = Instant.now();
        List<ObjectNode> ops = store.operations(tenant).stream().map(o -> logbook(o, now)).toList();
        return VitamSimDsl.select(json, ops, dsl == null ? json.createObjectNode() : dsl, false);
    }

    @RequestMapping(path = "/logbookoperations/{id}", method = RequestMethod.GET)
    ObjectNode logbookOperation(@RequestAttribute(VitamSimSecurity.TENANT) int tenant, @PathVariable String id) {
        VitamSimStore.Operation op = store.operation(tenant, id).orElseThrow(() -> new VitamSimException(404,
                "LOGBOOK", "Opération inconnue sur ce tenant : " + id + "."));
        return VitamSimDsl.select(json, List.of(logbook(op, Instant.now())), json.createObjectNode(), false);
    }

    /** The operation as Vitam's logbook stores it (short field names); {@code obIdIn} is the SIP's MessageIdentifier. */
    private ObjectNode logbook(VitamSimStore.Operation o, Instant now) {
        boolean done = o.completed(now);
        ObjectNode op = json.createObjectNode();
        op.put("#id", o.id()).put("evId", o.id()).put("evParentId", (String) null).put("evType", "PROCESS_SIP_UNITARY")
                .put("evDateTime", LocalDateTime.ofInstant(o.started(), ZoneOffset.UTC).toString())
                .put("evIdProc", o.id()).put("evTypeProc", "INGEST")
                .put("outcome", done ? o.outcome() : "STARTED")
                .put("outDetail", "PROCESS_SIP_UNITARY." + (done ? o.outcome() : "STARTED"))
                .put("outMessg", done ? o.detail() : "Début du processus d'entrée du SIP : " + o.id())
                .put("agIdApp", "CT-000001").put("evIdAppSession", o.applicationId()).put("evIdReq", o.id())
                .put("obId", o.id()).put("obIdReq", (String) null).put("obIdIn", o.messageIdentifier());
        op.put("agIdExt", json.valueToTree(o.agencies()).toString());
        op.putArray("events");
        op.put("#tenant", o.tenant());
        return op;
    }

    private ObjectNode unitOrNotFound(int tenant, String id) {
        return store.unit(tenant, id, Instant.now()).orElseThrow(() -> new VitamSimException(404, "ACCESS",
                "Unité archivistique inconnue ou inaccessible : " + id + "."));
    }

    /** A POST is a search only with {@code X-Http-Method-Override: GET}; without it, it would be a mass update. */
    private static void overridden(String method, String override) {
        if ("POST".equals(method) && (override == null || !"GET".equalsIgnoreCase(override.strip()))) {
            throw new VitamSimException(412, "ACCESS", "Un POST de recherche doit porter l'en-tête "
                    + "X-Http-Method-Override: GET (la mise à jour de masse n'est pas simulée).");
        }
    }
}

package fr.acta.simulator.vitam;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /admin-external/v1/operations/{id}}: {@code HEAD} answers 202 while the operation runs and
 * 200 once it is completed, with {@code X-Global-Execution-State} and {@code -Status}; {@code GET}
 * adds the {@code ItemStatus} JSON.
 */
@RestController
@RequestMapping(VitamSimSecurity.PREFIX + "/admin-external/v1/operations")
@VitamSimEnabled
class VitamOperationController {

    private final VitamSimStore store;
    private final ObjectMapper json = new ObjectMapper();

    VitamOperationController(VitamSimStore store) {
        this.store = store;
    }

    @RequestMapping(path = "/{id}", method = RequestMethod.HEAD)
    ResponseEntity<Void> head(@RequestAttribute(VitamSimSecurity.TENANT) int tenant, @PathVariable String id) {
        VitamSimStore.Operation op = find(tenant, id);
        boolean done = op.completed(Instant.now());
        return ResponseEntity.status(done ? 200 : 202)
                .header("X-Global-Execution-State", done ? "COMPLETED" : "RUNNING")
                .header("X-Global-Execution-Status", done ? op.outcome() : "STARTED")
                .header("X-Context-Id", op.context()).build();
    }

    @RequestMapping(path = "/{id}", method = RequestMethod.GET)
    ResponseEntity<ObjectNode> get(@RequestAttribute(VitamSimSecurity.TENANT) int tenant, @PathVariable String id) {
        VitamSimStore.Operation op = find(tenant, id);
        boolean done = op.completed(Instant.now());
        ObjectNode item = json.createObjectNode();
        item.put("itemId", op.context());
        item.put("message", done ? op.detail() : "Processus d'entrée en cours");
        item.put("globalStatus", done ? op.outcome() : "STARTED");
        item.put("globalState", done ? "COMPLETED" : "RUNNING");
        item.putArray("statusMeter");
        item.putObject("itemsStatus");
        item.putObject("data").put("Context", op.context());
        ObjectNode body = VitamSimDsl.envelope(json, 1, 0, 1, json.createObjectNode());
        body.withArray("$results").add(item);
        return ResponseEntity.status(done ? 200 : 202)
                .header("X-Global-Execution-State", item.get("globalState").asText())
                .header("X-Global-Execution-Status", item.get("globalStatus").asText())
                .header("X-Context-Id", op.context()).body(body);
    }

    private VitamSimStore.Operation find(int tenant, String id) {
        return store.operation(tenant, id).orElseThrow(() -> new VitamSimException(404, "OPERATION",
                "Opération inconnue sur ce tenant : " + id + "."));
    }
}

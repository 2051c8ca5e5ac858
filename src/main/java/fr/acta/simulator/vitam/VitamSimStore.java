package fr.acta.simulator.vitam;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The simulated platform's state, in memory (a restart empties it): ingest operations with their
 * ATR, the units and objects of the accepted ones. An operation is {@code RUNNING} until its
 * completion time, then {@code COMPLETED}; its units are found only from then on.
 */
@Component
@VitamSimEnabled
class VitamSimStore {

    /** One ingest: its outcome is decided on receipt and shown once {@code completes} is past. */
    record Operation(String id, int tenant, String context, String applicationId, Instant started, Instant completes,
                     String messageIdentifier, String outcome, String detail, byte[] atr, byte[] manifest,
                     Map<String, String> agencies) {

        boolean completed(Instant now) {
            return !now.isBefore(completes);
        }
    }

    /** One binary object of a group, in one usage and version (e.g. {@code BinaryMaster_1}). */
    record StoredObject(String id, String groupId, String usage, byte[] bytes, String filename, String mimeType,
                        String algorithm, String digest) {
    }

    private final Map<String, Operation> operations = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> units = new ConcurrentHashMap<>();
    private final Map<String, List<StoredObject>> objects = new ConcurrentHashMap<>();

    void save(Operation operation, List<ObjectNode> newUnits, Map<String, List<StoredObject>> newObjects) {
        objects.putAll(newObjects);
        newUnits.forEach(u -> units.put(u.get("#id").asText(), u));
        operations.put(operation.id(), operation);
    }

    Optional<Operation> operation(int tenant, String id) {
        return Optional.ofNullable(operations.get(id)).filter(o -> o.tenant() == tenant);
    }

    /** The tenant's operations, newest first. */
    List<Operation> operations(int tenant) {
        return operations.values().stream().filter(o -> o.tenant() == tenant)
                .sorted(Comparator.comparing(Operation::started).reversed()).toList();
    }

    /** The tenant's units whose ingest is completed, in the order of their ids. */
    List<ObjectNode> units(int tenant, Instant now) {
        return units.values().stream()
                .filter(u -> u.path("#tenant").asInt(-1) == tenant)
                .filter(u -> operation(tenant, u.path("#opi").asText()).map(o -> o.completed(now)).orElse(false))
                .sorted(Comparator.comparing(u -> u.get("#id").asText())).toList();
    }

    Optional<ObjectNode> unit(int tenant, String id, Instant now) {
        return units(tenant, now).stream().filter(u -> u.get("#id").asText().equals(id)).findFirst();
    }

    List<StoredObject> group(String groupId) {
        return objects.getOrDefault(groupId, List.of());
    }
}

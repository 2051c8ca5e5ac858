package fr.acta.simulator.iparapheur;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One simulated folder and its circuit. Mutated only under the {@link SimFolders} lock. A task gets
 * its id when it becomes pending, as in the real PREMIS where upcoming tasks have none.
 */
final class SimFolder {

    enum Status { DRAFT, PENDING, FINISHED, REJECTED }

    /** An uploaded file. {@code id} is its PREMIS documentId. */
    record Document(String id, String name, String contentType, byte[] content, String sha256, boolean main) {
    }

    /** A step of the circuit, as it runs. */
    static final class Task {
        final String action;
        final String deskId;
        String taskId;
        Instant doneAt;
        boolean rejected;
        String annotation;

        Task(String action, String deskId) {
            this.action = action;
            this.deskId = deskId;
        }
    }

    final String id = UUID.randomUUID().toString();
    final String tenantId;
    final String originDeskId;
    final String name;
    final SimFixtures.Type type;
    final SimFixtures.Subtype subtype;
    final LocalDate dueDate;
    final Map<String, String> metadata;
    final List<Document> documents;
    final Instant createdAt;
    final String startTaskId = UUID.randomUUID().toString();
    final List<Task> tasks = new ArrayList<>();

    Status status = Status.DRAFT;
    Instant startedAt;
    String startAnnotation;
    int current = -1;
    String endTaskId;
    Instant lastTransition;

    SimFolder(String tenantId, String originDeskId, String name, SimFixtures.Type type, SimFixtures.Subtype subtype,
              LocalDate dueDate, Map<String, String> metadata, List<Document> documents, Instant now) {
        this.tenantId = tenantId;
        this.originDeskId = originDeskId;
        this.name = name;
        this.type = type;
        this.subtype = subtype;
        this.dueDate = dueDate;
        this.metadata = Map.copyOf(metadata);
        this.documents = List.copyOf(documents);
        this.createdAt = now;
        this.lastTransition = now;
        subtype.steps().forEach(s -> tasks.add(new Task(s.action(), s.deskId())));
    }

    void start(Instant now, String publicAnnotation) {
        status = Status.PENDING;
        startedAt = now;
        startAnnotation = publicAnnotation;
        current = 0;
        tasks.get(0).taskId = UUID.randomUUID().toString();
        lastTransition = now;
    }

    /** Performs the pending task; the last one leads to FINISHED with a pending ARCHIVE task. */
    void completeCurrent(Instant at) {
        Task task = tasks.get(current);
        task.doneAt = at;
        current++;
        if (current == tasks.size()) {
            status = Status.FINISHED;
            endTaskId = UUID.randomUUID().toString();
        } else {
            tasks.get(current).taskId = UUID.randomUUID().toString();
        }
        lastTransition = at;
    }

    /** Rejects at the pending task; leads to REJECTED with a pending DELETE task. */
    void reject(Instant at, String annotation) {
        Task task = tasks.get(current);
        task.doneAt = at;
        task.rejected = true;
        task.annotation = annotation;
        status = Status.REJECTED;
        endTaskId = UUID.randomUUID().toString();
        lastTransition = at;
    }

    /** The desk holding the pending task, or null. */
    String currentDeskId() {
        return status == Status.PENDING ? tasks.get(current).deskId : null;
    }

    long size() {
        return documents.stream().mapToLong(d -> d.content().length).sum();
    }
}

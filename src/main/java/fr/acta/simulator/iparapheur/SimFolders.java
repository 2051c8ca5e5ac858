package fr.acta.simulator.iparapheur;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;

/**
 * The simulated folders, in memory (lost on restart). With a step delay configured, folders move on
 * by themselves: each read first brings them up to date. A cap on the stored volume keeps a long-running
 * demo from exhausting memory.
 */
@Component
@SimulatorEnabled
class SimFolders {

    /** The folder lists of the API (State enum) that the simulator knows. */
    static final Set<String> STATES = Set.of("DRAFT", "LATE", "FINISHED", "CURRENT", "PENDING", "DELEGATED",
            "VALIDATED", "RETRIEVABLE", "UPCOMING", "REJECTED", "TRANSFERRED", "SECONDED", "BYPASSED", "DOWNSTREAM");
    static final long MAX_STORED_BYTES = 1L << 30;

    private final Map<String, SimFolder> folders = new LinkedHashMap<>();
    private final Duration stepDelay;
    private final Clock clock;

    @org.springframework.beans.factory.annotation.Autowired
    SimFolders(IparapheurSimulatorProperties properties) {
        this(properties, Clock.systemUTC());
    }

    SimFolders(IparapheurSimulatorProperties properties, Clock clock) {
        this.stepDelay = properties.stepDelay();
        this.clock = clock;
    }

    Instant now() {
        return clock.instant();
    }

    synchronized void add(SimFolder folder, boolean autoStart) {
        long stored = folders.values().stream().mapToLong(SimFolder::size).sum();
        if (stored + folder.size() > MAX_STORED_BYTES) {
            throw new SimException(507, "Le simulateur i-Parapheur a atteint sa capacité : supprimez des dossiers.");
        }
        if (autoStart) {
            folder.start(folder.createdAt, null);
        }
        folders.put(folder.id, folder);
    }

    /** The folder of this tenant, brought up to date, or 404. */
    synchronized SimFolder get(String tenantId, String folderId) {
        SimFolder folder = folders.get(folderId);
        if (folder == null || !folder.tenantId.equals(tenantId)) {
            throw new SimException(404, "Dossier introuvable : " + folderId);
        }
        advance(folder);
        return folder;
    }

    /** Reads or changes a folder under the lock. */
    synchronized <T> T with(String tenantId, String folderId, java.util.function.Function<SimFolder, T> action) {
        return action.apply(get(tenantId, folderId));
    }

    synchronized void delete(String tenantId, String folderId) {
        SimFolder folder = get(tenantId, folderId);
        if (folder.status == SimFolder.Status.PENDING) {
            throw new SimException(403, "Un dossier en cours ne peut pas être supprimé ici : seuls les brouillons, "
                    + "les dossiers rejetés et les dossiers terminés le peuvent.");
        }
        folders.remove(folderId);
    }

    /** One page of a desk's folders in a state, oldest first. */
    synchronized Page list(String tenantId, String deskId, String state, int page, int size) {
        Predicate<SimFolder> filter = filter(deskId, state);
        List<SimFolder> all = new ArrayList<>();
        for (SimFolder f : folders.values()) {
            if (f.tenantId.equals(tenantId)) {
                advance(f);
                if (filter.test(f)) {
                    all.add(f);
                }
            }
        }
        all.sort(Comparator.comparing(f -> f.createdAt));
        int from = (int) Math.min((long) page * size, all.size());
        int to = Math.min(from + size, all.size());
        return new Page(List.copyOf(all.subList(from, to)), all.size(), page, size);
    }

    record Page(List<SimFolder> content, int total, int page, int size) {
    }

    synchronized int count() {
        return folders.size();
    }

    private Predicate<SimFolder> filter(String deskId, String state) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Europe/Paris")));
        return switch (state) {
            case "DRAFT" -> f -> f.status == SimFolder.Status.DRAFT && f.originDeskId.equals(deskId);
            case "PENDING", "CURRENT" -> f -> deskId.equals(f.currentDeskId());
            case "LATE" -> f -> deskId.equals(f.currentDeskId()) && f.dueDate != null && f.dueDate.isBefore(today);
            case "RETRIEVABLE" -> f -> f.status == SimFolder.Status.PENDING && f.current == 0
                    && f.originDeskId.equals(deskId);
            case "DOWNSTREAM" -> f -> f.status != SimFolder.Status.DRAFT && (f.originDeskId.equals(deskId)
                    || f.tasks.stream().anyMatch(t -> t.doneAt != null && t.deskId.equals(deskId)));
            case "FINISHED" -> f -> f.status == SimFolder.Status.FINISHED && f.originDeskId.equals(deskId);
            case "REJECTED" -> f -> f.status == SimFolder.Status.REJECTED && f.originDeskId.equals(deskId);
            default -> f -> false; // states with no simulated content (delegation, transfer, second opinion…)
        };
    }

    /** With a step delay, completes every step whose time has come, each at its own instant. */
    private void advance(SimFolder folder) {
        if (stepDelay == null) {
            return;
        }
        Instant now = now();
        while (folder.status == SimFolder.Status.PENDING && !now.isBefore(folder.lastTransition.plus(stepDelay))) {
            folder.completeCurrent(folder.lastTransition.plus(stepDelay));
        }
    }
}

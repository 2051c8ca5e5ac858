package fr.acta.iparapheur;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A folder as the API describes it ({@code FolderRepresentation}). The caller records {@link #id()}
 * with its own state in one transaction: it is the only handle on the folder afterwards.
 *
 * @param dueDate the date part of the folder's due date, or null
 */
public record IparapheurFolder(String id, String name, LocalDate dueDate, Map<String, String> metadata) {

    public IparapheurFolder {
        metadata = metadata == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }
}

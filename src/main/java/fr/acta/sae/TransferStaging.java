package fr.acta.sae;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds each object of a manifest in the attachments and copies it to every storage location's
 * temporary folder, hashing it on the way; nothing is in place yet. An attachment whose name is
 * an object's {@code Uri} (or its last segment) is that object; any other attachment is opened as
 * a ZIP, tar or tar.gz whose entries are matched with the {@code Uri}s (as written, without their
 * first folder, or under {@code Content/}).
 */
final class TransferStaging implements AutoCloseable {

    /** What became of one object. */
    record Found(Manifest.DataObject object, ObjectStores.Staged staged, boolean tooLarge) {
    }

    private final ObjectStores stores;
    private final long maxTotal;
    private final Map<String, List<Manifest.DataObject>> byKey = new HashMap<>();
    private final Map<Manifest.DataObject, Found> found = new LinkedHashMap<>();
    private final List<String> unreadable = new ArrayList<>();
    private long total;

    TransferStaging(ObjectStores stores, long maxTotal) {
        this.stores = stores;
        this.maxTotal = maxTotal;
    }

    /** Stages every object of {@code manifest} found in {@code attachments} or in the manifest itself. */
    TransferStaging stage(Manifest manifest, List<IncomingFiles.Attachment> attachments) throws IOException {
        for (Manifest.DataObject o : manifest.objects()) {
            if (o.algorithm() == null) {
                continue;
            }
            if (o.inline() != null) {
                put(o, new ByteArrayInputStream(o.inline()));
            } else if (o.uri() != null) {
                byKey.computeIfAbsent(AttachmentReader.normalize(o.uri()), k -> new ArrayList<>()).add(o);
            }
        }
        for (IncomingFiles.Attachment a : attachments) {
            if (byKey.isEmpty() || found.size() == manifest.objects().size()) {
                break;
            }
            String name = a.name() == null ? "" : AttachmentReader.normalize(a.name());
            List<Manifest.DataObject> plain = plainMatch(name);
            if (plain != null) {
                try (InputStream in = Files.newInputStream(a.file())) {
                    stageAll(plain, in);
                }
                continue;
            }
            AttachmentReader.Kind kind = AttachmentReader.kind(a.file());
            if (kind == AttachmentReader.Kind.PLAIN) {
                continue;
            }
            try {
                AttachmentReader.read(a.file(), kind, (entry, content) -> {
                    List<Manifest.DataObject> objects = entryMatch(AttachmentReader.normalize(entry));
                    if (objects != null) {
                        stageAll(objects, content);
                    }
                });
            } catch (AttachmentReader.UnreadableException e) {
                unreadable.add("« " + (a.name() == null || a.name().isBlank() ? "attachments" : a.name()) + " » : "
                        + (e.getMessage() == null ? "archive endommagée" : e.getMessage()));
            }
        }
        return this;
    }

    Map<Manifest.DataObject, Found> found() {
        return found;
    }

    List<String> unreadable() {
        return unreadable;
    }

    private List<Manifest.DataObject> plainMatch(String name) {
        if (name.isEmpty()) {
            return null;
        }
        List<Manifest.DataObject> exact = byKey.get(name);
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<String, List<Manifest.DataObject>> e : byKey.entrySet()) {
            String key = e.getKey();
            if (key.substring(key.lastIndexOf('/') + 1).equals(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    private List<Manifest.DataObject> entryMatch(String entry) {
        List<Manifest.DataObject> objects = byKey.get(entry);
        if (objects == null && entry.indexOf('/') > 0) {
            objects = byKey.get(entry.substring(entry.indexOf('/') + 1));
        }
        if (objects == null) {
            objects = byKey.get("Content/" + entry);
        }
        return objects;
    }

    private void stageAll(List<Manifest.DataObject> objects, InputStream in) throws IOException {
        if (objects.stream().allMatch(found::containsKey)) {
            return;
        }
        Manifest.DataObject first = objects.get(0);
        Found result = put(first, in);
        for (Manifest.DataObject other : objects) {
            found.putIfAbsent(other, new Found(other, result.staged(), result.tooLarge()));
        }
    }

    private Found put(Manifest.DataObject o, InputStream in) throws IOException {
        long limit = maxTotal - total;
        if (o.size() != null) {
            limit = Math.min(limit, o.size());
        }
        Found result;
        try {
            ObjectStores.Staged staged = stores.stage(in, o.algorithm(), limit);
            total += staged.size();
            result = new Found(o, staged, false);
        } catch (ObjectStores.TooLargeException e) {
            result = new Found(o, null, true);
        }
        found.put(o, result);
        return result;
    }

    /** Removes every temporary copy (those placed were moved, so their temporary files are gone). */
    @Override
    public void close() {
        found.values().stream().map(Found::staged).filter(s -> s != null).distinct().forEach(stores::discard);
    }
}

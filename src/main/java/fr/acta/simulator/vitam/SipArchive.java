package fr.acta.simulator.vitam;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The files of a SIP sent as a ZIP: the manifest at the root (Vitam's name rule:
 * {@code manifest.xml} or {@code xxx_manifest.xml}, exactly one) and one content folder. Entry names
 * that climb out of the archive are refused, and so is a ZIP that expands beyond the limit.
 */
record SipArchive(String manifestName, byte[] manifest, String contentFolder, Map<String, byte[]> files) {

    private static final Pattern MANIFEST = Pattern.compile("^([a-zA-Z0-9_\\-]{0,56}[_-]){0,1}manifest\\.xml$");

    /** A SIP the simulator refuses, with the workflow step that failed and a French reason. */
    static final class Refusal extends Exception {
        final String step;

        Refusal(String step, String message) {
            super(message, null, false, false);
            this.step = step;
        }
    }

    static SipArchive read(byte[] zip, long maxExpanded) throws Refusal {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        long total = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                String name = entry.getName().replace('\\', '/');
                if (name.startsWith("/") || name.contains("../") || name.equals("..") || name.contains(":")) {
                    throw new Refusal("CHECK_CONTAINER", "Le SIP contient un chemin interdit : " + name + ".");
                }
                if (entry.isDirectory()) {
                    continue;
                }
                byte[] bytes = readLimited(in, maxExpanded - total);
                total += bytes.length;
                entries.put(name, bytes);
            }
        } catch (IOException e) {
            throw new Refusal("CHECK_CONTAINER", "Le SIP n'est pas une archive ZIP lisible : " + e.getMessage());
        }
        if (entries.isEmpty()) {
            throw new Refusal("CHECK_CONTAINER", "Le SIP n'est pas une archive ZIP ou il est vide.");
        }
        List<String> manifests = entries.keySet().stream()
                .filter(n -> !n.contains("/") && MANIFEST.matcher(n).matches()).toList();
        if (manifests.isEmpty()) {
            throw new Refusal("CHECK_MANIFEST", "Le SIP ne contient pas de bordereau (manifest.xml) à sa racine.");
        }
        if (manifests.size() > 1) {
            throw new Refusal("CHECK_MANIFEST", "Le SIP contient plusieurs bordereaux : " + manifests + ".");
        }
        List<String> folders = new ArrayList<>();
        for (String name : entries.keySet()) {
            if (name.equals(manifests.get(0))) {
                continue;
            }
            int slash = name.indexOf('/');
            if (slash < 0) {
                throw new Refusal("CHECK_CONTENT", "Le fichier " + name + " est à la racine du SIP, hors du dossier "
                        + "de contenu.");
            }
            String folder = name.substring(0, slash);
            if (!folders.contains(folder)) {
                folders.add(folder);
            }
        }
        if (folders.size() > 1) {
            throw new Refusal("CHECK_CONTENT", "Le SIP contient plusieurs dossiers de contenu : " + folders + ".");
        }
        Map<String, byte[]> files = new LinkedHashMap<>(entries);
        byte[] manifest = files.remove(manifests.get(0));
        return new SipArchive(manifests.get(0), manifest, folders.isEmpty() ? null : folders.get(0), files);
    }

    private static byte[] readLimited(InputStream in, long limit) throws IOException, Refusal {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) > 0) {
            if (out.size() + (long) n > limit) {
                throw new Refusal("CHECK_CONTAINER", "Le SIP décompressé dépasse la taille admise.");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }
}

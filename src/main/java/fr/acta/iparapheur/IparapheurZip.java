package fr.acta.iparapheur;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads the ZIP of a folder as the i-Parapheur v5 lays it out: {@code i_Parapheur_internal_premis.xml}
 * at the root, {@code Documents principaux/<file>} (signed main documents and detached signatures),
 * {@code Annexes/<file>}, and {@code <folder name>_bordereau.pdf} at the root. Files are matched to
 * the PREMIS file objects by their {@code originalName}. Everything stays in memory; sizes are bounded.
 */
final class IparapheurZip {

    static final String PREMIS = "i_Parapheur_internal_premis.xml";
    static final String MAIN_FOLDER = "Documents principaux/";
    static final String ANNEX_FOLDER = "Annexes/";
    static final String BORDEREAU_SUFFIX = "_bordereau.pdf";

    private static final int MAX_ENTRIES = 2_000;
    private static final long MAX_TOTAL_BYTES = 1L << 30;

    private IparapheurZip() {
    }

    static SignedFolder read(byte[] zip) {
        Map<String, byte[]> entries = unzip(zip);
        byte[] premisXml = entries.remove(PREMIS);
        if (premisXml == null) {
            throw protocol("L'archive du i-Parapheur ne contient pas le fichier PREMIS (" + PREMIS + ").");
        }
        Premis.Content premis = Premis.read(premisXml);
        if (premis.folderName() == null) {
            throw protocol("Le PREMIS de l'archive ne donne pas le nom du dossier.");
        }
        List<String> warnings = new ArrayList<>();
        List<SignedDocument> main = new ArrayList<>();
        List<SignedDocument> annexes = new ArrayList<>();
        for (Premis.FileObject f : premis.files()) {
            if (f.originalName() == null) {
                warnings.add("Un fichier du PREMIS n'a pas de nom ; il est ignoré.");
                continue;
            }
            String path = (f.main() ? MAIN_FOLDER : ANNEX_FOLDER) + f.originalName();
            byte[] content = entries.remove(path);
            if (content == null && !f.main()) {
                content = entries.remove(MAIN_FOLDER + f.originalName()); // multi-document folders
            }
            if (content == null) {
                if (f.main()) {
                    throw protocol("L'archive du i-Parapheur ne contient pas le document principal « "
                            + f.originalName() + " ».");
                }
                warnings.add("L'annexe « " + f.originalName() + " » décrite par le PREMIS manque dans l'archive.");
                continue;
            }
            String sha = sha256(content);
            Boolean fixity = f.sha256() == null ? null : f.sha256().equals(sha);
            if (Boolean.FALSE.equals(fixity)) {
                warnings.add("L'empreinte SHA-256 de « " + f.originalName() + " » ne correspond pas à celle du PREMIS.");
            }
            (f.main() ? main : annexes).add(new SignedDocument(f.originalName(), content, sha, fixity));
        }
        if (main.isEmpty()) {
            throw protocol("Le PREMIS de l'archive ne décrit aucun document principal.");
        }
        List<SignedDocument> detached = new ArrayList<>();
        SignedDocument bordereau = null;
        byte[] expected = entries.remove(premis.folderName().replace('/', '_') + BORDEREAU_SUFFIX);
        if (expected != null) {
            bordereau = document(premis.folderName() + BORDEREAU_SUFFIX, expected);
        }
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            String name = e.getKey();
            if (name.startsWith(MAIN_FOLDER) && name.indexOf('/', MAIN_FOLDER.length()) < 0) {
                detached.add(document(name.substring(MAIN_FOLDER.length()), e.getValue()));
            } else if (bordereau == null && name.indexOf('/') < 0 && name.endsWith(BORDEREAU_SUFFIX)) {
                bordereau = document(name, e.getValue());
            } else {
                warnings.add("Fichier inattendu dans l'archive : « " + name + " ».");
            }
        }
        if (bordereau == null) {
            warnings.add("L'archive ne contient pas de bordereau de signature.");
        }
        String folderId = premis.folderId();
        return new SignedFolder(folderId, premis.folderName(), premis.metadata(),
                FolderStatus.of(folderId, premis.events()), main, annexes, detached, bordereau, premisXml, zip,
                sha256(zip), warnings);
    }

    private static Map<String, byte[]> unzip(byte[] zip) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        long total = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (entries.size() >= MAX_ENTRIES) {
                    throw protocol("L'archive du i-Parapheur contient trop de fichiers.");
                }
                String name = entry.getName().replace('\\', '/');
                if (entry.isDirectory() || name.endsWith("/")) {
                    continue;
                }
                if (name.startsWith("/") || name.contains("../") || name.startsWith("..")) {
                    throw protocol("L'archive du i-Parapheur contient un chemin invalide : « " + name + " ».");
                }
                byte[] content = readBounded(in, MAX_TOTAL_BYTES - total);
                total += content.length;
                if (entries.put(name, content) != null) {
                    throw protocol("L'archive du i-Parapheur contient deux fois « " + name + " ».");
                }
            }
        } catch (IOException e) {
            throw new IparapheurException(IparapheurException.Kind.PROTOCOL, 0,
                    "L'archive reçue du i-Parapheur est illisible : " + e.getMessage(), e);
        }
        if (entries.isEmpty() && zip.length > 0) {
            throw protocol("Le fichier reçu du i-Parapheur n'est pas une archive ZIP.");
        }
        return entries;
    }

    private static byte[] readBounded(InputStream in, long remaining) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        int n;
        while ((n = in.read(buffer)) > 0) {
            if (out.size() + (long) n > remaining) {
                throw protocol("L'archive du i-Parapheur dépasse la taille acceptée une fois décompressée.");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static SignedDocument document(String name, byte[] content) {
        return new SignedDocument(name, content, sha256(content), null);
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static IparapheurException protocol(String message) {
        return new IparapheurException(IparapheurException.Kind.PROTOCOL, 0, message);
    }
}

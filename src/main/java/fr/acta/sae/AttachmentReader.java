package fr.acta.sae;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Reads the files of a transfer's {@code attachments}: a ZIP, a tar or a tar.gz holding the
 * package's files (as As@lae clients send them), or a plain file. Entry names are only compared
 * with the manifest's {@code Uri}s; nothing is ever written under an entry's name.
 */
final class AttachmentReader {

    /** Receives one file of the attachments; {@code content} is only valid during the call. */
    interface EntryHandler {
        void entry(String name, InputStream content) throws IOException;
    }

    /** The attachments are neither a readable archive nor a file the manifest names. */
    static final class UnreadableException extends IOException {
        UnreadableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private AttachmentReader() {
    }

    enum Kind { ZIP, TAR, TAR_GZ, PLAIN }

    static Kind kind(Path file) throws IOException {
        byte[] head = new byte[512];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        if (n >= 4 && head[0] == 'P' && head[1] == 'K' && (head[2] == 3 || head[2] == 5) && (head[3] == 4 || head[3] == 6)) {
            return Kind.ZIP;
        }
        if (n >= 2 && (head[0] & 0xFF) == 0x1F && (head[1] & 0xFF) == 0x8B) {
            return Kind.TAR_GZ;
        }
        if (n >= 262 && new String(head, 257, 5, java.nio.charset.StandardCharsets.ISO_8859_1).equals("ustar")) {
            return Kind.TAR;
        }
        return Kind.PLAIN;
    }

    /**
     * Each file of the archive {@code file}, in its order. A damaged archive (structure or
     * compressed data) is an {@link UnreadableException}; what the handler throws otherwise (a
     * write that failed, a file too large) comes out as it is.
     */
    static void read(Path file, Kind kind, EntryHandler handler) throws IOException {
        EntryHandler guarded = (name, content) -> handler.entry(name, new Guarded(content));
        try {
            switch (kind) {
                case ZIP -> zip(file, guarded);
                case TAR -> tar(new BufferedInputStream(Files.newInputStream(file)), guarded);
                case TAR_GZ -> tar(new GzipCompressorInputStream(new BufferedInputStream(Files.newInputStream(file))),
                        guarded);
                case PLAIN -> throw new IllegalArgumentException("not an archive");
            }
        } catch (HandlerFailure e) {
            throw e.getCause();
        } catch (IOException | RuntimeException e) {
            if (e instanceof UnreadableException u) {
                throw u;
            }
            throw new UnreadableException(e.getMessage(), e);
        }
    }

    private static void zip(Path file, EntryHandler handler) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (!entry.isDirectory()) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        call(handler, entry.getName(), in);
                    }
                }
            }
        }
    }

    private static void tar(InputStream raw, EntryHandler handler) throws IOException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(raw)) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                if (entry.isFile()) {
                    call(handler, entry.getName(), tar);
                }
            }
        }
    }

    private static void call(EntryHandler handler, String name, InputStream in) {
        try {
            handler.entry(name, in);
        } catch (IOException e) {
            throw new HandlerFailure(e);
        }
    }

    /** What the handler threw, carried through the archive reading untouched. */
    private static final class HandlerFailure extends RuntimeException {
        HandlerFailure(IOException cause) {
            super(cause);
        }

        @Override
        public synchronized IOException getCause() {
            return (IOException) super.getCause();
        }
    }

    /** An entry's content whose read failures (corrupt data) are {@link UnreadableException}s. */
    private static final class Guarded extends java.io.FilterInputStream {
        Guarded(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (IOException e) {
                throw new UnreadableException(e.getMessage(), e);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return super.read(b, off, len);
            } catch (IOException e) {
                throw new UnreadableException(e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            // the archive closes its entries
        }
    }

    /**
     * An entry name or {@code Uri} reduced for comparison: forward slashes, no leading {@code ./}
     * or {@code /}, percent-escapes decoded.
     */
    static String normalize(String name) {
        String n = name.replace('\\', '/').strip();
        while (n.startsWith("./") || n.startsWith("/")) {
            n = n.startsWith("./") ? n.substring(2) : n.substring(1);
        }
        if (n.contains("%")) {
            try {
                n = java.net.URLDecoder.decode(n.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
            } catch (IllegalArgumentException ignored) {
                // not an escape sequence: keep the name as written
            }
        }
        return n;
    }
}

package fr.acta.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.springframework.stereotype.Component;

/**
 * Tells what a file really is, from its bytes and never from its name, and whether it is sound:
 * a PDF must open with PDFBox, be unencrypted, complete (ends with %%EOF) and carry nothing after
 * its end (a PDF/ZIP polyglot is refused); an XML file must be well-formed (no DTD); an image must
 * decode.
 */
@Component
public class DocumentInspector {

    public static final String PDF = "application/pdf";
    public static final String XML = "application/xml";
    public static final String PNG = "image/png";
    public static final String JPEG = "image/jpeg";

    private static final byte[] ZIP_END = {'P', 'K', 5, 6};
    private static final byte[] ZIP_LOCAL = {'P', 'K', 3, 4};
    /** Larger than an A3 page scanned at 600 dpi; bounds the time spent decoding an image. */
    private static final long MAX_IMAGE_PIXELS = 200_000_000L;
    /** Pixels kept in memory while an image is decoded to check it. */
    private static final long MAX_DECODED_PIXELS = 4_000_000L;

    private final Detector detector;
    private final MediaTypeRegistry registry;
    private final XMLInputFactory xmlInputFactory;

    DocumentInspector() {
        TikaConfig config = TikaConfig.getDefaultConfig();
        this.detector = config.getMimeRepository();
        this.registry = config.getMediaTypeRegistry();
        this.xmlInputFactory = XMLInputFactory.newFactory();
        xmlInputFactory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        xmlInputFactory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    }

    /** The media type read from the content: one of the four Acta knows, or the raw detected type. */
    public String detect(Path file) throws IOException {
        if (Files.size(file) == 0) {
            return "application/x-empty";
        }
        MediaType type;
        try (InputStream in = TikaInputStream.get(file)) {
            type = detector.detect(in, new Metadata());
        }
        if (type.equals(MediaType.application("pdf"))) {
            return PDF;
        }
        if (type.equals(MediaType.image("png"))) {
            return PNG;
        }
        if (type.equals(MediaType.image("jpeg"))) {
            return JPEG;
        }
        if (registry.isInstanceOf(type, MediaType.APPLICATION_XML)) {
            return XML;
        }
        return type.toString();
    }

    /** Checks the soundness of a file of the given detected type; the problem in French, if any. */
    public Optional<String> problem(Path file, String mediaType) {
        try {
            return switch (mediaType) {
                case PDF -> pdfProblem(file);
                case XML -> xmlProblem(file);
                case PNG, JPEG -> imageProblem(file);
                default -> Optional.of("Format de fichier non accepté.");
            };
        } catch (IOException e) {
            return Optional.of("Fichier illisible.");
        }
    }

    private Optional<String> pdfProblem(Path file) throws IOException {
        byte[] tail = tail(file, 65_557);
        int eof = lastIndexOf(tail, "%%EOF".getBytes(StandardCharsets.US_ASCII));
        if (eof < 0) {
            return Optional.of("Le PDF est tronqué ou incomplet (marqueur de fin absent).");
        }
        for (int i = eof + 5; i < tail.length; i++) {
            if (!Character.isWhitespace(tail[i]) && tail[i] != 0) {
                return Optional.of("Le PDF contient des données après sa fin (fichier polyglotte) : refusé.");
            }
        }
        if (lastIndexOf(tail, ZIP_END) >= 0 || containsZipEntryAfterHeader(file)) {
            return Optional.of("Le PDF contient une archive ZIP cachée (fichier polyglotte) : refusé.");
        }
        try (PDDocument pdf = Loader.loadPDF(new RandomAccessReadBufferedFile(file.toFile()))) {
            if (pdf.isEncrypted()) {
                return Optional.of("Le PDF est chiffré ou protégé : les documents transmis ne doivent pas être verrouillés.");
            }
            if (pdf.getNumberOfPages() == 0) {
                return Optional.of("Le PDF ne contient aucune page.");
            }
        } catch (InvalidPasswordException e) {
            return Optional.of("Le PDF est protégé par un mot de passe : les documents transmis ne doivent pas être verrouillés.");
        } catch (IOException | RuntimeException e) {
            return Optional.of("Le PDF est illisible ou corrompu.");
        }
        return Optional.empty();
    }

    /** A ZIP local header at the very start of the file after the PDF header is a polyglot too. */
    private static boolean containsZipEntryAfterHeader(Path file) throws IOException {
        byte[] head = new byte[(int) Math.min(Files.size(file), 4096)];
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            raf.readFully(head);
        }
        return lastIndexOf(head, ZIP_LOCAL) >= 0;
    }

    private Optional<String> xmlProblem(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader reader = xmlInputFactory.createXMLStreamReader(in);
            try {
                while (reader.hasNext()) {
                    if (reader.next() == XMLStreamReader.DTD) {
                        return Optional.of("Le fichier XML ne doit pas contenir de DTD.");
                    }
                }
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            return Optional.of("Le fichier XML est mal formé.");
        }
        return Optional.empty();
    }

    private Optional<String> imageProblem(Path file) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            var readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return Optional.of("L'image est illisible.");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels <= 0) {
                    return Optional.of("L'image est vide.");
                }
                if (pixels > MAX_IMAGE_PIXELS) {
                    return Optional.of("L'image est trop grande (plus de " + MAX_IMAGE_PIXELS / 1_000_000
                            + " millions de pixels).");
                }
                // Decode every byte, keeping only a subsample in memory: a truncated or corrupt image
                // fails, or (JPEG) makes the decoder warn that it filled in what was missing.
                ImageReadParam param = reader.getDefaultReadParam();
                int step = (int) Math.ceil(Math.sqrt((double) pixels / MAX_DECODED_PIXELS));
                param.setSourceSubsampling(step, step, 0, 0);
                List<String> warnings = new ArrayList<>();
                reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
                reader.read(0, param);
                if (!warnings.isEmpty()) {
                    return Optional.of("L'image est illisible ou corrompue.");
                }
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return Optional.of("L'image est illisible ou corrompue.");
        }
        return Optional.empty();
    }

    private static byte[] tail(Path file, int max) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long length = raf.length();
            int n = (int) Math.min(length, max);
            byte[] bytes = new byte[n];
            raf.seek(length - n);
            raf.readFully(bytes);
            return bytes;
        }
    }

    private static int lastIndexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = data.length - pattern.length; i >= 0; i--) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}

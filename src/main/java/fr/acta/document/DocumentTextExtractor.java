package fr.acta.document;

import java.io.InputStream;
import java.util.UUID;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Extracts the text of an act's documents for the archive's full-text search, off the request
 * path (the lifecycle runs it as an asynchronous service task). Idempotent: a document whose text
 * is already extracted is skipped, so a replayed job does nothing twice.
 */
@Service
public class DocumentTextExtractor {

    private static final Logger log = LoggerFactory.getLogger(DocumentTextExtractor.class);
    private static final int MAX_CHARS = 5_000_000;

    private final ActDocumentRepository documents;
    private final DocumentStore store;
    private final AutoDetectParser parser = new AutoDetectParser();

    DocumentTextExtractor(ActDocumentRepository documents, DocumentStore store) {
        this.documents = documents;
        this.store = store;
    }

    @Transactional
    public int extractForAct(UUID actId, String tenantCode) {
        int done = 0;
        for (ActDocument doc : documents.findByActIdAndTextExtractedFalse(actId)) {
            doc.extracted(extract(tenantCode, doc));
            done++;
        }
        return done;
    }

    private String extract(String tenantCode, ActDocument doc) {
        if (doc.getMediaType().startsWith("image/")) {
            return "";
        }
        BodyContentHandler handler = new BodyContentHandler(MAX_CHARS);
        Metadata metadata = new Metadata();
        metadata.set(Metadata.CONTENT_TYPE, doc.getMediaType());
        try (InputStream in = store.open(tenantCode, doc.getSha256())) {
            parser.parse(in, handler, metadata, new ParseContext());
        } catch (Exception e) {
            // A text we cannot read is recorded as empty: the document itself was checked at intake.
            log.warn("Text extraction failed for document {}: {}", doc.getId(), e.toString());
        }
        return handler.toString().replace('\u0000', ' ').strip();
    }
}

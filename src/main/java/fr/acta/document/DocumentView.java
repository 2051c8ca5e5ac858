package fr.acta.document;

import java.util.UUID;

/** A current document of an act, as the API shows it. */
public record DocumentView(UUID id, String name, String mediaType, long size, String sha256, DocumentRole role,
                           String typeCode) {

    static DocumentView of(ActDocument d) {
        return new DocumentView(d.getId(), d.getName(), d.getMediaType(), d.getSize(), d.getSha256(), d.getRole(),
                d.getTypeCode());
    }
}

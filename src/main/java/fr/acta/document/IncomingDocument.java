package fr.acta.document;

/** A checked file waiting to be attached to an act, with its typologie code (e.g. {@code 99_DE}). */
public record IncomingDocument(StagedFile file, DocumentRole role, int position, String typeCode) {
}

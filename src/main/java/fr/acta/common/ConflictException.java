package fr.acta.common;

/** A request that cannot be carried out in the current state of the record (409). */
public class ConflictException extends RuntimeException {
    public ConflictException(String detail) {
        super(detail);
    }
}

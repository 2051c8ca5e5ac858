package fr.acta.common;

/**
 * A record that does not exist for the caller. Also used when the record exists in another
 * collectivité: the answer must not reveal it.
 */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String detail) {
        super(detail);
    }
}

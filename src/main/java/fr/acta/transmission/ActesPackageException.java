package fr.acta.transmission;

/**
 * A package Acta built does not meet the ACTES schema (or could not be written). Nothing is
 * returned: such a package must never reach the préfecture. The message names the file and the
 * schema's complaint.
 */
public class ActesPackageException extends RuntimeException {

    public ActesPackageException(String message) {
        super(message);
    }

    public ActesPackageException(String message, Throwable cause) {
        super(message, cause);
    }
}

package fr.acta.archiving;

/** The archive refused the request itself for good (authentication, a malformed request…): no retry. */
class ArchiveRefusedException extends RuntimeException {

    ArchiveRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}

package fr.acta.transmission;

/**
 * A message from the préfecture that cannot be read: not XML, or refused for safety (a DTD, hence
 * possible entity expansion or external entities). The message is in French.
 */
public class PrefectureMessageException extends RuntimeException {

    private final boolean unsafe;

    public PrefectureMessageException(String message, boolean unsafe, Throwable cause) {
        super(message, cause);
        this.unsafe = unsafe;
    }

    /** Whether the document was refused for carrying a DTD or entities, rather than for being unreadable. */
    public boolean unsafe() {
        return unsafe;
    }
}

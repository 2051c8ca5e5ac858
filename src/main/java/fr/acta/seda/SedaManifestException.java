package fr.acta.seda;

import java.util.List;

/**
 * A manifest Acta wrote does not meet the official SEDA schema of its version (or could not be
 * written). Nothing is returned: such a transfer must never reach the archive. The message names
 * every complaint with its line and column.
 */
public class SedaManifestException extends RuntimeException {

    private final transient List<Problem> problems;

    SedaManifestException(String message, List<Problem> problems) {
        super(message);
        this.problems = List.copyOf(problems);
    }

    SedaManifestException(String message, Throwable cause) {
        super(message, cause);
        this.problems = List.of();
    }

    /** The schema's complaints, in document order. */
    public List<Problem> problems() {
        return problems;
    }

    /** One complaint of the schema validator. */
    public record Problem(int line, int column, String message) {
        @Override
        public String toString() {
            return "ligne " + line + ", colonne " + column + " : " + message;
        }
    }
}

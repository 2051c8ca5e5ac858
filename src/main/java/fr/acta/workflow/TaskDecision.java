package fr.acta.workflow;

/**
 * The body of a decision on a task: {@code VISA} (or {@code APPROVE}), {@code SIGN} or
 * {@code REJECT}; a public annotation (required to reject), a private one (seen by the desk only),
 * and the signer's password to unlock a server-held key.
 */
public record TaskDecision(String decision, String annotation, String privateAnnotation, String password) {
}

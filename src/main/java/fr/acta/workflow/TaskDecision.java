package fr.acta.workflow;

/** The body of a decision on a task: {@code APPROVE} (or {@code VISA}) or {@code REJECT}, with an annotation. */
public record TaskDecision(String decision, String annotation) {
}

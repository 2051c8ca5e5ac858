package fr.acta.common;

/** One faulty field of a request, with a French message for the user. */
public record FieldViolation(String field, String message) {
}

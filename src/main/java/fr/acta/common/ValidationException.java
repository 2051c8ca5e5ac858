package fr.acta.common;

import java.util.List;

/** A request that breaks one or more rules; rendered as 400 (or the given status) problem+json. */
public class ValidationException extends RuntimeException {

    private final List<FieldViolation> violations;
    private final int status;

    public ValidationException(String detail, List<FieldViolation> violations) {
        this(400, detail, violations);
    }

    public ValidationException(int status, String detail, List<FieldViolation> violations) {
        super(detail);
        this.status = status;
        this.violations = List.copyOf(violations);
    }

    public static ValidationException of(String field, String message) {
        return new ValidationException(message, List.of(new FieldViolation(field, message)));
    }

    public List<FieldViolation> violations() {
        return violations;
    }

    public int status() {
        return status;
    }
}

package fr.acta.transmission;

/** S²LOW answered {@code KO}: the request was understood and refused. Carries S²LOW's own message. */
public class S2lowRefusalException extends S2lowException {

    private final String s2lowMessage;

    public S2lowRefusalException(String action, String s2lowMessage) {
        super(Kind.REFUSED, 200, "S²LOW a refusé " + action + " : " + (s2lowMessage == null || s2lowMessage.isBlank()
                ? "(sans message)" : s2lowMessage));
        this.s2lowMessage = s2lowMessage == null ? "" : s2lowMessage;
    }

    /** The text S²LOW gave after {@code KO}, decoded, HTML entities resolved. */
    public String s2lowMessage() {
        return s2lowMessage;
    }
}

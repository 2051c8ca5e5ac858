package fr.acta.act;

import java.util.Arrays;
import java.util.Optional;

/** The @ctes natures of acts: numeric code in XML, two letters in file names and IDActe. */
public enum Nature {
    DE("1"), AR("2"), AI("3"), CC("4"), BF("5"), AU("6");

    private final String code;

    Nature(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<Nature> parse(String value) {
        return Arrays.stream(values()).filter(n -> n.name().equals(value) || n.code.equals(value)).findFirst();
    }
}

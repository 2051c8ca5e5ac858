package fr.acta.seda;

import java.util.Arrays;
import java.util.Optional;

/** The SEDA versions Acta writes; each has its own namespace and official schema. */
public enum SedaVersion {
    V2_1("2.1"), V2_2("2.2"), V2_3("2.3");

    private final String label;

    SedaVersion(String label) {
        this.label = label;
    }

    /** {@code 2.1}, {@code 2.2} or {@code 2.3}. */
    public String label() {
        return label;
    }

    /** The manifest's namespace, e.g. {@code fr:gouv:culture:archivesdefrance:seda:v2.2}. */
    public String namespace() {
        return "fr:gouv:culture:archivesdefrance:seda:v" + label;
    }

    /** The class-path location of the version's main schema. */
    String mainSchema() {
        return "/schemas/seda/" + label + "/seda-" + label + "-main.xsd";
    }

    /** The version whose namespace is {@code namespace}, if it is one of the three. */
    public static Optional<SedaVersion> ofNamespace(String namespace) {
        return Arrays.stream(values()).filter(v -> v.namespace().equals(namespace)).findFirst();
    }

    /** Parses {@code 2.2}, {@code V2_2} or {@code v2.2}. */
    public static Optional<SedaVersion> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.strip();
        return Arrays.stream(values())
                .filter(s -> s.label.equals(v) || s.name().equalsIgnoreCase(v) || ("v" + s.label).equalsIgnoreCase(v))
                .findFirst();
    }
}

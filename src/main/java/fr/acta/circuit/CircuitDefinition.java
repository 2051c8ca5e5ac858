package fr.acta.circuit;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.List;

/**
 * A circuit as the lifecycle runs it: its steps in order, each naming the desks that act; or, for a
 * circuit carried out in the i-Parapheur, no steps and the i-Parapheur's type and sous-type.
 *
 * @param engine     who carries it out (ACTA when absent, e.g. in a plan frozen before engines existed)
 * @param iparapheur the i-Parapheur's type and sous-type, for engine IPARAPHEUR only
 */
public record CircuitDefinition(String code, String name, List<String> natures, String signatureLevel, int revision,
                                List<Step> steps, CircuitEngine engine, Iparapheur iparapheur) {

    @JsonCreator
    public CircuitDefinition {
        engine = engine == null ? CircuitEngine.ACTA : engine;
        steps = steps == null ? List.of() : steps;
    }

    public CircuitDefinition(String code, String name, List<String> natures, String signatureLevel, int revision,
                             List<Step> steps) {
        this(code, name, natures, signatureLevel, revision, steps, CircuitEngine.ACTA, null);
    }

    public record Step(int position, StepKind kind, ParallelRule rule, List<DeskRef> desks) {
    }

    public record DeskRef(String code, String name, String quality) {
    }

    /** The i-Parapheur's type and sous-type (ids or names) of the folders of an external circuit. */
    public record Iparapheur(String type, String subtype) {
    }

    /** Whether an act of this nature may follow the circuit (no list means every nature). */
    public boolean accepts(String nature) {
        return natures.isEmpty() || natures.contains(nature);
    }

    /** Whether the collectivité's i-Parapheur carries the circuit out. */
    public boolean external() {
        return engine == CircuitEngine.IPARAPHEUR;
    }
}

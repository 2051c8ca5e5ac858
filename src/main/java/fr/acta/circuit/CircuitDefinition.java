package fr.acta.circuit;

import java.util.List;

/** A circuit as the lifecycle runs it: its steps in order, each naming the desks that act. */
public record CircuitDefinition(String code, String name, List<String> natures, String signatureLevel, int revision,
                                List<Step> steps) {

    public record Step(int position, StepKind kind, ParallelRule rule, List<DeskRef> desks) {
    }

    public record DeskRef(String code, String name, String quality) {
    }

    /** Whether an act of this nature may follow the circuit (no list means every nature). */
    public boolean accepts(String nature) {
        return natures.isEmpty() || natures.contains(nature);
    }
}

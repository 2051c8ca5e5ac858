package fr.acta.circuit;

import java.util.List;

/** A circuit as the lifecycle runs it: its steps in order, each naming the desk that acts. */
public record CircuitDefinition(String code, String name, List<Step> steps) {

    public record Step(int position, StepKind kind, String deskCode, String deskName) {
    }
}

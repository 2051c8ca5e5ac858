package fr.acta.circuit;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

@Embeddable
class CircuitStep {

    @Enumerated(EnumType.STRING)
    private StepKind kind;
    @Enumerated(EnumType.STRING)
    @Column(name = "parallel_rule")
    private ParallelRule parallelRule;

    protected CircuitStep() {
    }

    CircuitStep(StepKind kind, ParallelRule parallelRule) {
        this.kind = kind;
        this.parallelRule = parallelRule;
    }

    StepKind getKind() { return kind; }
    ParallelRule getParallelRule() { return parallelRule; }
}

package fr.acta.circuit;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The bodies of the administration API of circuits, desks and delegations. */
public final class CircuitSpecs {

    private CircuitSpecs() {
    }

    /**
     * A circuit as an administrator writes it: steps for Acta's own parapheur, or {@code engine}
     * IPARAPHEUR with the i-Parapheur's type and sous-type and no steps.
     */
    public record CircuitSpec(String name, List<String> natures, String signatureLevel, List<StepSpec> steps,
                              CircuitEngine engine, IparapheurSpec iparapheur) {

        public CircuitSpec(String name, List<String> natures, String signatureLevel, List<StepSpec> steps) {
            this(name, natures, signatureLevel, steps, null, null);
        }
    }

    /** The i-Parapheur's type and sous-type (ids or names, as the i-Parapheur knows them). */
    public record IparapheurSpec(String type, String subtype) {
    }

    public record StepSpec(StepKind kind, ParallelRule rule, List<String> desks) {
    }

    public record DeskSpec(String name, String quality, List<String> members) {
    }

    public record DeskView(String code, String name, String quality, List<String> members) {
    }

    public record DelegationSpec(String delegateDesk, LocalDate from, LocalDate to, List<String> natures) {
    }

    public record DelegationView(UUID id, String desk, String delegateDesk, LocalDate from, LocalDate to,
                                 List<String> natures) {
    }

    /** A desk a person may act for: one they hold, or one delegated to a desk they hold. */
    public record DeskRight(String desk, String deskName, String viaDesk, List<String> natures) {
        public boolean isDelegated() {
            return viaDesk != null;
        }

        public boolean covers(String nature) {
            return natures.isEmpty() || natures.contains(nature);
        }
    }
}

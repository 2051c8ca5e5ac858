package fr.acta.workflow;

import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Component;

/** Expression helper of the visa multi-instance: {@code ${circuitSteps.desks(circuitPlan)}}. */
@Component("circuitSteps")
public class CircuitSteps {

    /** The desks of a frozen circuit plan, in order. */
    public List<String> desks(String plan) {
        return plan == null || plan.isEmpty() ? List.of() : Arrays.asList(plan.split(","));
    }
}

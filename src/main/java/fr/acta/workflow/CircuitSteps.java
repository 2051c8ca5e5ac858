package fr.acta.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.acta.circuit.CircuitDefinition;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Reads the circuit plan an act froze when its circuit started (a JSON process variable), for the
 * expressions of {@code bpmn/signature-circuit.bpmn}: {@code ${circuitSteps.kind(circuitPlan, stepIndex)}}.
 */
@Component("circuitSteps")
public class CircuitSteps {

    private final ObjectMapper objectMapper;
    private final Map<String, CircuitDefinition> parsed = new ConcurrentHashMap<>();

    CircuitSteps(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    public String kind(String plan, int index) {
        return step(plan, index).kind().name();
    }

    public String rule(String plan, int index) {
        return step(plan, index).rule().name();
    }

    /** The desk codes of a step, in order. */
    public List<String> desks(String plan, int index) {
        return step(plan, index).desks().stream().map(CircuitDefinition.DeskRef::code).toList();
    }

    CircuitDefinition.Step step(String plan, int index) {
        return parse(plan).steps().get(index);
    }

    CircuitDefinition parse(String plan) {
        if (parsed.size() > 1000) {
            parsed.clear();
        }
        return parsed.computeIfAbsent(plan, p -> {
            try {
                return objectMapper.readValue(p, CircuitDefinition.class);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Unreadable circuit plan", e);
            }
        });
    }

    String write(CircuitDefinition circuit) {
        try {
            return objectMapper.writeValueAsString(circuit);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

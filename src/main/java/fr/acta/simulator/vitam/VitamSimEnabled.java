package fr.acta.simulator.vitam;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;

/**
 * The Vitam simulator's beans exist with {@code acta.simulators.vitam.enabled=true}; when the property
 * is left empty, only on the embedded default (no {@code spring.datasource.url}), like the sandbox
 * préfecture.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ConditionalOnExpression("'${acta.simulators.vitam.enabled:}'.trim().equalsIgnoreCase('true') or "
        + "('${acta.simulators.vitam.enabled:}'.trim().isEmpty() and '${spring.datasource.url:}'.isEmpty())")
@interface VitamSimEnabled {
}

package fr.acta.simulator.prefecture;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;

/**
 * The sandbox's beans exist when {@code acta.simulators.prefecture.enabled} is true, or when it is
 * left empty and Acta runs on its embedded default (no {@code spring.datasource.url}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ConditionalOnExpression("'${acta.simulators.prefecture.enabled:}'.trim().equalsIgnoreCase('true') or "
        + "('${acta.simulators.prefecture.enabled:}'.trim().isEmpty() and '${spring.datasource.url:}'.isEmpty())")
@interface SandboxEnabled {
}

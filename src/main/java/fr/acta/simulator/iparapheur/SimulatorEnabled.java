package fr.acta.simulator.iparapheur;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/** The simulator's beans exist only with {@code acta.simulators.iparapheur.enabled=true}. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ConditionalOnProperty(name = "acta.simulators.iparapheur.enabled", havingValue = "true")
@interface SimulatorEnabled {
}

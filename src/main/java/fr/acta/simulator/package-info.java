/**
 * Simulators of the external services Acta talks to, each speaking the real protocol under its own
 * path and enforcing the real rules, for the embedded default, demos and tests. Each is off unless
 * its {@code acta.simulators.<name>.enabled} property is true. Nothing in Acta depends on them.
 */
package fr.acta.simulator;

/**
 * Secrets at rest: the installation's master key (from configuration or, on the embedded default,
 * from {@code ${acta.home}/master.key}; never from the database), the AES-256-GCM helper, and the
 * {@link fr.acta.secret.SecretBox} of named secrets per collectivité (connector passwords…), each
 * encrypted under a key derived from the master key and bound to its collectivité and name.
 */
package fr.acta.secret;

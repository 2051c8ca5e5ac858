/**
 * Signing and validation core of the parapheur: a local PKI for the embedded default, a vault of
 * signing keys encrypted at rest, PAdES signing (B, T, LT, LTA; visible or not; one step with a
 * stored key or two steps with a card) with no silent downgrade, and DSS validation reports.
 * Plain services: the circuits and the HTTP API use them, this package knows neither.
 */
package fr.acta.signature;

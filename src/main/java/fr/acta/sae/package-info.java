/**
 * Acta's own archive (SAE): a separate system that happens to live in the same JVM. It receives
 * SEDA 2.1/2.2/2.3 {@code ArchiveTransfer}s through an As@lae-compatible API, keeps every object
 * content-addressed in at least two storage locations, records each archive's units and objects,
 * answers an {@code Acknowledgement} and an {@code ArchiveTransferReply}, keeps an append-only,
 * hash-chained and timestamp-sealed event log, and audits the fixity of everything it holds,
 * repairing a damaged copy from a healthy one. It knows nothing of acts or of their lifecycle:
 * any producer of standard SEDA packages may deposit into it (decision 0018).
 */
package fr.acta.sae;

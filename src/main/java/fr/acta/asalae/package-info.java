/**
 * Client of an As@lae archive (SAE) through its {@code restservices} REST API, library part:
 * {@link fr.acta.asalae.AsalaeClient} deposits a SEDA transfer ({@code sedaMessages}, in chunks
 * when the attachments are large), then reads its {@code Acknowledgement} and its
 * {@code ArchiveTransferReply}, with HTTP Basic authentication (the password as is, or its SHA-256
 * as Pastell sends it). No database, no process logic, no settings storage: the act lifecycle's
 * archiving stage passes {@link fr.acta.asalae.AsalaeSettings} with every call.
 */
package fr.acta.asalae;

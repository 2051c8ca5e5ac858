/**
 * SEDA 2.x archiving, library part: {@link fr.acta.seda.SedaTransferBuilder} turns one act's
 * metadata, management rules and files into an {@code ArchiveTransfer} package (a ZIP with
 * {@code manifest.xml} and {@code Content/}) in SEDA 2.1, 2.2 or 2.3, whose manifest is checked
 * against the official schema of its version before it is returned;
 * {@link fr.acta.seda.RulesReferential} gives the default management rules per nature. No
 * database, no process logic: the archiving step of the act lifecycle calls these pieces.
 */
package fr.acta.seda;

/**
 * Client of a Vitam archive's external APIs, library only (no database, no process logic, no
 * per-collectivité settings storage): {@link fr.acta.vitam.VitamClient} ingests a SEDA package
 * ({@code ingest-external}), follows the operation ({@code admin-external}), reads the
 * {@code ArchiveTransferReply}, finds an earlier ingest of a package by its {@code MessageIdentifier}
 * in the operations logbook (crash recovery), and selects units and reads their objects by DSL
 * ({@code access-external}). Each call takes the collectivité's {@link fr.acta.vitam.VitamSettings}.
 */
package fr.acta.vitam;

/**
 * The archiving stage of the act lifecycle: once the act is exécutoire (or at the end of its
 * circuit when it is not transmitted), its SEDA {@code ArchiveTransfer} (the signed act, annexes,
 * bordereau, ETSI report, @ctes package, ARActe, stamped copies and history) is built, sent exactly
 * once to the collectivité's archive (Acta's own, an As@lae or a Vitam) and followed until the
 * archive accepts it (ARCHIVED, with the archive's identifier) or refuses it (ARCHIVE_ERROR, with
 * the archive's comment and a task for the archivist). Decision 0019.
 */
package fr.acta.archiving;

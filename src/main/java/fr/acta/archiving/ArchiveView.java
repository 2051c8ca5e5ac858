package fr.acta.archiving;

import java.time.Instant;

/**
 * The {@code archive} part of the act's JSON.
 *
 * @param status            {@code ARCHIVING}, {@code ARCHIVED} or {@code ARCHIVE_ERROR}
 * @param archiveId         the archive's identifier of the act, once accepted
 * @param archivedAt        when the archive's acceptance was recorded
 * @param archive           which archive: {@code ACTA}, {@code ASALAE} or {@code VITAM}
 * @param sedaVersion       the SEDA version of the transfer
 * @param messageIdentifier the transfer's {@code MessageIdentifier}
 * @param attempt           the transfer's number (a refused transfer may be followed by another)
 * @param step              where the transfer stands: PREPARED, SENDING, SENT, ACCEPTED or REJECTED
 * @param acknowledgedAt    when the archive acknowledged receipt
 * @param replyCode         the reply's {@code ReplyCode}
 * @param comment           the archive's comment on a refusal
 */
record ArchiveView(String status, String archiveId, Instant archivedAt, String archive, String sedaVersion,
                   String messageIdentifier, int attempt, String step, Instant acknowledgedAt, String replyCode,
                   String comment) {
}

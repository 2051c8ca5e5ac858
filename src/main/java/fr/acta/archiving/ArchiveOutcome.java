package fr.acta.archiving;

/**
 * What the archive says of a transfer, one look at a time.
 *
 * @param state            where it stands
 * @param replyCode        the {@code ReplyCode} of the {@code ArchiveTransferReply}, once there is one
 * @param comment          the archive's comment (why it refused), or null
 * @param archiveIdentifier the archive's identifier of the accepted archive, or null
 * @param acknowledged     the archive has acknowledged receipt
 */
record ArchiveOutcome(State state, String replyCode, String comment, String archiveIdentifier, boolean acknowledged) {

    enum State { PENDING, ACCEPTED, REJECTED }

    static ArchiveOutcome pending(boolean acknowledged) {
        return new ArchiveOutcome(State.PENDING, null, null, null, acknowledged);
    }

    static ArchiveOutcome accepted(String code, String archiveIdentifier) {
        return new ArchiveOutcome(State.ACCEPTED, code, null, archiveIdentifier, true);
    }

    static ArchiveOutcome rejected(String code, String comment) {
        return new ArchiveOutcome(State.REJECTED, code, comment, null, true);
    }
}

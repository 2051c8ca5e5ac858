package fr.acta.act;

/** Where an act stands. Later stages add their own states; COMPLETED stays the end. */
public enum ActState {
    SUBMITTED, IN_CIRCUIT, REJECTED, SIGNED,
    /** Posted to the tiers de télétransmission, waiting for the préfecture's accusé de réception. */
    TRANSMITTED,
    /** The préfecture acknowledged it: the act is exécutoire. */
    ACKNOWLEDGED,
    /** The préfecture or the tiers refused the transmission; the submitter corrects and sends again. */
    TRANSMISSION_ERROR,
    /** Cancelled after its acknowledgement (annulation acknowledged by the préfecture). */
    CANCELLED,
    /** Its SEDA package is built and being transferred to the collectivité's archive. */
    ARCHIVING,
    /** The archive accepted it (ArchiveTransferReply 000): kept for the long term, where the act stays. */
    ARCHIVED,
    /** The archive refused it; an archivist looks at the archive's comment and sends it again. */
    ARCHIVE_ERROR,
    COMPLETED
}

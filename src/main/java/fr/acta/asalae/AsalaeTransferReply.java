package fr.acta.asalae;

/**
 * The archive's {@code ArchiveTransferReply}: the transfer accepted (reply code {@code 000}) or refused.
 *
 * @param accepted                 whether the archive took the transfer in
 * @param replyCode                the reply code ({@code 000} when accepted), or null when the message has none
 * @param comment                  the archive's comment, shown to people
 * @param archiveIdentifier        the archive's identifier of what it keeps (accepted transfers), or null
 * @param messageRequestIdentifier the transfer this reply answers, or null
 * @param xml                      the message as received
 */
public record AsalaeTransferReply(boolean accepted, String replyCode, String comment, String archiveIdentifier,
                                  String messageRequestIdentifier, byte[] xml) {
}

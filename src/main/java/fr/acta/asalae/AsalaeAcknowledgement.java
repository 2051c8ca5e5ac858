package fr.acta.asalae;

/**
 * The archive's {@code Acknowledgement} of a transfer: it was received, not yet accepted.
 *
 * @param messageReceivedIdentifier the transfer's message identifier, as the archive read it
 * @param acknowledgementIdentifier the acknowledgement's own identifier
 * @param xml                       the message as received
 */
public record AsalaeAcknowledgement(String messageReceivedIdentifier, String acknowledgementIdentifier, byte[] xml) {
}

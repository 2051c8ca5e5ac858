package fr.acta.vitam;

import java.util.List;

/**
 * Vitam's {@code ArchiveTransferReply} to an ingest, read leniently (Vitam's own KO replies do not
 * validate against the official schema).
 *
 * @param accepted                 whether the package is archived: {@code ReplyCode} {@code OK} or {@code WARNING}
 * @param replyCode                {@code OK}, {@code WARNING}, {@code KO} or {@code FATAL} (as given)
 * @param comment                  the reply's {@code Comment}s, else the failed events' messages, or null
 * @param messageRequestIdentifier the {@code MessageIdentifier} of the package it answers
 * @param unitIds                  the system ids Vitam gave the archive units, in the reply's order
 * @param xml                      the reply as received
 */
public record VitamTransferReply(boolean accepted, String replyCode, String comment, String messageRequestIdentifier,
                                 List<String> unitIds, byte[] xml) {

    public VitamTransferReply {
        unitIds = List.copyOf(unitIds);
    }

    @Override
    public String toString() {
        return "VitamTransferReply[" + replyCode + ", " + messageRequestIdentifier + ", " + unitIds.size()
                + " unit(s), comment=" + comment + "]";
    }
}

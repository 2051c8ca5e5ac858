package fr.acta.archiving;

import fr.acta.tenant.TenantRef;
import java.util.Optional;

/**
 * One kind of archive, as the archiving stage sees it: send a package, find out whether an earlier
 * sending reached it (after a crash between the request and its record), follow its reply.
 */
interface ArchiveGateway {

    ArchiveKind kind();

    /**
     * Sends the package; returns the archive's reference of the transfer (Vitam's operation id), or
     * null when the message identifier is the reference. Throws {@link ArchiveRefusedException} when
     * the archive refuses the request for good.
     */
    String send(TenantRef tenant, ArchiveSettings settings, Outgoing transfer);

    /** The reference of an earlier sending of that message, if the archive has it. */
    Optional<String> find(TenantRef tenant, ArchiveSettings settings, Outgoing transfer);

    /** One look at the transfer's acknowledgement and reply. */
    ArchiveOutcome follow(TenantRef tenant, ArchiveSettings settings, Outgoing transfer, String reference);

    /**
     * A package as sent.
     *
     * @param messageIdentifier  the manifest's {@code MessageIdentifier}
     * @param transferringAgency the manifest's {@code TransferringAgency} identifier
     * @param manifest           the manifest alone (As@lae's {@code seda_message})
     * @param zip                the whole package, manifest.xml and Content/
     * @param manifestSha512     the manifest's SHA-512, hexadecimal
     */
    record Outgoing(String messageIdentifier, String transferringAgency, byte[] manifest, byte[] zip,
                    String manifestSha512) {
    }
}

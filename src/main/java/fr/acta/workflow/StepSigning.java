package fr.acta.workflow;

import fr.acta.tenant.ActaPrincipal;
import fr.acta.tenant.TenantRef;
import java.util.UUID;

/**
 * Signing inside a circuit, as the workflow needs it; implemented by the signature capability.
 * Every method joins the caller's transaction and throws rather than produce a weaker signature.
 */
public interface StepSigning {

    /** A person signs the act's document with the desk's server-held key; returns a line for the history. */
    String signAsPerson(TenantRef tenant, UUID actId, String deskCode, ActaPrincipal signer, String absentDeskName,
                        String level);

    /** The collectivité's seal, applied automatically at a SEAL step. */
    String seal(TenantRef tenant, UUID actId, String deskCode, String level);

    /** Droit de remords on a signature: the last signature of the act is withdrawn. */
    void withdrawLast(TenantRef tenant, UUID actId);

    /** End of an approved circuit: the bordereau de signature; returns whether the act was signed. */
    boolean closeCircuit(TenantRef tenant, UUID actId);
}

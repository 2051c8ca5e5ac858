package fr.acta.prefecture;

import fr.acta.common.PublicUrl;
import fr.acta.tenant.TenantAccess;
import fr.acta.transmission.S2lowClient;
import fr.acta.transmission.S2lowException;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * A sending left waiting on S²LOW (status 17) until an agent confirms it with an RGS certificate:
 * what the act shows, with S²LOW's confirmation link. The link carries a one-time nonce, so a fresh
 * one is asked each time the act is read; the agent's browser comes back to the act afterwards.
 */
@Component
class RgsConfirmations {

    private static final Logger log = LoggerFactory.getLogger(RgsConfirmations.class);
    static final String WAITING = "S²LOW attend qu'un agent muni d'un certificat RGS confirme la télétransmission : "
            + "ouvrez le lien de confirmation dans un navigateur qui dispose de ce certificat.";

    private final S2lowClient s2low;
    private final S2lowConnections connections;
    private final TenantAccess tenants;
    private final Environment environment;

    RgsConfirmations(S2lowClient s2low, S2lowConnections connections, TenantAccess tenants, Environment environment) {
        this.s2low = s2low;
        this.connections = connections;
        this.tenants = tenants;
        this.environment = environment;
    }

    Optional<TransmissionView.Confirmation> of(Transmission t) {
        if (t.state() != Transmission.State.AWAITING_CONFIRMATION || t.transactionId() == null) {
            return Optional.empty();
        }
        String tenant = tenants.findById(t.tenantId()).map(x -> x.code()).orElseThrow();
        String back = PublicUrl.of(environment) + "/api/v1/tenants/" + tenant + "/acts/" + t.actId()
                + "?confirmation=%%ERROR%%&message=%%MESSAGE%%";
        try {
            URI link = s2low.confirmationLink(connections.settings(t.tenantId()), List.of(t.transaction()), back);
            return Optional.of(new TransmissionView.Confirmation(WAITING, link.toString()));
        } catch (S2lowException | fr.acta.common.ValidationException e) {
            log.warn("No RGS confirmation link for transaction {}: {}", t.transactionId(), e.getMessage());
            return Optional.of(new TransmissionView.Confirmation(WAITING + " Le lien n'a pas pu être obtenu de S²LOW "
                    + "pour l'instant (" + e.getMessage() + ") ; rechargez l'acte.", null));
        }
    }
}

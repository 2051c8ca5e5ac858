package fr.acta.prefecture;

import fr.acta.act.ActFacts;
import fr.acta.act.ActService;
import fr.acta.classification.ClassificationService;
import fr.acta.classification.CurrentClassification;
import fr.acta.tenant.TenantRef;
import fr.acta.transmission.S2lowClient;
import fr.acta.transmission.S2lowSettings;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps each collectivité's classification as current as the préfecture says it is: every reply
 * carries the date of the version in force ({@code ClassificationDateVersionEnCours}); when it is
 * newer than Acta's, the classification is fetched again before the next sending, and the acts
 * still on their way whose matière has gone are flagged in their history.
 */
@Component
class ClassificationRefresh {

    private final JdbcTemplate jdbc;
    private final ClassificationService classifications;
    private final S2lowClient s2low;
    private final ActService acts;

    ClassificationRefresh(JdbcTemplate jdbc, ClassificationService classifications, S2lowClient s2low,
                          ActService acts) {
        this.jdbc = jdbc;
        this.classifications = classifications;
        this.s2low = s2low;
        this.acts = acts;
    }

    /** Records the version the préfecture announced, if newer than any announced before. */
    void announced(UUID tenantId, LocalDate version) {
        if (version == null) {
            return;
        }
        jdbc.update("""
                insert into classification_announcement (tenant_id, announced_date, announced_at) values (?, ?, ?)
                on conflict (tenant_id) do update set announced_date = excluded.announced_date,
                       announced_at = excluded.announced_at
                 where classification_announcement.announced_date < excluded.announced_date""",
                tenantId, Date.valueOf(version), Timestamp.from(Instant.now()));
    }

    /**
     * The date of the classification version the act is sent under: the current one, provided the
     * act's matière is still in it.
     */
    LocalDate versionFor(TenantRef tenant, ActFacts act) {
        Optional<CurrentClassification> current = classifications.current(tenant);
        if (current.isEmpty()) {
            return act.classificationDate();
        }
        if (act.matiere() != null && !current.get().hasMatiere(act.matiere())) {
            throw fr.acta.common.ValidationException.of("matiere", "La matière " + act.matiere()
                    + " n'existe plus dans la classification du " + current.get().view().dateClassification()
                    + " de la préfecture : corrigez-la puis renvoyez l'acte.");
        }
        return current.get().view().dateClassification();
    }

    /** Fetches the classification when the préfecture announced a newer one; returns whether it did. */
    boolean refreshIfAnnounced(TenantRef tenant, S2lowSettings settings) {
        Optional<LocalDate> announced = jdbc.query(
                "select announced_date from classification_announcement where tenant_id = ?",
                (rs, i) -> rs.getDate(1).toLocalDate(), tenant.id()).stream().findFirst();
        if (announced.isEmpty()) {
            return false;
        }
        Optional<CurrentClassification> current = classifications.current(tenant);
        if (current.isPresent() && !announced.get().isAfter(current.get().view().dateClassification())) {
            return false;
        }
        classifications.importXml(tenant, s2low.classification(settings));
        CurrentClassification fresh = classifications.current(tenant).orElseThrow();
        for (ActFacts act : acts.notYetTransmitted(tenant.id())) {
            if (act.matiere() != null && !fresh.hasMatiere(act.matiere())) {
                acts.record(act.id(), null, TransmissionService.SYSTEM, "CLASSIFICATION_OUTDATED",
                        "La matière " + act.matiere() + " n'existe plus dans la classification du "
                                + fresh.view().dateClassification() + " : corrigez-la avant l'envoi en préfecture.");
            }
        }
        return true;
    }
}

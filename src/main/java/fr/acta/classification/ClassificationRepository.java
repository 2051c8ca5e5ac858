package fr.acta.classification;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ClassificationRepository extends JpaRepository<Classification, UUID> {

    @Query("select c.id from Classification c where c.tenantId = ?1 and c.currentVersion = true")
    Optional<UUID> findCurrentId(UUID tenantId);

    Optional<Classification> findByTenantIdAndDateClassification(UUID tenantId, LocalDate date);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update Classification c set c.currentVersion = false where c.tenantId = ?1 and c.currentVersion = true")
    int clearCurrent(UUID tenantId);
}

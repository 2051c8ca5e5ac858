package fr.acta.classification;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ClassificationRepository extends JpaRepository<Classification, UUID> {

    /** First key of the advisory locks taken by classification imports. */
    int IMPORT_LOCK = 4_201;

    @Query("select c.id from Classification c where c.tenantId = ?1 and c.currentVersion = true")
    Optional<UUID> findCurrentId(UUID tenantId);

    Optional<Classification> findByTenantIdAndDateClassification(UUID tenantId, LocalDate date);

    /**
     * Serialises the imports of one collectivité until the end of the transaction: two imports at
     * once would otherwise both make their version current (unique index violation).
     */
    @Query(value = "select true from pg_advisory_xact_lock(" + IMPORT_LOCK + ", hashtext(cast(?1 as text)))",
            nativeQuery = true)
    Boolean lockImports(UUID tenantId);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update Classification c set c.currentVersion = false where c.tenantId = ?1 and c.currentVersion = true")
    int clearCurrent(UUID tenantId);
}

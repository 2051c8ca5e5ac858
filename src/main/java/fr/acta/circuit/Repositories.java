package fr.acta.circuit;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface DeskRepository extends JpaRepository<Desk, UUID> {
    Optional<Desk> findByTenantIdAndCode(UUID tenantId, String code);

    @Query("select d from Desk d join d.members m where d.tenantId = ?1 and m = ?2")
    List<Desk> findHeldBy(UUID tenantId, UUID userId);
}

interface CircuitRepository extends JpaRepository<Circuit, UUID> {
    Optional<Circuit> findByTenantIdAndCode(UUID tenantId, String code);

    List<Circuit> findByTenantIdOrderByCode(UUID tenantId);
}

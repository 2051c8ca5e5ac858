package fr.acta.circuit;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface DeskRepository extends JpaRepository<Desk, UUID> {
    Optional<Desk> findByTenantIdAndCode(UUID tenantId, String code);

    List<Desk> findByTenantIdOrderByCode(UUID tenantId);

    @Query("select d from Desk d join d.members m where d.tenantId = ?1 and m = ?2")
    List<Desk> findHeldBy(UUID tenantId, UUID userId);
}

interface CircuitRepository extends JpaRepository<Circuit, UUID> {
    Optional<Circuit> findByTenantIdAndCode(UUID tenantId, String code);

    List<Circuit> findByTenantIdOrderByCode(UUID tenantId);
}

interface DelegationRepository extends JpaRepository<Delegation, UUID> {
    List<Delegation> findByTenantIdAndDelegateDeskIdIn(UUID tenantId, Collection<UUID> delegateDeskIds);

    List<Delegation> findByTenantIdAndDeskIdOrderByStartsOn(UUID tenantId, UUID deskId);

    Optional<Delegation> findByIdAndTenantId(UUID id, UUID tenantId);
}

package fr.acta.act;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ActRepository extends JpaRepository<Act, UUID> {

    Optional<Act> findByIdAndTenantId(UUID id, UUID tenantId);

    boolean existsByTenantIdAndNumber(UUID tenantId, String number);

    boolean existsByTenantIdAndNumberAndIdNot(UUID tenantId, String number, UUID id);

    List<Act> findByIdIn(List<UUID> ids);

    List<Act> findByTenantIdAndStateIn(UUID tenantId, java.util.Collection<ActState> states);

    /** {@code q}: a lower-case LIKE pattern whose wildcards in the searched text are escaped with a backslash. */
    @Query("""
            select a from Act a where a.tenantId = :tenantId
              and (:state is null or a.state = :state)
              and (:q is null or lower(a.subject) like :q escape '\\' or lower(a.number) like :q escape '\\'
                   or lower(a.idActe) like :q escape '\\')
            """)
    Page<Act> search(UUID tenantId, ActState state, String q, Pageable pageable);
}

interface ActEventRepository extends JpaRepository<ActEvent, Long> {
    List<ActEvent> findByActIdOrderByIdAsc(UUID actId);
}

interface ActAnnotationRepository extends JpaRepository<ActAnnotation, Long> {
    List<ActAnnotation> findByActIdOrderByIdAsc(UUID actId);
}

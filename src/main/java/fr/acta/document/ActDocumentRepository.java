package fr.acta.document;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface ActDocumentRepository extends JpaRepository<ActDocument, UUID> {

    List<ActDocument> findByActIdAndReplacedAtIsNull(UUID actId);

    List<ActDocument> findByActIdInAndReplacedAtIsNull(List<UUID> actIds);

    Optional<ActDocument> findByIdAndActIdAndTenantId(UUID id, UUID actId, UUID tenantId);

    List<ActDocument> findByActIdAndTextExtractedFalse(UUID actId);

    boolean existsByTenantIdAndSha256(UUID tenantId, String sha256);
}

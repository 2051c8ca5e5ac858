package fr.acta.classification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.acta.tenant.TenantRef;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The préfecture's classification per collectivité, versioned by its DateClassification. Versions
 * are immutable once read, so they are cached by id; which version is current is asked of the
 * database each time, so every node of a cluster sees an import at once.
 */
@Service
public class ClassificationService {

    private final ClassificationRepository repository;
    private final ObjectMapper objectMapper;
    private final Map<UUID, CurrentClassification> byId = new ConcurrentHashMap<>();

    ClassificationService(ClassificationRepository repository, ObjectMapper objectMapper) {
        this.repository = repository;
        this.objectMapper = objectMapper;
    }

    /** Imports a RetourClassification XML and makes it the collectivité's current classification. */
    @Transactional
    public ClassificationView importXml(TenantRef tenant, byte[] xml) {
        RetourClassificationParser.Parsed parsed = RetourClassificationParser.parse(xml);
        ClassificationView view = parsed.view();
        String json = toJson(view);
        repository.lockImports(tenant.id());
        repository.clearCurrent(tenant.id());
        Classification version = repository.findByTenantIdAndDateClassification(tenant.id(), view.dateClassification())
                .orElse(null);
        if (version == null) {
            version = new Classification(tenant.id(), view.dateClassification(), json, parsed.text());
        } else {
            version.reimport(json, parsed.text());
            byId.remove(version.getId());
        }
        version.setCurrentVersion(true);
        repository.save(version);
        return view;
    }

    @Transactional(readOnly = true)
    public Optional<CurrentClassification> current(TenantRef tenant) {
        return repository.findCurrentId(tenant.id()).map(this::load);
    }

    @Transactional(readOnly = true)
    public Optional<CurrentClassification> version(UUID id) {
        return repository.findById(id).map(c -> load(c.getId()));
    }

    private CurrentClassification load(UUID id) {
        return byId.computeIfAbsent(id, key -> {
            Classification c = repository.findById(key).orElseThrow();
            try {
                return new CurrentClassification(key, objectMapper.readValue(c.getContent(), ClassificationView.class));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Unreadable classification " + key, e);
            }
        });
    }

    private String toJson(ClassificationView view) {
        try {
            return objectMapper.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

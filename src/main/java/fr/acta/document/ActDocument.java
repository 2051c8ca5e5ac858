package fr.acta.document;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A file of an act, by reference to the content-addressed store. */
@Entity
@Table(name = "act_document")
public class ActDocument {

    @Id
    private UUID id;
    @Column(name = "act_id")
    private UUID actId;
    @Column(name = "tenant_id")
    private UUID tenantId;
    @Enumerated(EnumType.STRING)
    private DocumentRole role;
    private int position;
    private String name;
    @Column(name = "media_type")
    private String mediaType;
    private long size;
    private String sha256;
    @Column(name = "type_code")
    private String typeCode;
    @Column(name = "text_content")
    private String textContent;
    @Column(name = "text_extracted")
    private boolean textExtracted;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "replaced_at")
    private Instant replacedAt;

    protected ActDocument() {
    }

    ActDocument(UUID actId, UUID tenantId, DocumentRole role, int position, String name, String mediaType,
                long size, String sha256, String typeCode) {
        this.id = UUID.randomUUID();
        this.actId = actId;
        this.tenantId = tenantId;
        this.role = role;
        this.position = position;
        this.name = name;
        this.mediaType = mediaType;
        this.size = size;
        this.sha256 = sha256;
        this.typeCode = typeCode;
        this.createdAt = Instant.now();
    }

    public UUID getId() { return id; }
    public UUID getActId() { return actId; }
    public UUID getTenantId() { return tenantId; }
    public DocumentRole getRole() { return role; }
    public int getPosition() { return position; }
    public String getName() { return name; }
    public String getMediaType() { return mediaType; }
    public long getSize() { return size; }
    public String getSha256() { return sha256; }
    public String getTypeCode() { return typeCode; }
    public String getTextContent() { return textContent; }
    public boolean isTextExtracted() { return textExtracted; }
    public Instant getReplacedAt() { return replacedAt; }

    void replace(Instant at) {
        this.replacedAt = at;
    }

    void extracted(String text) {
        this.textContent = text;
        this.textExtracted = true;
    }
}

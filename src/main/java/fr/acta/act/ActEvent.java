package fr.acta.act;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One line of an act's history: who did what, when. Never updated. */
@Entity
@Table(name = "act_event")
class ActEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "act_id")
    private UUID actId;
    @Column(name = "tenant_id")
    private UUID tenantId;
    private Instant at;
    private String actor;
    private String event;
    private String detail;
    private String desk;

    protected ActEvent() {
    }

    ActEvent(UUID actId, UUID tenantId, String actor, String event, String detail, String desk) {
        this(actId, tenantId, actor, event, detail);
        this.desk = desk;
    }

    ActEvent(UUID actId, UUID tenantId, String actor, String event, String detail) {
        this.actId = actId;
        this.tenantId = tenantId;
        this.at = Instant.now();
        this.actor = actor;
        this.event = event;
        this.detail = detail == null || detail.length() <= 2000 ? detail : detail.substring(0, 2000);
    }

    Instant getAt() { return at; }
    String getActor() { return actor; }
    String getEvent() { return event; }
    String getDetail() { return detail; }
    String getDesk() { return desk; }
}

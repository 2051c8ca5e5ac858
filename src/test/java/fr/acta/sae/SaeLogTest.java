package fr.acta.sae;

import static fr.acta.sae.SaeFixture.element;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.acta.seda.SedaVersion;
import fr.acta.support.Api;
import fr.acta.support.ApiTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The archive's event log: append-only in the database, an edited entry breaks the chain at that
 * entry, a rewritten log (every hash recomputed) is caught by its timestamp seal, and only one
 * audit of a collectivité runs at a time across nodes.
 */
class SaeLogTest extends ApiTest {

    @Autowired
    LogSeals seals;
    @Autowired
    LogVerifier verifier;
    @Autowired
    FixityAudits audits;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    DataSource dataSource;
    @Autowired
    fr.acta.tenant.TenantAccess tenants;

    @Test
    void the_database_refuses_to_update_or_delete_an_entry_or_a_seal() {
        UUID demo = deposit("RO");

        assertThatThrownBy(() -> jdbc.update("update sae_event set detail = '{}' where tenant_id = ?", demo))
                .hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("delete from sae_event where tenant_id = ?", demo))
                .hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> jdbc.execute("truncate sae_event cascade")).hasStackTraceContaining("append-only");
        seals.seal(demo);
        assertThatThrownBy(() -> jdbc.update("delete from sae_log_seal where tenant_id = ?", demo))
                .hasStackTraceContaining("append-only");
    }

    @Test
    void an_edited_entry_is_reported_as_a_broken_chain_at_that_entry() {
        UUID demo = deposit("EDIT");
        Map<String, Object> entry = jdbc.queryForMap("select position, detail from sae_event where tenant_id = ? "
                + "and type = 'TRANSFER_ACCEPTED' order by position desc limit 1", demo);
        long position = ((Number) entry.get("position")).longValue();
        String original = (String) entry.get("detail");
        bypassingTriggers("update sae_event set detail = ? where tenant_id = ? and position = ?",
                original.replace("\"size\":", "\"size\":1"), demo, position);
        try {
            Api.Response audit = as("archiviste").postJson(SaeFixityTest.AUDITS, "");

            assertThat(audit.<String>json("$.status")).isEqualTo("FAILED");
            assertThat(audit.<Boolean>json("$.log.intact")).isFalse();
            assertThat(audit.<Integer>json("$.log.breaks[0].position")).isEqualTo((int) position);
            assertThat(audit.<String>json("$.log.breaks[0].reason")).contains("entrée modifiée");
            assertThat(audit.<List<Object>>json("$.log.breaks")).hasSize(1);
            assertThat(audit.<String>json("$.summary")).contains("Journal rompu à la position " + position);
        } finally {
            bypassingTriggers("update sae_event set detail = ? where tenant_id = ? and position = ?", original, demo,
                    position);
        }
        assertThat(verifier.verify(demo).intact()).isTrue();
    }

    @Test
    void a_log_rewritten_with_every_hash_recomputed_is_caught_by_its_seal() {
        UUID demo = deposit("SEAL");
        assertThat(seals.seal(demo)).isPresent();
        LogVerifier.Result sealed = verifier.verify(demo);
        assertThat(sealed.intact()).isTrue();
        assertThat(sealed.invalidSeals()).isEmpty();
        assertThat(sealed.validSeals()).isEqualTo(sealed.seals()).isPositive();
        assertThat(sealed.unsealedEntries()).isZero();
        assertThat(seals.seal(demo)).as("nothing new to seal").isEmpty();

        List<EventLog.Entry> before = jdbc.query("select * from sae_event where tenant_id = ? order by position",
                (rs, i) -> EventLog.entry(rs), demo);
        EventLog.Entry target = before.stream().filter(e -> e.type().equals("TRANSFER_RECEIVED")).reduce((a, b) -> b)
                .orElseThrow();
        try {
            String previous = before.get((int) target.position() - 2).hash();
            for (EventLog.Entry e : before.subList((int) target.position() - 1, before.size())) {
                String detail = e == target ? e.detail().replace("\"versement\"", "\"intrus\"") : e.detail();
                String hash = EventLog.hash(previous, e.position(), e.at(), e.type(), detail);
                bypassingTriggers("update sae_event set detail = ?, previous_hash = ?, hash = ? where tenant_id = ? "
                        + "and position = ?", detail, previous, hash, demo, e.position());
                previous = hash;
            }

            LogVerifier.Result rewritten = verifier.verify(demo);

            assertThat(rewritten.intact()).as("the chain itself is consistent again").isTrue();
            assertThat(rewritten.invalidSeals()).isNotEmpty();
            assertThat(rewritten.invalidSeals().get(rewritten.invalidSeals().size() - 1).reason())
                    .contains("journal réécrit");
        } finally {
            for (EventLog.Entry e : before.subList((int) target.position() - 1, before.size())) {
                bypassingTriggers("update sae_event set detail = ?, previous_hash = ?, hash = ? where tenant_id = ? "
                        + "and position = ?", e.detail(), e.previousHash(), e.hash(), demo, e.position());
            }
        }
        assertThat(verifier.verify(demo).invalidSeals()).isEmpty();
    }

    @Test
    void one_audit_of_a_collectivite_at_a_time_across_nodes() throws Exception {
        UUID demo = deposit("LOCK");
        int done = jdbc.queryForObject("select count(*) from sae_audit where tenant_id = ?", Integer.class, demo);
        try (Connection otherNode = dataSource.getConnection();
             PreparedStatement lock = otherNode.prepareStatement("select pg_try_advisory_lock(?, ?)")) {
            lock.setInt(1, 0x5AE1A);
            lock.setInt(2, demo.hashCode());
            try (ResultSet rs = lock.executeQuery()) {
                assertThat(rs.next() && rs.getBoolean(1)).isTrue();
            }
            Api.Response refused = as("archiviste").postJson(SaeFixityTest.AUDITS, "");
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.text()).contains("déjà en cours");
            assertThat(audits.run(tenants.findById(demo).orElseThrow(), "SCHEDULED")).isEmpty();
            assertThat(jdbc.queryForObject("select count(*) from sae_audit where tenant_id = ?", Integer.class, demo))
                    .isEqualTo(done);
            // the pool keeps the connection, and its session-level lock with it: the other node lets go
            try (PreparedStatement unlock = otherNode.prepareStatement("select pg_advisory_unlock(?, ?)")) {
                unlock.setInt(1, 0x5AE1A);
                unlock.setInt(2, demo.hashCode());
                unlock.executeQuery().close();
            }
        }
        assertThat(as("archiviste").postJson(SaeFixityTest.AUDITS, "").status()).isEqualTo(201);
    }

    private UUID deposit(String kind) {
        String id = kind + "-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(SaeFixture.deposit(as("versement"), SaeFixture.transfer(id, SedaVersion.V2_2)).status())
                .isEqualTo(200);
        assertThat(element(SaeFixture.awaitReply(as("versement"), id), "ReplyCode")).isEqualTo("000");
        return jdbc.queryForObject("select id from tenant where code = 'demo'", UUID.class);
    }

    /** What someone with the database's owner rights could do: triggers off for one transaction. */
    private void bypassingTriggers(String sql, Object... args) {
        tx.executeWithoutResult(status -> {
            jdbc.execute("set local session_replication_role = replica");
            jdbc.update(sql, args);
        });
    }
}

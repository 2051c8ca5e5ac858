package fr.acta.transmission;

import java.time.LocalDate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The envelope serial of the @ctes file names, counted per SIREN and sending day in PostgreSQL.
 * One upsert both creates the day's row and increments it; PostgreSQL's row lock on the conflicting
 * key makes concurrent calls wait for each other, so no two envelopes share a serial. A serial taken
 * by a package that is then not sent leaves a gap, which the naming rule allows.
 */
@Component
class EnvelopeSerials {

    private final JdbcTemplate jdbc;

    EnvelopeSerials(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The next serial of {@code siren} on {@code day}: 1 for the day's first envelope. */
    int next(String siren, LocalDate day) {
        Integer serial = jdbc.queryForObject("""
                insert into actes_envelope_serial (siren, sending_day, last_serial) values (?, ?, 1)
                on conflict (siren, sending_day) do update set last_serial = actes_envelope_serial.last_serial + 1
                returning last_serial""", Integer.class, siren, day);
        if (serial == null) {
            throw new IllegalStateException("no envelope serial returned for " + siren + " on " + day);
        }
        return serial;
    }
}

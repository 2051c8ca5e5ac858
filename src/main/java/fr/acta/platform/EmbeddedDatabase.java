package fr.acta.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Tells the other capabilities whether Acta runs on its embedded default. */
@Component
public class EmbeddedDatabase {

    private final boolean active;

    EmbeddedDatabase(ObjectProvider<EmbeddedPostgres> postgres) {
        this.active = postgres.getIfAvailable() != null;
    }

    public boolean isActive() {
        return active;
    }
}

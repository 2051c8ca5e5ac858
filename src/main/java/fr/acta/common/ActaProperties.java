package fr.acta.common;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** Settings under {@code acta.*}. */
@ConfigurationProperties(prefix = "acta")
public record ActaProperties(Path home, Documents documents, Demo demo) {

    public ActaProperties {
        home = home == null ? Path.of("data") : home.toAbsolutePath().normalize();
        documents = documents == null ? new Documents(null) : documents;
        demo = demo == null ? new Demo(null) : demo;
    }

    public record Documents(DataSize maxActSize) {
        public Documents {
            maxActSize = maxActSize == null ? DataSize.ofMegabytes(150) : maxActSize;
        }
    }

    /** {@code enabled} null means: on with the embedded database, off otherwise. */
    public record Demo(Boolean enabled) {
    }
}

package fr.acta.simulator.prefecture;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.core.io.ResourceLoader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;

/**
 * The RetourClassification the préfecture serves to each collectivité: the administrator's (per SIREN,
 * or '*' for all), else the configured resource; and the version it announces in its answers
 * ({@code ClassificationDateVersionEnCours}): the administrator's override, else the served one's date.
 */
@Component
@SandboxEnabled
class SandboxClassifications {

    /** A classification document and its {@code DateClassification}. */
    record Served(byte[] xml, LocalDate date) {
    }

    private final JdbcTemplate jdbc;
    private final SandboxSettings settings;
    private final Served fallback;

    SandboxClassifications(JdbcTemplate jdbc, SandboxSettings settings, SandboxProperties properties,
                           ResourceLoader resources) {
        this.jdbc = jdbc;
        this.settings = settings;
        try (InputStream in = resources.getResource(properties.classification()).getInputStream()) {
            byte[] xml = in.readAllBytes();
            LocalDate date = dateOf(xml);
            if (date == null) {
                throw new IllegalStateException("No DateClassification in " + properties.classification());
            }
            this.fallback = new Served(xml, date);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the sandbox classification " + properties.classification(), e);
        }
    }

    Served served(String siren) {
        List<Served> rows = jdbc.query("select xml, classification_date from sandbox_prefecture_classification "
                        + "where siren in (?, '*') order by case when siren = '*' then 1 else 0 end limit 1",
                (rs, n) -> new Served(rs.getBytes(1), rs.getDate(2).toLocalDate()), siren);
        return rows.isEmpty() ? fallback : rows.get(0);
    }

    LocalDate announced(String siren) {
        LocalDate override = settings.effective().announcedClassification();
        return override != null ? override : served(siren).date();
    }

    /** Replaces the classification served to one SIREN, or to all ('*'). */
    void replace(String siren, byte[] xml, LocalDate date) {
        jdbc.update("insert into sandbox_prefecture_classification (siren, xml, classification_date, updated_at) "
                        + "values (?,?,?,?) on conflict (siren) do update set xml = excluded.xml, "
                        + "classification_date = excluded.classification_date, updated_at = excluded.updated_at",
                siren, xml, date, Timestamp.from(Instant.now()));
    }

    /** Back to the configured classification for everyone. */
    void reset() {
        jdbc.update("delete from sandbox_prefecture_classification");
    }

    /** The DateClassification of a RetourClassification, or null when the document is not one. */
    static LocalDate dateOf(byte[] xml) {
        Document doc = ActesXml.parse(xml);
        if (doc == null || !"RetourClassification".equals(doc.getDocumentElement().getLocalName())
                || !ActesXml.NS.equals(doc.getDocumentElement().getNamespaceURI())) {
            return null;
        }
        try {
            String text = ActesXml.text(doc.getDocumentElement(), "DateClassification");
            return text == null ? null : LocalDate.parse(text);
        } catch (RuntimeException e) {
            return null;
        }
    }
}

package fr.acta.sae;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The archive's rules referential, as far as durations go: a SEDA {@code Rule} is an identifier,
 * and its end is its {@code StartDate} plus the duration the referential gives it. Acta's own
 * identifiers carry their duration ({@code APP-P1Y}, {@code ACC-P50Y}, {@code HOL-P5Y}: a prefix,
 * then an ISO-8601 period); other identifiers come from {@code acta.sae.rules} (identifier →
 * period). An unknown rule, or a rule without a start, has no end: the archive does not guess.
 */
@Component
class RuleDurations {

    private final Map<String, Period> configured = new HashMap<>();

    RuleDurations(SaeProperties properties) {
        properties.rules().forEach((id, period) -> {
            Period p = parse(period);
            if (p == null) {
                throw new IllegalStateException("acta.sae.rules." + id + " is not an ISO-8601 period: " + period);
            }
            configured.put(id.strip(), p);
        });
    }

    /** The duration of rule {@code ruleId}, or null when the referential does not know it. */
    Period duration(String ruleId) {
        if (ruleId == null || ruleId.isBlank()) {
            return null;
        }
        Period p = configured.get(ruleId.strip());
        if (p != null) {
            return p;
        }
        int dash = ruleId.indexOf('-');
        return dash < 0 ? null : parse(ruleId.substring(dash + 1));
    }

    /** {@code start} plus the rule's duration, or null when either is unknown. */
    LocalDate end(String ruleId, LocalDate start) {
        Period p = duration(ruleId);
        return p == null || start == null ? null : start.plus(p);
    }

    private static Period parse(String value) {
        if (value == null || !value.strip().toUpperCase(Locale.ROOT).startsWith("P")) {
            return null;
        }
        try {
            Period p = Period.parse(value.strip().toUpperCase(Locale.ROOT));
            return p.isNegative() ? null : p;
        } catch (DateTimeException e) {
            return null;
        }
    }
}

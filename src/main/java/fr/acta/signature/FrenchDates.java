package fr.acta.signature;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;

/** Dates in messages, as read in France: "12/11/2026 à 14:05". */
final class FrenchDates {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("dd/MM/yyyy 'à' HH:mm")
            .withZone(ZoneId.of("Europe/Paris"));

    private FrenchDates() {
    }

    static String of(Instant instant) {
        return FORMAT.format(instant);
    }

    static String of(Date date) {
        return of(date.toInstant());
    }
}

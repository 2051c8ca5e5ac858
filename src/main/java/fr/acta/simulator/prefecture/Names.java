package fr.acta.simulator.prefecture;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** @ctes file names and dates: {code_pj}-{dept}-{siren}-{YYYYMMDD}-{number}-{nature}-{T}-{F}_{n}.{ext}. */
final class Names {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter COMPACT = DateTimeFormatter.BASIC_ISO_DATE;

    private Names() {
    }

    static String compact(LocalDate date) {
        return date == null ? "" : date.format(COMPACT);
    }

    /** The stem of a transaction's files, without code_pj, serial and extension. */
    static String stem(Tx tx, String flow) {
        boolean classification = tx.type() == 7;
        return tx.department() + "-" + tx.siren() + "-" + (classification ? "" : compact(tx.decisionDate())) + "-"
                + (classification ? "" : tx.number()) + "-" + (classification ? "" : tx.natureShort()) + "-" + flow;
    }

    static String xml(Tx tx, String flow) {
        return stem(tx, flow) + "_0.xml";
    }

    static String document(Tx tx, String flow, String codePj, int serial, String extension) {
        return (codePj == null || codePj.isEmpty() ? "" : codePj + "-") + stem(tx, flow) + "_" + serial + "." + extension;
    }
}

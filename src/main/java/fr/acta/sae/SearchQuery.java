package fr.acta.sae;

import fr.acta.common.FieldViolation;
import fr.acta.common.ValidationException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A search of the archive as asked over HTTP, checked: every faulty parameter is named at once,
 * in French.
 *
 * @param q                 full text, websearch syntax ({@code "mots exacts"}, {@code -exclu}, {@code ou})
 * @param matiere           a matière code or its beginning ({@code 9} matches {@code 9.1})
 * @param from              act date from (inclusive)
 * @param to                act date to (inclusive)
 * @param collectivite      the originating agency's identifier (SIREN) or name
 * @param includeEliminated whether eliminated archives (metadata only) are listed too
 */
record SearchQuery(String q, String nature, String matiere, String numero, String idActe, LocalDate from,
                   LocalDate to, String collectivite, int page, int size, boolean includeEliminated) {

    static final int MAX_SIZE = 100;
    static final int MAX_PAGE = 10_000;
    private static final Set<String> NATURES = Set.of("DE", "AR", "AI", "CC", "BF", "AU");

    static SearchQuery parse(Map<String, String> p) {
        List<FieldViolation> v = new ArrayList<>();
        String q = blankToNull(p.get("q"));
        if (q != null && q.length() > 500) {
            v.add(new FieldViolation("q", "La recherche ne doit pas dépasser 500 caractères."));
        }
        String nature = blankToNull(p.get("nature"));
        if (nature != null) {
            nature = nature.toUpperCase(Locale.ROOT);
            if (!NATURES.contains(nature)) {
                v.add(new FieldViolation("nature", "La nature doit être DE, AR, AI, CC, BF ou AU."));
            }
        }
        String matiere = blankToNull(p.get("matiere"));
        if (matiere != null && !matiere.matches("\\d+(\\.\\d+){0,4}")) {
            v.add(new FieldViolation("matiere", "La matière doit être un code de la classification, comme 9 ou 9.1."));
        }
        LocalDate from = date(p.get("from"), "from", v);
        LocalDate to = date(p.get("to"), "to", v);
        if (from != null && to != null && from.isAfter(to)) {
            v.add(new FieldViolation("to", "La date de fin doit suivre la date de début."));
        }
        int page = number(p.get("page"), "page", 0, 0, MAX_PAGE, v);
        int size = number(p.get("size"), "size", 20, 1, MAX_SIZE, v);
        String eliminated = blankToNull(p.get("includeEliminated"));
        if (eliminated != null && !eliminated.equals("true") && !eliminated.equals("false")) {
            v.add(new FieldViolation("includeEliminated", "Valeur attendue : true ou false."));
        }
        for (String key : p.keySet()) {
            if (!Set.of("q", "nature", "matiere", "numero", "idActe", "from", "to", "collectivite", "page", "size",
                    "includeEliminated").contains(key)) {
                v.add(new FieldViolation(key, "Paramètre inconnu."));
            }
        }
        if (!v.isEmpty()) {
            throw new ValidationException("Recherche impossible : " + v.get(0).message()
                    + (v.size() > 1 ? " (et " + (v.size() - 1) + " autre(s) erreur(s))" : ""), v);
        }
        return new SearchQuery(q, nature, matiere, cut(p.get("numero")), cut(p.get("idActe")), from, to,
                cut(p.get("collectivite")), page, size, "true".equals(eliminated));
    }

    /** The query as the access log records it (only what was asked). */
    Map<String, Object> asDetail() {
        Map<String, Object> d = new LinkedHashMap<>();
        put(d, "q", q);
        put(d, "nature", nature);
        put(d, "matiere", matiere);
        put(d, "numero", numero);
        put(d, "idActe", idActe);
        put(d, "from", from == null ? null : from.toString());
        put(d, "to", to == null ? null : to.toString());
        put(d, "collectivite", collectivite);
        d.put("page", page);
        d.put("size", size);
        return d;
    }

    private static void put(Map<String, Object> d, String key, String value) {
        if (value != null) {
            d.put(key, value);
        }
    }

    private static LocalDate date(String value, String field, List<FieldViolation> v) {
        String s = blankToNull(value);
        if (s == null) {
            return null;
        }
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            v.add(new FieldViolation(field, "Date attendue au format AAAA-MM-JJ, pas « " + cut(s) + " »."));
            return null;
        }
    }

    private static int number(String value, String field, int dflt, int min, int max, List<FieldViolation> v) {
        String s = blankToNull(value);
        if (s == null) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(s);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        v.add(new FieldViolation(field, "Nombre entier attendu entre " + min + " et " + max + "."));
        return dflt;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String cut(String s) {
        String b = blankToNull(s);
        return b == null || b.length() <= 255 ? b : b.substring(0, 255);
    }
}

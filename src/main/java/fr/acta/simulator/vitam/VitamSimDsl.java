package fr.acta.simulator.vitam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The part of Vitam's DSL the simulator understands: {@code $and}, {@code $or}, {@code $not},
 * {@code $eq}, {@code $ne}, {@code $in}, {@code $nin}, {@code $exists}, {@code $lt}…{@code $gte},
 * {@code $range}, {@code $wildcard}, {@code $match} (any word), {@code $match_all},
 * {@code $match_phrase} and {@code $match_phrase_prefix} (case and accents ignored); {@code $filter}
 * with {@code $limit}, {@code $offset}, {@code $orderby}; {@code $projection.$fields}. Units take a
 * {@code $query} array of one query with empty {@code $roots} (SELECT MULTIPLE); the logbook a
 * single {@code $query} object (SELECT SINGLE). Anything else is a 400 naming what is missing.
 */
final class VitamSimDsl {

    static final int MAX_LIMIT = 10_000;

    private VitamSimDsl() {
    }

    static ObjectNode select(ObjectMapper json, List<? extends JsonNode> items, JsonNode dsl, boolean multiple) {
        if (dsl == null || !dsl.isObject()) {
            throw bad("La requête DSL doit être un objet JSON.");
        }
        JsonNode query = dsl.path("$query");
        if (multiple) {
            if (dsl.has("$roots") && (!dsl.get("$roots").isArray() || !dsl.get("$roots").isEmpty())) {
                throw bad("$roots non vide : non pris en charge par le simulateur.");
            }
            if (!query.isMissingNode() && !query.isArray()) {
                throw bad("$query doit être un tableau pour les unités archivistiques (SELECT MULTIPLE).");
            }
            if (query.size() > 1) {
                throw bad("Plusieurs requêtes chaînées dans $query : non pris en charge par le simulateur.");
            }
            query = query.isEmpty() ? null : query.get(0);
        } else if (!query.isMissingNode() && !query.isObject()) {
            throw bad("$query doit être un objet pour le journal des opérations (SELECT SINGLE).");
        }
        JsonNode q = query == null || query.isMissingNode() ? null : query;
        JsonNode filter = dsl.path("$filter");
        int limit = filter.path("$limit").asInt(MAX_LIMIT);
        int offset = filter.path("$offset").asInt(0);
        if (limit < 0 || limit > MAX_LIMIT || offset < 0) {
            throw bad("$limit doit être entre 0 et " + MAX_LIMIT + ", $offset positif.");
        }
        List<JsonNode> found = new ArrayList<>(items.stream().filter(i -> q == null || matches(q, i)).toList());
        for (Iterator<Map.Entry<String, JsonNode>> it = filter.path("$orderby").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> order = it.next();
            Comparator<JsonNode> by = Comparator.comparing(i -> first(i, order.getKey()), Comparator.nullsLast(
                    Comparator.naturalOrder()));
            found.sort(order.getValue().asInt(1) < 0 ? by.reversed() : by);
            break;
        }
        List<JsonNode> page = found.stream().skip(offset).limit(limit).toList();
        ObjectNode body = envelope(json, found.size(), offset, limit, dsl);
        ArrayNode results = body.withArray("$results");
        JsonNode fields = dsl.path("$projection").path("$fields");
        page.forEach(i -> results.add(project(json, i, fields)));
        return body;
    }

    static ObjectNode envelope(ObjectMapper json, int total, int offset, int limit, JsonNode context) {
        ObjectNode body = json.createObjectNode();
        body.put("httpCode", 200);
        ObjectNode hits = body.putObject("$hits");
        hits.put("total", total).put("offset", offset).put("limit", limit).put("size", Math.max(0,
                Math.min(limit, total - offset)));
        body.putArray("$results");
        body.putArray("$facetResults");
        body.set("$context", context);
        return body;
    }

    private static JsonNode project(ObjectMapper json, JsonNode item, JsonNode fields) {
        if (!fields.isObject() || fields.isEmpty()) {
            ObjectNode copy = item.deepCopy();
            copy.remove("#tenant");
            return copy;
        }
        ObjectNode out = json.createObjectNode();
        fields.fieldNames().forEachRemaining(f -> {
            if (fields.get(f).asInt(0) > 0 && item.has(f)) {
                out.set(f, item.get(f));
            }
        });
        return out;
    }

    private static boolean matches(JsonNode q, JsonNode item) {
        if (!q.isObject() || q.size() != 1) {
            throw bad("Chaque requête doit contenir exactement un opérateur (" + q + ").");
        }
        String op = q.fieldNames().next();
        JsonNode arg = q.get(op);
        switch (op) {
            case "$and", "$or", "$not" -> {
                if (!arg.isArray() || arg.isEmpty()) {
                    throw bad(op + " attend un tableau de requêtes non vide.");
                }
                List<JsonNode> subs = new ArrayList<>();
                arg.forEach(subs::add);
                return switch (op) {
                    case "$and" -> subs.stream().allMatch(s -> matches(s, item));
                    case "$or" -> subs.stream().anyMatch(s -> matches(s, item));
                    default -> subs.stream().noneMatch(s -> matches(s, item));
                };
            }
            case "$exists" -> {
                return !values(item, arg.asText()).isEmpty();
            }
            default -> {
                if (!arg.isObject() || arg.size() != 1) {
                    throw bad(op + " attend un objet d'un seul champ.");
                }
                String field = arg.fieldNames().next();
                return compare(op, arg.get(field), values(item, field));
            }
        }
    }

    private static boolean compare(String op, JsonNode expected, List<JsonNode> actual) {
        String e = expected.asText();
        return switch (op) {
            case "$eq" -> actual.stream().anyMatch(a -> a.asText().equals(e));
            case "$ne" -> actual.stream().noneMatch(a -> a.asText().equals(e));
            case "$in", "$nin" -> {
                List<String> set = new ArrayList<>();
                expected.forEach(v -> set.add(v.asText()));
                boolean any = actual.stream().anyMatch(a -> set.contains(a.asText()));
                yield op.equals("$in") == any;
            }
            case "$lt", "$lte", "$gt", "$gte" -> actual.stream().anyMatch(a -> bound(op, a, expected));
            case "$range" -> actual.stream().anyMatch(a -> {
                boolean all = true;
                for (Iterator<String> it = expected.fieldNames(); it.hasNext(); ) {
                    String b = it.next();
                    all &= bound(b, a, expected.get(b));
                }
                return all;
            });
            case "$wildcard" -> actual.stream().anyMatch(a -> fold(a.asText()).matches(
                    Arrays.stream(fold(e).split("\\*", -1)).map(java.util.regex.Pattern::quote)
                            .reduce((x, y) -> x + ".*" + y).orElse("")));
            case "$match", "$match_all" -> actual.stream().anyMatch(a -> {
                List<String> have = words(a.asText());
                List<String> want = words(e);
                return op.equals("$match") ? want.stream().anyMatch(have::contains) : have.containsAll(want);
            });
            case "$match_phrase" -> actual.stream().anyMatch(a -> String.join(" ", words(a.asText()))
                    .contains(String.join(" ", words(e))));
            case "$match_phrase_prefix" -> actual.stream().anyMatch(a -> (" " + String.join(" ", words(a.asText())))
                    .contains(" " + String.join(" ", words(e))));
            default -> throw bad("Opérateur DSL non pris en charge par le simulateur : " + op + ".");
        };
    }

    private static boolean bound(String op, JsonNode actual, JsonNode limit) {
        int c = actual.isNumber() && limit.isNumber() ? Double.compare(actual.asDouble(), limit.asDouble())
                : actual.asText().compareTo(limit.asText());
        return switch (op) {
            case "$lt" -> c < 0;
            case "$lte" -> c <= 0;
            case "$gt" -> c > 0;
            case "$gte" -> c >= 0;
            default -> throw bad("Borne inconnue : " + op + ".");
        };
    }

    /** The values of a (dotted) field; an array gives each of its elements. */
    private static List<JsonNode> values(JsonNode item, String field) {
        JsonNode node = item;
        for (String part : field.split("\\.")) {
            node = node.path(part);
        }
        List<JsonNode> out = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(out::add);
        } else if (!node.isMissingNode() && !node.isNull()) {
            out.add(node);
        }
        return out;
    }

    private static String first(JsonNode item, String field) {
        List<JsonNode> v = values(item, field);
        return v.isEmpty() ? null : v.get(0).asText();
    }

    private static List<String> words(String text) {
        return Arrays.stream(fold(text).split("[^\\p{L}\\p{N}]+")).filter(w -> !w.isEmpty()).toList();
    }

    private static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
    }

    private static VitamSimException bad(String message) {
        return new VitamSimException(400, "DSL", "Requête DSL invalide : " + message);
    }
}

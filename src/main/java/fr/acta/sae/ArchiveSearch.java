package fr.acta.sae;

import java.sql.Date;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Runs a {@link SearchQuery} on the index: one page of results (ranked by relevance when there is
 * a text and at most {@link #RANK_LIMIT} hits, else the most recent acts first), each with an
 * excerpt where the words are marked ({@code <mark>}, the rest HTML-escaped), and facet counts
 * (nature, matière, year) over the whole filtered set, in one pass ({@code grouping sets}).
 * PostgreSQL's full-text search, with the {@code acta_fr} configuration (decision 0022).
 */
@Component
class ArchiveSearch {

    private static final String HEADLINE = "StartSel=\u0001, StopSel=\u0002, MaxWords=30, MinWords=12, "
            + "MaxFragments=2, FragmentDelimiter=\" … \"";

    /**
     * Above this many hits, results come newest first rather than by relevance: ranking reads every
     * hit's tsvector, and so many hits mean the words do not tell the acts apart anyway (decision 0022).
     */
    static final int RANK_LIMIT = 5_000;

    private final JdbcTemplate jdbc;

    ArchiveSearch(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @param communicableOnly only archives whose access rule has expired (readers other than archivists) */
    Map<String, Object> search(UUID tenantId, SearchQuery s, boolean communicableOnly) {
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder(" where s.tenant_id = ?");
        args.add(tenantId);
        String from = " from sae_search s";
        if (s.q() != null) {
            from += ", websearch_to_tsquery('acta_fr', ?) query";
            args.add(0, s.q());
            where.append(" and s.document @@ query");
        }
        if (s.nature() != null) {
            where.append(" and s.nature = ?");
            args.add(s.nature());
        }
        if (s.matiere() != null) {
            where.append(" and (s.matiere = ? or s.matiere like ?)");
            args.add(s.matiere());
            args.add(s.matiere() + ".%");
        }
        if (s.numero() != null) {
            where.append(" and lower(s.numero) = lower(?)");
            args.add(s.numero());
        }
        if (s.idActe() != null) {
            where.append(" and upper(s.id_acte) = upper(?)");
            args.add(s.idActe());
        }
        if (s.from() != null) {
            where.append(" and s.act_date >= ?");
            args.add(Date.valueOf(s.from()));
        }
        if (s.to() != null) {
            where.append(" and s.act_date <= ?");
            args.add(Date.valueOf(s.to()));
        }
        if (s.collectivite() != null) {
            where.append(" and (s.originating_agency = ? or lower(s.originating_name) = lower(?))");
            args.add(s.collectivite());
            args.add(s.collectivite());
        }
        if (!s.includeEliminated() || communicableOnly) {
            where.append(" and not s.eliminated");
        }
        if (communicableOnly) {
            where.append(" and s.access_end <= current_date");
        }
        Map<String, Object> result = new LinkedHashMap<>();
        Map<String, Map<String, Long>> facets = facets(from + where, args);
        long total = facets.remove("total").values().stream().mapToLong(Long::longValue).sum();
        result.put("total", total);
        result.put("page", s.page());
        result.put("size", s.size());
        boolean byRelevance = s.q() != null && total <= RANK_LIMIT;
        result.put("order", byRelevance ? "relevance" : "date");
        result.put("results", total == 0 ? List.of() : page(s, byRelevance, from + where, args));
        result.put("facets", facets);
        return result;
    }

    private List<Map<String, Object>> page(SearchQuery s, boolean byRelevance, String fromWhere, List<Object> args) {
        String order = byRelevance ? "ts_rank(s.document, query) desc, s.act_date desc nulls last, s.identifier"
                : "s.act_date desc nulls last, s.identifier";
        String excerpt = s.q() != null
                ? "ts_headline('acta_fr', p.title || E'\\n' || left(p.body, 100000), p.query, ?)"
                : "left(p.body, 400)";
        String sql = "select p.identifier, p.title, p.numero, p.id_acte, p.nature, p.matiere, p.matiere_label, "
                + "p.act_date, p.originating_name, p.eliminated, " + excerpt + " as excerpt from (select s.*"
                + (s.q() != null ? ", query" : "") + fromWhere + " order by " + order + " limit ? offset ?) p";
        List<Object> all = new ArrayList<>();
        if (s.q() != null) {
            all.add(HEADLINE);
        }
        all.addAll(args);
        all.add(s.size());
        all.add((long) s.page() * s.size());
        return jdbc.query(sql, (rs, i) -> {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("id", rs.getString("identifier"));
            r.put("title", rs.getString("title"));
            r.put("actNumber", rs.getString("numero"));
            r.put("idActe", rs.getString("id_acte"));
            r.put("nature", rs.getString("nature"));
            r.put("matiere", rs.getString("matiere"));
            r.put("matiereLabel", rs.getString("matiere_label"));
            Date date = rs.getDate("act_date");
            r.put("date", date == null ? null : date.toLocalDate().toString());
            r.put("collectivite", rs.getString("originating_name"));
            r.put("eliminated", rs.getBoolean("eliminated"));
            r.put("excerpt", excerpt(rs.getString("excerpt")));
            return r;
        }, all.toArray());
    }

    private Map<String, Map<String, Long>> facets(String fromWhere, List<Object> args) {
        String sql = "select grouping(s.nature) as gn, grouping(s.matiere) as gm, grouping(s.act_year) as gy, "
                + "s.nature, s.matiere, s.act_year as year, count(*) as n" + fromWhere
                + " group by grouping sets ((s.nature), (s.matiere), (s.act_year), ())";
        Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
        for (String f : List.of("nature", "matiere", "year", "total")) {
            facets.put(f, new LinkedHashMap<>());
        }
        jdbc.query(sql, rs -> {
            String facet = rs.getInt("gn") == 0 ? "nature" : rs.getInt("gm") == 0 ? "matiere"
                    : rs.getInt("gy") == 0 ? "year" : "total";
            String value = switch (facet) {
                case "nature" -> rs.getString("nature");
                case "matiere" -> rs.getString("matiere");
                case "year" -> rs.getString("year");
                default -> "all";
            };
            if (value != null) {
                facets.get(facet).put(value, rs.getLong("n"));
            }
        }, args.toArray());
        facets.replaceAll((k, v) -> sorted(k, v));
        return facets;
    }

    private static Map<String, Long> sorted(String facet, Map<String, Long> counts) {
        Map<String, Long> out = new LinkedHashMap<>();
        counts.entrySet().stream().sorted((a, b) -> facet.equals("year") ? b.getKey().compareTo(a.getKey())
                : b.getValue().equals(a.getValue()) ? a.getKey().compareTo(b.getKey())
                : Long.compare(b.getValue(), a.getValue())).forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /** The excerpt as HTML: the text escaped, the found words in {@code <mark>}, white space folded. */
    static String excerpt(String raw) {
        if (raw == null) {
            return "";
        }
        String text = raw.replaceAll("\\s+", " ").strip();
        return HtmlUtils.htmlEscape(text, "UTF-8").replace("\u0001", "<mark>").replace("\u0002", "</mark>");
    }
}

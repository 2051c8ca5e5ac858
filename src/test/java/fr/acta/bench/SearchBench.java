package fr.acta.bench;

import java.io.StringReader;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/**
 * {@code -Dbench=search}: search latency of the archive over HTTP. {@code bench.records} (100000)
 * synthetic archives ({@link SearchCorpus}) are written straight into the archive's tables (COPY
 * into a staging table, then one {@code INSERT … SELECT} per table, the {@code tsvector} computed
 * by PostgreSQL as at ingest), then {@code bench.queries} (1000) searches of a fixed mix (full
 * text, filters, both, deep pages, exact numbers) run one after the other as the archivist, after
 * {@code bench.warmupQueries} (200). Each search also appends its entry to the access log, as in
 * production. Prints p50/p95/p99 per kind and overall; writes {@code target/bench-search-results.json}.
 */
final class SearchBench {

    static final double P95_TARGET_MS = 100;
    private static final String ARCHIVES = "/api/v1/tenants/" + BenchApp.TENANT + "/archives";

    private SearchBench() {
    }

    static int run() throws Exception {
        int records = Integer.getInteger("bench.records", 100_000);
        int queries = Integer.getInteger("bench.queries", 1000);
        int warmup = Integer.getInteger("bench.warmupQueries", 200);
        BenchReport report = new BenchReport();
        try (BenchApp app = BenchApp.start()) {
            Map<String, Object> load = load(app, records);
            report.put("load", load);
            System.out.println("[bench] loaded " + load);
            if (Boolean.getBoolean("bench.explain")) {
                explain(app);
            }
            List<String[]> mix = mix(new Random(42), warmup + queries);
            BenchHttp archivist = app.as("archiviste");
            Map<String, List<Long>> byKind = new LinkedHashMap<>();
            List<Long> all = new ArrayList<>();
            int errors = 0;
            long totalHits = 0;
            for (int i = 0; i < mix.size(); i++) {
                BenchHttp.Result r = archivist.get(ARCHIVES + "?" + mix.get(i)[1]);
                if (r.status() != 200) {
                    errors++;
                    System.err.println("[bench] " + mix.get(i)[1] + " -> " + r.status() + " " + r.body());
                    continue;
                }
                if (i >= warmup) {
                    byKind.computeIfAbsent(mix.get(i)[0], k -> new ArrayList<>()).add(r.nanos());
                    all.add(r.nanos());
                    totalHits += r.json().get("total").asLong();
                }
            }
            Map<String, Object> latency = new LinkedHashMap<>();
            byKind.forEach((kind, nanos) -> latency.put(kind, stats(nanos)));
            Map<String, Object> overall = stats(all);
            latency.put("ALL", overall);
            report.put("searchLatencyMs", latency);
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("records", records);
            summary.put("queries", all.size());
            summary.put("meanHitsPerQuery", all.isEmpty() ? 0 : totalHits / all.size());
            summary.put("p50Ms", overall.get("p50"));
            summary.put("p95Ms", overall.get("p95"));
            summary.put("p95TargetMs", P95_TARGET_MS);
            summary.put("p95TargetMet", (Double) overall.get("p95") < P95_TARGET_MS);
            summary.put("errors", errors);
            summary.put("cpus", Runtime.getRuntime().availableProcessors());
            summary.put("loadAverageAtEnd", BenchApp.loadAverage());
            report.put("summary", summary);
            report.write(Path.of("target", "bench-search-results.json"));
            System.out.println("[bench] search latency (ms) by kind: " + latency);
            System.out.println("[bench] summary: " + summary);
            return errors == 0 ? 0 : 3;
        }
    }

    /** Diagnostic: the plans of the facet and page queries the search runs, for a few typical searches. */
    private static void explain(BenchApp app) {
        UUID t = app.jdbc.queryForObject("select id from tenant where code = ?", UUID.class, BenchApp.TENANT);
        String facets = "select grouping(s.nature), grouping(s.matiere), grouping(s.act_year), "
                + "s.nature, s.matiere, s.act_year, count(*) from sae_search s%s "
                + "where s.tenant_id = '" + t + "' and not s.eliminated%s group by grouping sets ((s.nature), "
                + "(s.matiere), (s.act_year), ())";
        String text = ", websearch_to_tsquery('acta_fr', 'voirie') query";
        String phrase = ", websearch_to_tsquery('acta_fr', '\"conseil municipal\" voirie') query";
        for (String sql : List.of(String.format(facets, "", ""), String.format(facets, text, " and s.document @@ query"),
                String.format(facets, phrase, " and s.document @@ query"),
                "select s.identifier from sae_search s" + text + " where s.tenant_id = '" + t + "' and not s.eliminated "
                        + "and s.document @@ query order by s.act_date desc nulls last, s.identifier limit 20 offset 0")) {
            System.out.println("[bench] " + sql + "\n" + String.join("\n", app.jdbc.queryForList(
                    "explain (analyze, buffers) " + sql, String.class)));
        }
    }

    private static Map<String, Object> stats(List<Long> nanos) {
        long[] n = nanos.stream().mapToLong(Long::longValue).toArray();
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("n", n.length);
        s.put("p50", BenchStats.round(BenchStats.percentileMillis(n, 50), 1));
        s.put("p95", BenchStats.round(BenchStats.percentileMillis(n, 95), 1));
        s.put("p99", BenchStats.round(BenchStats.percentileMillis(n, 99), 1));
        s.put("mean", BenchStats.round(BenchStats.meanMillis(n), 1));
        return s;
    }

    /** The searches, each {kind, query string}: a fixed mix drawn with a seed. */
    static List<String[]> mix(Random r, int count) {
        String[] words = {"voirie", "école", "subvention", "délibérations", "cantine", "emprunt", "stationnement",
                "cimetière", "médiathèque", "inondation", "urbanisme", "assainissement", "feu d'artifice",
                "gendarmerie", "tarifs", "éclairage", "enquête publique", "Tilleuls", "DETR", "indemnités"};
        String[] natures = {"DE", "AR", "AI", "CC", "BF"};
        String[] matieres = {"1", "2.1", "4", "7", "7.5", "8.3", "9.1"};
        List<String[]> mix = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String w = enc(words[r.nextInt(words.length)]);
            int year = 2010 + r.nextInt(16);
            String[] q = switch (i % 10) {
                case 0, 1 -> new String[] {"text", "q=" + w};
                case 2 -> new String[] {"text2", "q=" + w + "%20" + enc(words[r.nextInt(words.length)])};
                case 3 -> new String[] {"phrase", "q=" + enc("\"conseil municipal\"") + "%20" + w};
                case 4 -> new String[] {"filters", "nature=" + natures[r.nextInt(natures.length)] + "&matiere="
                        + matieres[r.nextInt(matieres.length)]};
                case 5 -> new String[] {"dates", "from=" + year + "-01-01&to=" + year + "-12-31"};
                case 6 -> new String[] {"text+filters", "q=" + w + "&nature=" + natures[r.nextInt(natures.length)]
                        + "&from=" + year + "-01-01"};
                case 7 -> new String[] {"deepPage", "q=" + w + "&page=" + (1 + r.nextInt(20)) + "&size=50"};
                case 8 -> new String[] {"numero", "numero=DEL-" + year + "-" + String.format("%06d", r.nextInt(100_000))};
                default -> new String[] {"all", "page=" + r.nextInt(50)};
            };
            mix.add(q);
        }
        return mix;
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static Map<String, Object> load(BenchApp app, int records) throws Exception {
        UUID tenant = app.jdbc.queryForObject("select id from tenant where code = ?", UUID.class, BenchApp.TENANT);
        long t0 = System.nanoTime();
        app.jdbc.execute("""
                create unlogged table bench_stage (id uuid, n int, title text, nature text, matiere text,
                    matiere_label text, numero text, id_acte text, act_date date, final_action text, body text)""");
        SearchCorpus corpus = new SearchCorpus(7);
        long bytes = 0;
        try (Connection c = app.context.getBean(DataSource.class).getConnection()) {
            var copy = c.unwrap(PGConnection.class).getCopyAPI();
            StringBuilder csv = new StringBuilder();
            for (int n = 1; n <= records; n++) {
                SearchCorpus.Act a = corpus.next(n);
                csv.append(UUID.randomUUID()).append(',').append(n);
                for (String v : new String[] {a.title(), a.nature(), a.matiere(), a.matiereLabel(), a.numero(),
                        a.idActe(), a.date().toString(), a.finalAction(), a.body()}) {
                    csv.append(',');
                    if (v != null) {
                        csv.append('"').append(v.replace("\"", "\"\"")).append('"');
                    }
                }
                csv.append('\n');
                if (n % 5000 == 0 || n == records) {
                    bytes += csv.length();
                    copy.copyIn("copy bench_stage from stdin (format csv)", new StringReader(csv.toString()));
                    csv.setLength(0);
                }
            }
        }
        long copied = System.nanoTime();
        app.jdbc.update("""
                insert into sae_transfer (id, tenant_id, seda_version, message_identifier, transferring_agency,
                    archival_agency, status, received_at, received_by, message_size, attachments_size, attempts,
                    next_attempt_at, acknowledgement_xml, reply_code, archive_id, processed_at)
                select id, ?, '2.2', 'BENCH-' || n, 'ACTA-demo', 'FRAD069', 'ACCEPTED', now(), 'bench', 0, 0, 1, now(),
                    '<Acknowledgement/>', '000', id, now() from bench_stage""", tenant);
        app.jdbc.update("""
                insert into sae_archive (id, tenant_id, identifier, transfer_id, title, seda_version, transferring_agency,
                    originating_agency, manifest_sha256, created_at)
                select id, ?, 'SAE-BENCH-' || lpad(n::text, 7, '0'), id, title, '2.2', 'ACTA-demo', '210690004',
                    repeat('0', 64), now() from bench_stage""", tenant);
        app.jdbc.update("""
                insert into sae_search (archive_id, tenant_id, identifier, title, nature, matiere, matiere_label, numero,
                    id_acte, act_date, originating_agency, originating_name, appraisal_rule, dua_start, dua_end,
                    final_action, access_rule, access_end, body, document)
                select id, ?, 'SAE-BENCH-' || lpad(n::text, 7, '0'), title, nature, matiere, matiere_label, numero,
                    id_acte, act_date, '210690004', 'Commune de Valmont-sur-Saône', 'APP-P1Y', act_date,
                    act_date + interval '1 year', final_action, 'ACC-P0Y', act_date, body,
                    setweight(to_tsvector('acta_fr', title), 'A')
                    || setweight(to_tsvector('acta_fr', concat_ws(' ', nature, matiere, matiere_label, numero, id_acte,
                        'Commune de Valmont-sur-Saône')), 'B')
                    || setweight(to_tsvector('acta_fr', body), 'C')
                  from bench_stage""", tenant);
        app.jdbc.execute("drop table bench_stage");
        // as autovacuum would after such a load (visibility map, statistics)
        app.jdbc.execute("vacuum analyze sae_search");
        app.jdbc.execute("vacuum analyze sae_archive");
        long done = System.nanoTime();
        Map<String, Object> load = new LinkedHashMap<>();
        load.put("records", records);
        load.put("csvMegabytes", BenchStats.round(bytes / 1e6, 1));
        load.put("copySeconds", BenchStats.round((copied - t0) / 1e9, 1));
        load.put("insertAndIndexSeconds", BenchStats.round((done - copied) / 1e9, 1));
        load.put("indexSize", app.jdbc.queryForObject(
                "select pg_size_pretty(pg_total_relation_size('sae_search'))", String.class));
        return load;
    }
}

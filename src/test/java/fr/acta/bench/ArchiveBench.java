package fr.acta.bench;

import fr.acta.bench.BenchPayloads.ActPayload;
import fr.acta.sae.SaeInbox;
import fr.acta.seda.ObjectRole;
import fr.acta.seda.RulesReferential;
import fr.acta.seda.SedaTransfer;
import fr.acta.seda.SedaTransferBuilder;
import fr.acta.seda.SedaTransferRequest;
import fr.acta.seda.SedaVersion;
import fr.acta.tenant.TenantAccess;
import fr.acta.tenant.TenantRef;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Issue 5's packaging figures ({@code -Dbench=archive}). Built: SEDA 2.2 packages of a 660 KB act
 * with a PDF annex, a PNG, an ETSI-report-sized XML and a history, each identified (PRONOM), hashed
 * (SHA-512), described and checked against the SEDA XSD, zipped; against the library floor: a ZIP of
 * the same files with their SHA-512. Ingested: the same packages deposited into Acta's archive
 * (received, checked, stored in two locations, recorded, replied) until every reply is written.
 */
final class ArchiveBench {

    private ArchiveBench() {
    }

    static Map<String, Object> run(BenchApp app, List<ActPayload> acts, int threads, int warmUp) throws Exception {
        SedaTransferBuilder builder = new SedaTransferBuilder();
        List<SedaTransferRequest> requests = new ArrayList<>();
        for (int i = 0; i < acts.size(); i++) {
            requests.add(request(acts.get(i), "BENCH-" + System.nanoTime() + "-" + i));
        }
        List<SedaTransferRequest> warm = requests.subList(0, warmUp);
        List<SedaTransferRequest> timed = requests.subList(warmUp, requests.size());
        run(threads, warm, r -> builder.build(r, SedaVersion.V2_2).zip().length);
        run(threads, warm, ArchiveBench::floor);
        ConcurrentLinkedQueue<SedaTransfer> built = new ConcurrentLinkedQueue<>();
        double acta = run(threads, timed, r -> {
            SedaTransfer t = builder.build(r, SedaVersion.V2_2);
            built.add(t);
            return t.zip().length;
        });
        double floor = run(threads, timed, ArchiveBench::floor);

        SaeInbox inbox = app.context.getBean(SaeInbox.class);
        TenantRef tenant = app.context.getBean(TenantAccess.class).find(BenchApp.TENANT).orElseThrow();
        List<SedaTransfer> transfers = new ArrayList<>(built);
        long t0 = System.nanoTime();
        runTransfers(threads, transfers, t -> inbox.deposit(tenant, "bench", t.manifest(), t.zip()));
        long received = System.nanoTime();
        long deadline = received + Duration.ofMinutes(15).toNanos();
        while (System.nanoTime() < deadline && app.jdbc.queryForObject(
                "select count(*) from sae_transfer where status = 'RECEIVED'", Integer.class) > 0) {
            Thread.sleep(20);
        }
        long done = System.nanoTime();
        Integer accepted = app.jdbc.queryForObject("select count(*) from sae_transfer where status = 'ACCEPTED' "
                + "and message_identifier like 'BENCH-%'", Integer.class);

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("packages", timed.size());
        out.put("threads", threads);
        out.put("bytesPerPackage", transfers.get(0).zip().length);
        out.put("builtPerSecond", BenchStats.round(acta, 1));
        out.put("floorPerSecond", BenchStats.round(floor, 1));
        out.put("buildRatioToFloor", BenchStats.round(acta / floor, 2));
        out.put("depositSeconds", BenchStats.round((received - t0) / 1e9, 2));
        out.put("ingestSeconds", BenchStats.round((done - t0) / 1e9, 2));
        out.put("ingestedPerSecond", BenchStats.round(transfers.size() / ((done - t0) / 1e9), 1));
        out.put("accepted", accepted);
        return out;
    }

    private static SedaTransferRequest request(ActPayload p, String messageIdentifier) {
        LocalDate day = LocalDate.of(2026, 11, 12);
        byte[] report = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ValidationReport>"
                + "<Signature>TOTAL_PASSED</Signature>".repeat(400) + "</ValidationReport>")
                .getBytes(StandardCharsets.UTF_8);
        byte[] history = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<historique>"
                + "<evenement type=\"SIGNED\">Signé par le maire</evenement>".repeat(20) + "</historique>")
                .getBytes(StandardCharsets.UTF_8);
        List<SedaTransferRequest.DataObject> objects = List.of(
                new SedaTransferRequest.DataObject(ObjectRole.SIGNED_ACT, null, BenchPayloads.MAIN_NAME, p.main()),
                new SedaTransferRequest.DataObject(ObjectRole.ANNEX, null, BenchPayloads.ANNEX_NAME, p.annex()),
                new SedaTransferRequest.DataObject(ObjectRole.ANNEX, null, "plan.png", p.png()),
                new SedaTransferRequest.DataObject(ObjectRole.VALIDATION_REPORT, null, "rapport.xml", report),
                new SedaTransferRequest.DataObject(ObjectRole.HISTORY, null, "historique.xml", history));
        return new SedaTransferRequest(messageIdentifier, null, "ACTA-SAE", "210690004",
                new SedaTransferRequest.OriginatingAgency("210690004", "Commune de Valmont-sur-Saône"),
                new SedaTransferRequest.Act("Approbation du budget primitif 2026 du service de l'eau", "DE", "7.1",
                        null, p.number(), day, "069-210690004-20261112-" + p.number() + "-DE", day, day, null),
                RulesReferential.defaults().rulesFor("DE", "7.1", day), objects);
    }

    /** The floor: every file hashed with SHA-512 and zipped, nothing else. */
    private static int floor(SedaTransferRequest r) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                for (SedaTransferRequest.DataObject o : r.objects()) {
                    MessageDigest.getInstance("SHA-512").digest(o.content());
                    zip.putNextEntry(new ZipEntry("Content/" + o.fileName()));
                    zip.write(o.content());
                    zip.closeEntry();
                }
            }
            return out.size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    interface Work<T> {
        Object apply(T item);
    }

    private static double run(int threads, List<SedaTransferRequest> items, Work<SedaTransferRequest> work)
            throws InterruptedException {
        return items.size() / (runTransfers(threads, items, work) / 1e9);
    }

    private static <T> long runTransfers(int threads, List<T> items, Work<T> work) throws InterruptedException {
        return BenchStats.runConcurrently(items.size(), threads, i -> work.apply(items.get(i)));
    }
}

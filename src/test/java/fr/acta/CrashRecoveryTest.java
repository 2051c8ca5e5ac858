package fr.acta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.acta.support.Acts;
import fr.acta.support.Api;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * Acta as a user runs it, in its own JVM on its embedded default, killed with SIGKILL in the
 * middle of an act's lifecycle and started again on the same data folder: nothing decided is
 * lost, nothing is done twice, and the act goes on to its end.
 */
class CrashRecoveryTest {

    private final List<Process> processes = new ArrayList<>();
    private Path home;

    @Test
    void a_kill_9_in_the_middle_of_the_circuit_loses_no_decision_and_the_act_goes_on() throws Exception {
        home = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "acta-crash-home-");
        int port = freePort();
        Process first = start(port, "first");
        Api secretaire = api(port, "secretaire");
        String actId = Acts.submit(secretaire, "demo", "deliberation");
        String task = Acts.awaitTask(api(port, "adjoint"), "demo", actId);
        assertThat(Acts.decide(api(port, "adjoint"), "demo", task, "APPROVE", "Vu avant la panne").status())
                .isEqualTo(204);

        first.destroyForcibly();
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();

        start(port, "second");
        String maireTask = Acts.awaitTask(api(port, "maire"), "demo", actId);
        assertThat(Acts.sign(api(port, "maire"), "demo", maireTask).status()).isEqualTo(204);
        // under contrôle de légalité, the act ends acknowledged (exécutoire)
        Acts.awaitState(secretaire, "demo", actId, "ACKNOWLEDGED");

        List<String> events = awaitEvent(secretaire, actId, "COMPLETED");
        assertThat(events).containsExactly("SUBMITTED", "CIRCUIT_STARTED", "VISA_APPROVED", "SIGNED",
                "CIRCUIT_COMPLETED", "BORDEREAU", "TRANSMISSION_PREPARED", "TRANSMITTED", "ACKNOWLEDGED", "ARCHIVE_PREPARED", "ARCHIVE_SENT",
                "ARCHIVE_ACKNOWLEDGED", "ARCHIVED", "COMPLETED");
        // the adjoint's visa survived the crash and was not asked again
        assertThat(api(port, "adjoint").get("/api/v1/tenants/demo/tasks").text()).doesNotContain(actId);
    }

    @Test
    void a_kill_9_during_a_bulk_signature_resumes_it_and_signs_each_act_once() throws Exception {
        home = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "acta-crash-home-");
        int port = freePort();
        Process first = start(port, "first");
        Api secretaire = api(port, "secretaire");
        List<String> acts = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            acts.add(Acts.submit(secretaire, "demo", "arrete"));
        }
        List<String> tasks = acts.stream().map(a -> Acts.awaitTask(api(port, "maire"), "demo", a)).toList();
        Api.Response started = api(port, "maire").postJson("/api/v1/tenants/demo/tasks/bulk-signature",
                "{\"taskIds\":[\"" + String.join("\",\"", tasks) + "\"],\"password\":\"demo\"}");
        assertThat(started.status()).isEqualTo(202);
        String url = started.json("$.url");
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(50))
                .until(() -> api(port, "maire").get(url).<Integer>json("$.signed") >= 2);
        first.destroyForcibly();
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();

        start(port, "second");
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                .until(() -> api(port, "maire").get(url).<Integer>json("$.done") == 12);
        assertThat(api(port, "maire").get(url).<Integer>json("$.signed")).isEqualTo(12);
        for (String act : acts) {
            Acts.awaitState(secretaire, "demo", act, "ACKNOWLEDGED");
            assertThat(secretaire.get("/api/v1/tenants/demo/acts/" + act).<List<Object>>json("$.signatures"))
                    .as("each act signed exactly once").hasSize(1);
        }
    }

    @Test
    void a_halt_right_after_s2low_accepted_the_act_neither_loses_nor_repeats_the_sending() throws Exception {
        home = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "acta-crash-home-");
        int port = freePort();
        Process first = start(port, "first", "--acta.faults.halt-after-s2low-post=true");
        Api secretaire = api(port, "secretaire");
        String actId = Acts.submit(secretaire, "demo", "arrete");
        String number = secretaire.get("/api/v1/tenants/demo/acts/" + actId).json("$.number");
        assertThat(Acts.sign(api(port, "maire"), "demo", Acts.awaitTask(api(port, "maire"), "demo", actId)).status())
                .isEqualTo(204);
        assertThat(first.waitFor(120, TimeUnit.SECONDS)).as("halted after the post").isTrue();
        assertThat(first.exitValue()).isEqualTo(137);
        assertThat(Files.readString(home.resolve("first.log"))).contains("FAULT INJECTION: halting after S²LOW "
                + "accepted act " + actId);

        start(port, "second");
        Acts.awaitState(secretaire, "demo", actId, "ACKNOWLEDGED");
        Api.Response act = secretaire.get("/api/v1/tenants/demo/acts/" + actId);
        assertThat(act.<Integer>json("$.transmission.attempt")).isEqualTo(1);
        assertThat(act.<List<String>>json("$.history[?(@.event == 'TRANSMITTED')]")).hasSize(1);
        assertThat(act.<List<String>>json("$.transmission.history[*].detail")).anyMatch(d -> d != null
                && d.contains("retrouvé sur S²LOW par son numéro"));
        List<Map<String, Object>> onS2low = api(port, "admin").get("/api/v1/sandbox/prefecture/transactions?type=1"
                + "&number=" + number).json("$");
        assertThat(onS2low).as("one transaction on S²LOW for the act").singleElement()
                .satisfies(t -> assertThat(t.get("id").toString()).isEqualTo(act.json("$.transmission.transactionId")));
    }

    @Test
    void a_kill_9_while_waiting_for_the_prefecture_resumes_the_follow_up_without_sending_again() throws Exception {
        home = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "acta-crash-home-");
        int port = freePort();
        Process first = start(port, "first");
        Api admin = api(port, "admin");
        assertThat(admin.put("/api/v1/sandbox/prefecture/settings", MediaType.APPLICATION_JSON,
                "{\"sentToAnswerMs\":15000}".getBytes()).status()).isEqualTo(200);
        Api secretaire = api(port, "secretaire");
        String actId = Acts.submit(secretaire, "demo", "arrete");
        assertThat(Acts.sign(api(port, "maire"), "demo", Acts.awaitTask(api(port, "maire"), "demo", actId)).status())
                .isEqualTo(204);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .until(() -> followUpTimerWaiting(admin, actId));
        assertThat(Acts.state(secretaire, "demo", actId)).isEqualTo("TRANSMITTED");
        first.destroyForcibly();
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();

        start(port, "second");
        Acts.awaitState(secretaire, "demo", actId, "ACKNOWLEDGED");
        Api.Response act = secretaire.get("/api/v1/tenants/demo/acts/" + actId);
        String number = act.json("$.number");
        assertThat(act.<List<String>>json("$.history[?(@.event == 'TRANSMITTED')]")).hasSize(1);
        assertThat(act.<List<String>>json("$.history[?(@.event == 'ACKNOWLEDGED')]")).hasSize(1);
        assertThat(act.<List<String>>json("$.documents[?(@.role == 'ARACTE')]")).hasSize(1);
        List<Map<String, Object>> onS2low = admin.get("/api/v1/sandbox/prefecture/transactions?type=1&number="
                + number).json("$");
        assertThat(onS2low).singleElement().satisfies(t -> assertThat(t.get("status")).isEqualTo(4));
    }

    @Test
    void a_halt_right_after_the_archive_received_the_transfer_archives_the_act_once() throws Exception {
        home = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "acta-crash-home-");
        int port = freePort();
        Process first = start(port, "first", "--acta.faults.halt-after-archive-send=true");
        Api secretaire = api(port, "secretaire");
        String actId = Acts.submit(secretaire, "demo", "arrete");
        assertThat(Acts.sign(api(port, "maire"), "demo", Acts.awaitTask(api(port, "maire"), "demo", actId)).status())
                .isEqualTo(204);
        assertThat(first.waitFor(120, TimeUnit.SECONDS)).as("halted after the sending").isTrue();
        assertThat(first.exitValue()).isEqualTo(137);
        assertThat(Files.readString(home.resolve("first.log"))).contains("FAULT INJECTION: halting after the archive "
                + "received ACTA-" + actId + "-1");

        start(port, "second");
        Acts.awaitState(secretaire, "demo", actId, "ARCHIVED");
        Api.Response act = secretaire.get("/api/v1/tenants/demo/acts/" + actId);
        assertThat(act.<Integer>json("$.archive.attempt")).isEqualTo(1);
        assertThat(act.<List<String>>json("$.history[?(@.event == 'ARCHIVE_SENT')].detail")).singleElement()
                .satisfies(d -> assertThat(d).contains("retrouvé dans l'archive après une interruption"));
        // the archive received that one transfer of the act (a message identifier is received once), accepted
        String replies = "/api/v1/tenants/demo/sae/restservices/sedaMessages/sequence:ArchiveTransfer"
                + "/message:ArchiveTransferReply/originOrganizationIdentification:210690004/originMessageIdentifier:";
        Api archivist = api(port, "archiviste");
        Api.Response reply = archivist.get(replies + "ACTA-" + actId + "-1");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.text()).contains("<ReplyCode>000</ReplyCode>").contains(act.<String>json("$.archive.archiveId"));
        assertThat(archivist.get(replies + "ACTA-" + actId + "-2").status()).isEqualTo(404);
    }

    /** The act's transmission waits on its BPMN timer (sent, the préfecture has not answered yet). */
    private static boolean followUpTimerWaiting(Api admin, String actId) {
        List<String> instances = admin.get("/engine-rest/process-instance?processDefinitionKey=prefecture-transmission"
                + "&businessKey=" + actId).json("$[*].id");
        if (instances.isEmpty()) {
            return false;
        }
        List<Object> timers = admin.get("/engine-rest/job?timers=true&processInstanceId=" + instances.get(0)).json("$");
        return !timers.isEmpty() && "TRANSMITTED".equals(Acts.state(new Api(admin.baseUrl(), "secretaire", "demo"),
                "demo", actId));
    }

    private static List<String> awaitEvent(Api api, String actId, String event) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> api
                .get("/api/v1/tenants/demo/acts/" + actId).<List<String>>json("$.history[*].event").contains(event));
        return api.get("/api/v1/tenants/demo/acts/" + actId).json("$.history[*].event");
    }

    private Process start(int port, String name, String... options) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(java, "-Xmx1g", "-cp", classpath,
                ActaApplication.class.getName(), "--acta.home=" + home, "--server.port=" + port,
                "--logging.level.root=WARN"));
        command.addAll(List.of(options));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(home.resolve(name + ".log").toFile());
        builder.environment().remove("ACTA_DB_URL");
        Process process = builder.start();
        processes.add(process);
        Api anonymous = new Api("http://localhost:" + port, null, null);
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("Acta stopped during start-up; see " + home.resolve(name + ".log"));
            }
            try {
                return anonymous.get("/actuator/health").status() == 200;
            } catch (RuntimeException e) {
                return false;
            }
        });
        return process;
    }

    private static Api api(int port, String user) {
        return new Api("http://localhost:" + port, user, "demo");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @AfterEach
    void stop() throws Exception {
        for (Process p : processes) {
            if (p.isAlive()) {
                p.destroy();
                if (!p.waitFor(60, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            }
        }
        // a PostgreSQL left behind by a failed run must not outlive the test
        File pid = home == null ? null : home.resolve("postgres/postmaster.pid").toFile();
        if (pid != null && pid.exists()) {
            String first = Files.readAllLines(pid.toPath()).get(0).strip();
            ProcessHandle.of(Long.parseLong(first)).ifPresent(ProcessHandle::destroy);
        }
    }
}

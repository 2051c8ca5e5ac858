package fr.acta.prefecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.acta.support.Acts;
import fr.acta.support.Api;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Test helpers: an act acknowledged by the sandbox préfecture, and the préfecture's letters about it. */
final class Letters {

    static final String SANDBOX = "/api/v1/sandbox/prefecture";

    private Letters() {
    }

    /** An arrêté signed by the maire and acknowledged by the sandbox préfecture; returns the act id. */
    static String acknowledgedAct(Api secretaire, Api maire) {
        String actId = Acts.submit(secretaire, "demo", "arrete");
        Acts.sign(maire, "demo", Acts.awaitTask(maire, "demo", actId));
        Acts.awaitState(secretaire, "demo", actId, "ACKNOWLEDGED");
        return actId;
    }

    /** The act's S²LOW transaction. */
    static long transaction(Api api, String actId) {
        return Long.parseLong(api.get("/api/v1/tenants/demo/acts/" + actId).json("$.transmission.transactionId"));
    }

    /** The sandbox préfecture writes about the act; returns the letter's S²LOW transaction id. */
    static long issue(Api operator, long transaction, String type, String text) {
        String body = text == null ? "{\"type\":\"" + type + "\"}"
                : "{\"type\":\"" + type + "\",\"text\":\"" + text + "\"}";
        Api.Response r = operator.postJson(SANDBOX + "/transactions/" + transaction + "/messages", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return ((Number) r.json("$.id")).longValue();
    }

    static List<Map<String, Object>> messages(Api api, String actId) {
        Api.Response r = api.get("/api/v1/tenants/demo/acts/" + actId + "/prefecture-messages");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json("$");
    }

    static Optional<Map<String, Object>> message(Api api, String actId, long remoteId) {
        return messages(api, actId).stream().filter(m -> String.valueOf(remoteId).equals(m.get("remoteId"))).findFirst();
    }

    /** Waits until the mailbox recorded the letter; returns it as the API shows it. */
    static Map<String, Object> awaitMessage(Api api, String actId, long remoteId) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> message(api, actId, remoteId).isPresent());
        return message(api, actId, remoteId).orElseThrow();
    }

    /** Waits until the letter's state is the given one. */
    static Map<String, Object> awaitMessageState(Api api, String actId, long remoteId, String state) {
        try {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> message(api, actId, remoteId).map(m -> state.equals(m.get("state"))).orElse(false));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("Letter " + remoteId + " did not reach " + state + ": "
                    + message(api, actId, remoteId) + "\n" + api.get("/api/v1/tenants/demo/acts/" + actId).text(), e);
        }
        return message(api, actId, remoteId).orElseThrow();
    }

    /** The caller's reply tasks on that act. */
    static List<Map<String, Object>> replyTasks(Api api, String actId) {
        List<Map<String, Object>> tasks = api.get("/api/v1/tenants/demo/tasks").json("$");
        return tasks.stream().filter(t -> actId.equals(t.get("actId")) && "PREFECTURE_REPLY".equals(t.get("kind")))
                .toList();
    }

    static String replyPath(String actId, Object messageId) {
        return "/api/v1/tenants/demo/acts/" + actId + "/prefecture-messages/" + messageId + "/reply";
    }
}

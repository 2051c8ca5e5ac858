package fr.acta.simulator.prefecture;

import fr.acta.simulator.prefecture.SandboxProperties.Account;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The browser hand-off that posts an act left waiting ({@code en_attente=1}, status 17):
 * {@code /api/get-nounce.php} gives a nonce (5 minutes, once), then the agent's browser opens
 * {@code actes_transac_post_confirm_api.php?id&nounce&login&hash=sha256("password:nonce")&url_return}
 * and is sent back to {@code url_return} with {@code %%ERROR%%} (0 or 1) and {@code %%MESSAGE%%}
 * replaced. S²LOW also requires an RGS certificate there; the sandbox cannot see one (plain HTTP).
 */
@RestController
@SandboxEnabled
class S2lowConfirmController {

    private static final Duration NONCE_LIFETIME = Duration.ofMinutes(5);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final S2lowGuard guard;
    private final SandboxAccounts accounts;
    private final SandboxStore store;
    private final SandboxLifecycle lifecycle;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    S2lowConfirmController(S2lowGuard guard, SandboxAccounts accounts, SandboxStore store, SandboxLifecycle lifecycle,
                           JdbcTemplate jdbc, TransactionTemplate tx) {
        this.guard = guard;
        this.accounts = accounts;
        this.store = store;
        this.lifecycle = lifecycle;
        this.jdbc = jdbc;
        this.tx = tx;
    }

    @GetMapping(SandboxSecurityConfiguration.PREFIX + "/api/get-nounce.php")
    ResponseEntity<byte[]> nonce(HttpServletRequest request) {
        return guard.run(() -> {
            guard.account(request, true);
            byte[] random = new byte[20];
            RANDOM.nextBytes(random);
            String nonce = HexFormat.of().formatHex(random);
            jdbc.update("delete from sandbox_prefecture_nonce where created_at < ?",
                    Timestamp.from(Instant.now().minus(NONCE_LIFETIME)));
            jdbc.update("insert into sandbox_prefecture_nonce (nonce, created_at) values (?, ?)", nonce,
                    Timestamp.from(Instant.now()));
            return S2lowReadController.json(Map.of("nounce", nonce));
        });
    }

    @GetMapping(SandboxSecurityConfiguration.PREFIX + "/modules/actes/actes_transac_post_confirm_api.php")
    ResponseEntity<byte[]> confirm(HttpServletRequest request) {
        String back = S2lowReadController.param(request, "url_return");
        String error = confirm(S2lowReadController.param(request, "id"), S2lowReadController.param(request, "nounce"),
                S2lowReadController.param(request, "login"), S2lowReadController.param(request, "hash"));
        String message = error == null ? "La transaction a été postée." : error;
        if (back.isEmpty()) {
            return error == null ? S2lowText.ok(message) : S2lowText.ko(message);
        }
        String location = back.replace("%%ERROR%%", error == null ? "0" : "1")
                .replace("%%MESSAGE%%", URLEncoder.encode(message, StandardCharsets.UTF_8));
        return ResponseEntity.status(302).header(HttpHeaders.LOCATION, location).build();
    }

    /** Null when the transaction was posted, else the reason. */
    private String confirm(String id, String nonce, String login, String hash) {
        Integer taken = jdbc.update("delete from sandbox_prefecture_nonce where nonce = ? and created_at >= ?", nonce,
                Timestamp.from(Instant.now().minus(NONCE_LIFETIME)));
        Optional<Account> account = accounts.byLogin(login);
        if (taken == 0 || account.isEmpty() || !MessageDigest.isEqual(hash.getBytes(StandardCharsets.UTF_8),
                sha256(account.get().password() + ":" + nonce).getBytes(StandardCharsets.UTF_8))) {
            return "Échec de l'authentification";
        }
        return tx.execute(status -> {
            Tx t = CollectiviteDesk.parse(id).flatMap(store::lock).orElse(null);
            if (t == null || !t.siren().equals(account.get().siren())) {
                return "Transaction introuvable.";
            }
            if (t.lastStatus() != 17) {
                return "La transaction n'est pas en attente d'être postée.";
            }
            Instant now = Instant.now();
            SandboxLifecycle.Plan plan = lifecycle.plan(now);
            store.replan(t.id(), plan.waitingAt(), plan.sentAt(), plan.answerAt());
            store.addStatus(t.id(), 1, now, "Dépôt initial", null);
            return null;
        });
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package fr.acta.simulator.prefecture;

import fr.acta.simulator.prefecture.SandboxProperties.Account;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * S²LOW's JSON and connectivity scripts: {@code /api/test-connexion.php}, {@code /api/info-connexion.php},
 * and under {@code /modules/actes/api/}: lists of acts by status, the status names, the préfecture's
 * unread documents and marking one read.
 */
@RestController
@SandboxEnabled
@RequestMapping(SandboxSecurityConfiguration.PREFIX)
class S2lowApiController {

    static final Map<Integer, String> STATUSES = statuses();

    private final S2lowGuard guard;
    private final SandboxStore store;
    private final SandboxLifecycle lifecycle;
    private final SandboxProperties properties;

    S2lowApiController(S2lowGuard guard, SandboxStore store, SandboxLifecycle lifecycle,
                       SandboxProperties properties) {
        this.guard = guard;
        this.store = store;
        this.lifecycle = lifecycle;
        this.properties = properties;
    }

    @GetMapping("/api/test-connexion.php")
    ResponseEntity<byte[]> test(HttpServletRequest request) {
        return guard.run(() -> {
            guard.account(request, true);
            return S2lowText.text("OK");
        });
    }

    @GetMapping("/api/info-connexion.php")
    ResponseEntity<byte[]> info(HttpServletRequest request) {
        return guard.run(() -> {
            Account a = guard.account(request, true);
            Map<String, Object> user = new LinkedHashMap<>();
            user.put("id", authorityId(a));
            user.put("login", a.login());
            user.put("email", a.email());
            user.put("authority_id", authorityId(a));
            Map<String, Object> authority = new LinkedHashMap<>();
            authority.put("id", authorityId(a));
            authority.put("authority_type_id", a.authorityType());
            authority.put("status", 1);
            authority.put("name", a.name());
            authority.put("siren", a.siren());
            authority.put("email", a.email());
            authority.put("address", "");
            authority.put("postal_code", "");
            authority.put("city", "");
            authority.put("telephone", "");
            authority.put("department", a.department());
            authority.put("district", a.district());
            authority.put("authority_group_id", null);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("user_info", user);
            body.put("authority_info", authority);
            return S2lowReadController.json(body);
        });
    }

    /** {@code {status_id, authority_id, offset, limit, transactions[…]}}, newest first. */
    @GetMapping("/modules/actes/api/list_actes.php")
    ResponseEntity<byte[]> list(HttpServletRequest request) {
        return guard.run(() -> {
            Account a = guard.account(request, true);
            int status = integer(request, "status_id", 0);
            int offset = Math.max(0, integer(request, "offset", 0));
            int limit = Math.max(0, integer(request, "limit", 100));
            lifecycle.catchUp(a.siren());
            List<Map<String, Object>> transactions = new ArrayList<>();
            for (Tx t : store.byStatus(a.siren(), status, offset, limit)) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", t.id());
                m.put("subject", t.subject());
                m.put("number", t.number());
                m.put("date", t.decisionDate() == null ? null : t.decisionDate().toString());
                m.put("nature_descr", Natures.description(t.natureCode()));
                m.put("classification", t.classification());
                m.put("type", String.valueOf(t.type()));
                transactions.add(m);
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status_id", status);
            body.put("authority_id", authorityId(a));
            body.put("offset", offset);
            body.put("limit", limit);
            body.put("transactions", transactions);
            return S2lowReadController.json(body);
        });
    }

    @GetMapping("/modules/actes/api/actes_status.php")
    ResponseEntity<byte[]> statusNames(HttpServletRequest request) {
        return guard.run(() -> {
            guard.account(request, true);
            Map<String, String> names = new LinkedHashMap<>();
            STATUSES.forEach((id, name) -> names.put(String.valueOf(id), name));
            return S2lowReadController.json(names);
        });
    }

    /** The préfecture's letters not yet marked read. */
    @GetMapping("/modules/actes/api/list_document_prefecture.php")
    ResponseEntity<byte[]> documents(HttpServletRequest request) {
        return guard.run(() -> {
            Account a = guard.account(request, true);
            List<Map<String, Object>> list = new ArrayList<>();
            for (Tx t : store.unreadPrefectureDocuments(a.siren())) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", t.id());
                m.put("type", String.valueOf(t.type()));
                m.put("related_transaction_id", t.relatedId());
                m.put("number", t.number());
                m.put("unique_id", t.uniqueId());
                m.put("last_status_id", t.lastStatus());
                list.add(m);
            }
            return S2lowReadController.json(list);
        });
    }

    @GetMapping("/modules/actes/api/document_prefecture_mark_as_read.php")
    ResponseEntity<byte[]> markRead(HttpServletRequest request) {
        return guard.run(() -> {
            Account a = guard.account(request, true);
            store.markRead(a.siren(), integer(request, "transaction_id", 0));
            return S2lowReadController.json(Map.of("result", "ok"));
        });
    }

    /** A stable number for the account's collectivité (S²LOW's authority id). */
    private int authorityId(Account a) {
        return properties.accounts().indexOf(a) + 1;
    }

    private static int integer(HttpServletRequest request, String name, int fallback) {
        String value = S2lowReadController.param(request, name);
        try {
            return value.isEmpty() ? fallback : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Map<Integer, String> statuses() {
        Map<Integer, String> m = new LinkedHashMap<>();
        String[] names = {"Erreur", "Annulé", "Posté", "En attente de transmission", "Transmis", "Acquittement reçu",
            "Validé", "Refusé", "Document reçu", "Acquittement envoyé", "Document envoyé", "Refus d'envoi",
            "Acquittement de document reçu", "Envoyé au SAE", "Archivé par le SAE", "Erreur lors de l'archivage",
            "Reçu par le SAE", "Détruite", "En attente d'être postée", "En attente d'être signé",
            "En attente de transmission au SAE", "Erreur lors de l'envoi au SAE", "Document reçu (pas d'AR)",
            "Impossible d'envoyer au SAE (documents indisponibles)"};
        for (int i = 0; i < names.length; i++) {
            m.put(i - 1, names[i]);
        }
        return m;
    }
}

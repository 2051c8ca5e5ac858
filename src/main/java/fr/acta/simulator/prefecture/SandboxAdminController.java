package fr.acta.simulator.prefecture;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sandbox préfecture's administrator API (JSON, Acta's HTTP Basic, roles ADMIN or OPERATOR):
 * look at the transactions, set the delays, order an anomaly, answer with any raw @ctes message,
 * send the préfecture's letters, change the classification served and the version announced.
 */
@RestController
@SandboxEnabled
@RequestMapping("/api/v1/sandbox/prefecture")
class SandboxAdminController {

    private final SandboxStore store;
    private final SandboxLifecycle lifecycle;
    private final SandboxSettings settings;
    private final SandboxClassifications classifications;
    private final PrefectureDesk prefecture;

    SandboxAdminController(SandboxStore store, SandboxLifecycle lifecycle, SandboxSettings settings,
                           SandboxClassifications classifications, PrefectureDesk prefecture) {
        this.store = store;
        this.lifecycle = lifecycle;
        this.settings = settings;
        this.classifications = classifications;
        this.prefecture = prefecture;
    }

    @GetMapping("/transactions")
    List<Map<String, Object>> transactions(@RequestParam(required = false) String siren,
                                           @RequestParam(required = false) String number,
                                           @RequestParam(required = false) Integer type,
                                           @RequestParam(defaultValue = "100") int limit) {
        requireAdmin();
        return store.search(blank(siren), blank(number), type, Math.min(Math.max(limit, 1), 1000)).stream()
                .map(t -> view(lifecycle.current(t.id()).orElse(t), false)).toList();
    }

    @GetMapping("/transactions/{id}")
    Map<String, Object> transaction(@PathVariable long id) {
        requireAdmin();
        return view(lifecycle.current(id).orElseThrow(() -> AdminException.notFound(id)), true);
    }

    /** Every remaining step of the progression happens now. */
    @PostMapping("/transactions/{id}/advance")
    Map<String, Object> advance(@PathVariable long id) {
        requireAdmin();
        return view(lifecycle.hurry(id).orElseThrow(() -> AdminException.notFound(id)), true);
    }

    /** Answers the transaction with a raw préfecture message (ARActe, AnomalieActe, CourrierSimple…). */
    @PostMapping(path = "/transactions/{id}/answer", consumes = {MediaType.APPLICATION_XML_VALUE,
            MediaType.TEXT_XML_VALUE, MediaType.APPLICATION_OCTET_STREAM_VALUE})
    Map<String, Object> answer(@PathVariable long id, @RequestBody byte[] xml) {
        requireAdmin();
        store.find(id).orElseThrow(() -> AdminException.notFound(id));
        long landed = prefecture.answer(id, xml);
        return view(lifecycle.current(landed).orElseThrow(), true);
    }

    /** Sends a letter about an acknowledged act: {@code {"type": "COURRIER_SIMPLE", "text": "…"}}. */
    @PostMapping("/transactions/{id}/messages")
    ResponseEntity<Map<String, Object>> message(@PathVariable long id, @RequestBody Map<String, Object> body) {
        requireAdmin();
        Object type = body.get("type");
        PrefectureDesk.Letter letter;
        try {
            letter = PrefectureDesk.Letter.valueOf(String.valueOf(type));
        } catch (IllegalArgumentException e) {
            throw new AdminException(400, "Type de message inconnu : attendu COURRIER_SIMPLE, "
                    + "DEMANDE_PIECES_COMPLEMENTAIRES, LETTRE_OBSERVATIONS ou DEFERE_TA.", "type");
        }
        Object text = body.get("text");
        long created = prefecture.issue(id, letter, text == null ? null : text.toString());
        return ResponseEntity.status(201).body(view(store.find(created).orElseThrow(), true));
    }

    @GetMapping("/settings")
    Map<String, Object> settings() {
        requireAdmin();
        SandboxSettings.Effective e = settings.effective();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("postedToWaitingMs", e.postedToWaiting().toMillis());
        m.put("waitingToSentMs", e.waitingToSent().toMillis());
        m.put("sentToAnswerMs", e.sentToAnswer().toMillis());
        m.put("nextAnomaly", e.nextAnomaly());
        m.put("nextAnomalyNature", e.nextAnomalyNature());
        m.put("nextAnomalyDetail", e.nextAnomalyDetail());
        m.put("announcedClassification", e.announcedClassification() == null ? null
                : e.announcedClassification().toString());
        return m;
    }

    /** Delays in milliseconds and the announced classification version; absent fields stay as they are. */
    @PutMapping("/settings")
    Map<String, Object> updateSettings(@RequestBody Map<String, Object> body) {
        requireAdmin();
        Duration d1 = millis(body, "postedToWaitingMs");
        Duration d2 = millis(body, "waitingToSentMs");
        Duration d3 = millis(body, "sentToAnswerMs");
        if (body.containsKey("announcedClassification")) {
            settings.setAnnouncedClassification(date(body.get("announcedClassification"), "announcedClassification"));
        }
        settings.setDelays(d1, d2, d3);
        return settings();
    }

    /** Every setting back to the configured defaults, and the configured classification served. */
    @DeleteMapping("/settings")
    Map<String, Object> resetSettings() {
        requireAdmin();
        settings.reset();
        classifications.reset();
        return settings();
    }

    /** The next act posted is answered with an AnomalieActe ({@code nature}, {@code detail} optional). */
    @PostMapping("/next-anomaly")
    Map<String, Object> nextAnomaly(@RequestBody(required = false) Map<String, Object> body) {
        requireAdmin();
        String nature = body == null || body.get("nature") == null ? SandboxSettings.DEFAULT_ANOMALY_NATURE
                : body.get("nature").toString();
        if (!nature.matches("[0-9]{3}")) {
            throw new AdminException(400, "La nature d'une anomalie compte trois chiffres.", "nature");
        }
        String detail = body == null || body.get("detail") == null ? SandboxSettings.DEFAULT_ANOMALY_DETAIL
                : body.get("detail").toString();
        settings.setNextAnomaly(true, nature, detail);
        return settings();
    }

    @DeleteMapping("/next-anomaly")
    Map<String, Object> cancelNextAnomaly() {
        requireAdmin();
        settings.setNextAnomaly(false, null, null);
        return settings();
    }

    /** Replaces the RetourClassification served (to one SIREN with {@code ?siren=}, else to all). */
    @PutMapping(path = "/classification", consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE,
            MediaType.APPLICATION_OCTET_STREAM_VALUE})
    Map<String, Object> classification(@RequestParam(required = false) String siren, @RequestBody byte[] xml) {
        requireAdmin();
        if (siren != null && !siren.matches("[0-9]{9}")) {
            throw new AdminException(400, "Le SIREN compte neuf chiffres.", "siren");
        }
        LocalDate date = SandboxClassifications.dateOf(xml);
        if (date == null) {
            throw new AdminException(400, "Le document n'est pas une RetourClassification @ctes avec sa "
                    + "DateClassification.", "body");
        }
        classifications.replace(siren == null ? "*" : siren, xml, date);
        return Map.of("siren", siren == null ? "*" : siren, "dateClassification", date.toString());
    }

    private Map<String, Object> view(Tx t, boolean details) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.id());
        m.put("type", t.type());
        m.put("siren", t.siren());
        m.put("login", t.login());
        m.put("number", t.number());
        m.put("subject", t.subject());
        m.put("natureCode", t.natureCode());
        m.put("classification", t.classification());
        m.put("decisionDate", t.decisionDate() == null ? null : t.decisionDate().toString());
        m.put("status", t.lastStatus());
        m.put("statusName", S2lowApiController.STATUSES.get(t.lastStatus()));
        m.put("uniqueId", t.uniqueId());
        m.put("relatedId", t.relatedId());
        m.put("fromPrefecture", t.fromPrefecture());
        m.put("typeReponse", t.typeReponse());
        m.put("outcome", t.outcome());
        m.put("submittedAt", t.submittedAt().toString());
        if (details) {
            m.put("history", store.statuses(t.id()).stream().map(s -> {
                Map<String, Object> h = new LinkedHashMap<>();
                h.put("status", s.status());
                h.put("at", s.at().toString());
                h.put("message", s.message());
                h.put("hasFluxRetour", s.fluxRetour() != null);
                return h;
            }).toList());
            m.put("files", store.files(t.id()).stream().map(f -> Map.of("id", f.id(), "name", f.name(),
                    "mimetype", f.mimetype(), "size", f.size())).toList());
        }
        return m;
    }

    private static void requireAdmin() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        boolean allowed = auth != null && auth.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals("ROLE_ADMIN") || a.getAuthority().equals("ROLE_OPERATOR"));
        if (!allowed) {
            throw new AdminException(403, "Accès refusé : le bac à sable de la préfecture est réservé aux "
                    + "administrateurs et aux opérateurs.", null);
        }
    }

    private static Duration millis(Map<String, Object> body, String field) {
        Object value = body.get(field);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Number n) || n.longValue() < 0 || n.longValue() > 86_400_000L) {
            throw new AdminException(400, "Le délai « " + field + " » est un nombre de millisecondes entre 0 et "
                    + "86 400 000.", field);
        }
        return Duration.ofMillis(n.longValue());
    }

    private static LocalDate date(Object value, String field) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value.toString());
        } catch (DateTimeParseException e) {
            throw new AdminException(400, "La date « " + field + " » est au format AAAA-MM-JJ.", field);
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

package fr.acta.simulator.prefecture;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import fr.acta.simulator.prefecture.S2lowText.Ko;
import fr.acta.simulator.prefecture.SandboxProperties.Account;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * S²LOW's reading scripts under {@code /s2low-sandbox/modules/actes/}: status (with the préfecture's
 * message), ARActe, files list and files (stamped on demand), bordereau, exchanges of an act,
 * classification. Reading a transaction writes the steps of its progression whose time has come.
 */
@RestController
@SandboxEnabled
@RequestMapping(SandboxSecurityConfiguration.PREFIX + "/modules/actes")
class S2lowReadController {

    static final ObjectMapper PHP_JSON = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
    private static final DateTimeFormatter FRENCH = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final S2lowGuard guard;
    private final SandboxStore store;
    private final SandboxLifecycle lifecycle;
    private final SandboxClassifications classifications;
    private final SandboxAccounts accounts;

    S2lowReadController(S2lowGuard guard, SandboxStore store, SandboxLifecycle lifecycle,
                        SandboxClassifications classifications, SandboxAccounts accounts) {
        this.guard = guard;
        this.store = store;
        this.lifecycle = lifecycle;
        this.classifications = classifications;
        this.accounts = accounts;
    }

    /** {@code OK\n{status}\n{flux retour}}; for -1 the préfecture's message follows. */
    @GetMapping("/actes_transac_get_status.php")
    ResponseEntity<byte[]> status(HttpServletRequest request) {
        return guard.run(() -> {
            Account account = guard.account(request, false);
            Tx t = transaction(request, account, "transaction");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(("OK\n" + t.lastStatus() + "\n").getBytes(S2lowText.LATIN1));
            store.lastWithStatus(t.id(), t.lastStatus()).ifPresent(row -> {
                if (row.fluxRetour() != null) {
                    out.writeBytes(row.fluxRetour());
                }
                if (t.lastStatus() == -1) {
                    out.writeBytes(row.message().getBytes(S2lowText.LATIN1));
                }
            });
            return S2lowText.bytes(out.toByteArray());
        });
    }

    @GetMapping("/actes_transac_get_ARActe.php")
    ResponseEntity<byte[]> arActe(HttpServletRequest request) {
        return guard.run(() -> {
            Account account = guard.account(request, true);
            Tx t = owned(account, CollectiviteDesk.parse(param(request, "id")).flatMap(lifecycle::current)
                    .orElseThrow(() -> new Ko("Erreur d'initialisation de la transaction.")), true);
            byte[] flux = store.lastWithStatus(t.id(), 4).map(SandboxStore.StatusRow::fluxRetour).orElse(new byte[0]);
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(flux == null ? new byte[0] : flux);
        });
    }

    /** JSON array in S²LOW's order (0 the XML message, 1 the act, 2+ annexes), once an answer came. */
    @GetMapping("/actes_transac_get_files_list.php")
    ResponseEntity<byte[]> files(HttpServletRequest request) {
        return guard.run(() -> {
            Account account = guard.account(request, false);
            Tx t = transaction(request, account, "transaction");
            boolean answered = store.statuses(t.id()).stream().anyMatch(s -> s.status() < 1 || s.status() > 3);
            if (!answered) {
                throw new Ko("Pas d'acquittement recu", false);
            }
            List<Map<String, Object>> list = new ArrayList<>();
            for (SandboxStore.FileRow f : store.files(t.id())) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", f.id());
                m.put("name", f.name());
                m.put("posted_filename", f.postedFilename() == null ? "" : f.postedFilename());
                m.put("mimetype", f.mimetype());
                m.put("size", f.size());
                m.put("sign", "");
                m.put("code_pj", f.codePj() == null ? "" : f.codePj());
                list.add(m);
            }
            return json(list);
        });
    }

    /** A file ({@code file=}), stamped with {@code tampon=true} when it is an acknowledged act's PDF. */
    @GetMapping("/actes_download_file.php")
    ResponseEntity<byte[]> download(HttpServletRequest request) {
        return guard.run(() -> {
            Account account = guard.account(request, true);
            String env = param(request, "env");
            if (!param(request, "file").matches("[0-9]{1,18}")) {
                if (env.matches("[0-9]{1,18}")) {
                    Tx t = owned(account, store.find(Long.parseLong(env)).orElseThrow(() -> new Ko("Accès refusé")), true);
                    return attachment(Envelopes.tarGz(store, t), "application/x-gzip", Envelopes.name(t));
                }
                throw new Ko("Paramètre manquant.");
            }
            SandboxStore.FileRow file = store.file(Long.parseLong(param(request, "file")))
                    .orElseThrow(() -> new Ko("Erreur d'envoi du fichier : Fichier spécifié introuvable"));
            Tx t = owned(account, lifecycle.current(file.transactionId()).orElseThrow(), true);
            byte[] content = store.content(file.id());
            String shownName = file.postedFilename() == null || file.postedFilename().isEmpty()
                    ? file.name() : file.postedFilename();
            boolean tampon = new PostedForm(request).flag("tampon");
            var ar = store.lastWithStatus(t.id(), 4);
            if (tampon && file.name().endsWith(".pdf") && t.type() == 1 && ar.isPresent()) {
                List<String> lines = new ArrayList<>();
                lines.add("Envoyé en préfecture le " + FRENCH.format(t.submittedAt().atZone(Names.PARIS)));
                lines.add("Reçu en préfecture le " + FRENCH.format(ar.get().at().atZone(Names.PARIS)));
                java.time.LocalDate published = ActeIntake.date(param(request, "date_affichage"));
                if (published != null) {
                    lines.add("Publié le " + FRENCH.format(published));
                }
                lines.add("ID : " + t.idActe());
                content = SandboxPdfs.stamp(content, lines);
            }
            return attachment(content, file.mimetype(), shownName);
        });
    }

    /** The bordereau d'acquittement (PDF) of an acknowledged transaction. */
    @GetMapping("/actes_create_pdf.php")
    ResponseEntity<byte[]> bordereau(HttpServletRequest request) {
        return guard.run(() -> {
            Account account = guard.account(request, true);
            Tx t = owned(account, CollectiviteDesk.parse(param(request, "trans_id")).flatMap(lifecycle::current)
                    .orElseThrow(() -> new Ko("Erreur d'initialisation de la transaction.")), true);
            SandboxStore.StatusRow ar = store.lastWithStatus(t.id(), 4)
                    .orElseThrow(() -> new Ko("Pas d'acquittement recu"));
            return attachment(Envelopes.bordereau(store, t, ar, accounts.bySiren(t.siren()).map(Account::name)
                    .orElse(t.siren())), "application/pdf", "bordereau_" + t.id() + ".pdf");
        });
    }

    /** For an act: one line {type}-{status}-{id} per préfecture letter (or the reply to it). */
    @GetMapping("/actes_transac_get_document.php")
    ResponseEntity<byte[]> exchanges(HttpServletRequest request) {
        return guard.run(() -> {
            Account account = guard.account(request, true);
            Tx t = transaction(request, account, "id");
            if (t.type() != 1) {
                return ResponseEntity.status(302).header(HttpHeaders.LOCATION, "actes_download_file.php?env=" + t.id())
                        .build();
            }
            StringBuilder b = new StringBuilder();
            for (Tx letter : store.related(t.id())) {
                if (letter.type() == 6 || letter.type() == 7) {
                    continue;
                }
                Tx shown = store.related(letter.id()).stream().reduce((first, second) -> second).orElse(letter);
                Tx current = lifecycle.current(shown.id()).orElse(shown);
                b.append(letter.type()).append('-').append(current.lastStatus()).append('-').append(shown.id())
                        .append('\n');
            }
            return S2lowText.text(b.toString());
        });
    }

    @GetMapping("/actes_classification_fetch.php")
    ResponseEntity<byte[]> classification(HttpServletRequest request) {
        return guard.run(() -> {
            Account account = guard.account(request, true);
            return ResponseEntity.ok().contentType(MediaType.TEXT_XML)
                    .body(classifications.served(account.siren()).xml());
        });
    }

    /** The transaction named by {@code unique_id} or the given parameter, brought up to date and owned. */
    private Tx transaction(HttpServletRequest request, Account account, String idParameter) {
        String uniqueId = param(request, "unique_id");
        var id = !uniqueId.isEmpty() ? store.findByUniqueId(uniqueId) : CollectiviteDesk.parse(param(request, idParameter));
        Tx t = id.flatMap(lifecycle::current).orElseThrow(() -> new Ko("Numéro de transaction invalide.", false));
        return owned(account, t, false);
    }

    private static Tx owned(Account account, Tx t, boolean escaped) {
        if (!t.siren().equals(account.siren())) {
            throw new Ko("Accès refusé", escaped);
        }
        return t;
    }

    static String param(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        return value == null ? "" : value.strip();
    }

    static ResponseEntity<byte[]> json(Object value) {
        try {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(PHP_JSON.writeValueAsBytes(value));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ResponseEntity<byte[]> attachment(byte[] content, String mime, String name) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(mime))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(name, java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .body(content);
    }
}

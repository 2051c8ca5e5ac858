package fr.acta.simulator.prefecture;

import fr.acta.simulator.prefecture.S2lowText.ReplyKo;
import fr.acta.simulator.prefecture.SandboxProperties.Account;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * S²LOW's posting scripts under {@code /s2low-sandbox/modules/actes/}: an act (form fields and
 * files, or a {@code .tar.gz} envelope), a cancellation, a reply to the préfecture, a
 * classification request. Answers {@code OK\n{id}} or {@code KO\n{message}}, ISO-8859-1, HTTP 200.
 */
@RestController
@SandboxEnabled
@RequestMapping(SandboxSecurityConfiguration.PREFIX + "/modules/actes")
class S2lowPostController {

    private final S2lowGuard guard;
    private final ActeIntake acts;
    private final PackageIntake packages;
    private final CollectiviteDesk desk;

    S2lowPostController(S2lowGuard guard, ActeIntake acts, PackageIntake packages, CollectiviteDesk desk) {
        this.guard = guard;
        this.acts = acts;
        this.packages = packages;
        this.desk = desk;
    }

    @PostMapping("/actes_transac_create.php")
    ResponseEntity<byte[]> create(HttpServletRequest request) {
        return guard.run(() -> {
            PostedForm form = new PostedForm(request);
            form.fileCount();
            Account account = guard.account(request, true);
            return S2lowText.ok(String.valueOf(acts.create(account, form)));
        });
    }

    @PostMapping("/actes_transac_submit.php")
    ResponseEntity<byte[]> submit(HttpServletRequest request) {
        return guard.run(() -> {
            PostedForm form = new PostedForm(request);
            Account account = guard.account(request, true);
            java.util.List<Long> ids = packages.submit(account, form);
            String[] lines = new String[ids.size() + 1];
            lines[0] = String.valueOf(ids.size());
            for (int i = 0; i < ids.size(); i++) {
                lines[i + 1] = String.valueOf(ids.get(i));
            }
            return S2lowText.ok(lines);
        });
    }

    @PostMapping("/actes_transac_cancel.php")
    ResponseEntity<byte[]> cancel(HttpServletRequest request) {
        return guard.run(() -> {
            Account account = guard.account(request, true);
            return S2lowText.ok(String.valueOf(desk.cancel(account, new PostedForm(request).text("id"))));
        });
    }

    @PostMapping("/actes_transac_reponse_create.php")
    ResponseEntity<byte[]> reply(HttpServletRequest request) {
        String query = request.getQueryString();
        boolean apiInQuery = query != null && query.matches("(^|.*&)api=1(&.*|$)");
        return guard.run(() -> {
            try {
                PostedForm form = new PostedForm(request);
                form.fileCount();
                Account account = guard.account(request, true);
                long id = desk.reply(account, form);
                return apiInQuery ? S2lowText.text("OK : id généré : " + id + "\n") : S2lowText.ok(String.valueOf(id));
            } catch (ReplyKo e) {
                return e.response(apiInQuery);
            }
        });
    }

    @GetMapping("/actes_classification_request.php")
    ResponseEntity<byte[]> classificationRequest(HttpServletRequest request) {
        return guard.run(() -> {
            Account account = guard.account(request, true);
            return S2lowText.ok(String.valueOf(desk.requestClassification(account)));
        });
    }
}

package fr.acta.simulator.iparapheur;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Test hooks, not part of the i-Parapheur API: play the signers' part (visa, signature, rejection),
 * expire tokens, read counters. They take a bearer token of the simulated Keycloak like the API.
 * A rejection needs a public annotation longer than 3 characters and at most 512, as on the real server.
 */
@RestController
@SimulatorEnabled
@RequestMapping("/iparapheur-sim/admin")
class SimAdminController {

    private final SimFolders folders;
    private final SimTokens tokens;

    SimAdminController(SimFolders folders, SimTokens tokens) {
        this.folders = folders;
        this.tokens = tokens;
    }

    /** Performs every remaining step: the folder becomes FINISHED. */
    @PostMapping("/folders/{folderId}/finish")
    Map<String, Object> finish(@PathVariable String folderId) {
        return folders.with(SimFixtures.TENANT_ID, folderId, f -> {
            requirePending(f);
            while (f.status == SimFolder.Status.PENDING) {
                f.completeCurrent(folders.now());
            }
            return state(f);
        });
    }

    /** Performs the pending step only. */
    @PostMapping("/folders/{folderId}/advance")
    Map<String, Object> advance(@PathVariable String folderId) {
        return folders.with(SimFixtures.TENANT_ID, folderId, f -> {
            requirePending(f);
            f.completeCurrent(folders.now());
            return state(f);
        });
    }

    /** Rejects at the pending step with {@code {"publicAnnotation": "…"}}. */
    @PostMapping("/folders/{folderId}/reject")
    Map<String, Object> reject(@PathVariable String folderId, @RequestBody(required = false) Map<String, Object> body) {
        Object value = body == null ? null : body.get("publicAnnotation");
        String annotation = value == null ? "" : value.toString().strip();
        if (annotation.length() <= 3) {
            throw new SimException(400, "L'annotation publique est obligatoire pour un rejet et doit dépasser 3 caractères.");
        }
        if (annotation.length() > 512) {
            throw new SimException(400, "L'annotation publique dépasse 512 caractères.");
        }
        return folders.with(SimFixtures.TENANT_ID, folderId, f -> {
            requirePending(f);
            f.reject(folders.now(), annotation);
            return state(f);
        });
    }

    /** Every access token expires now; refresh tokens stay valid. */
    @PostMapping("/tokens/expire")
    Map<String, Object> expireTokens() {
        return Map.of("expired", tokens.expireAccessTokens());
    }

    @GetMapping("/stats")
    Map<String, Object> stats() {
        Map<String, Object> m = new LinkedHashMap<>(tokens.stats());
        m.put("folders", folders.count());
        return m;
    }

    private static void requirePending(SimFolder f) {
        if (f.status != SimFolder.Status.PENDING) {
            throw new SimException(409, "Le dossier n'est pas en cours (état " + f.status + ").");
        }
    }

    private static Map<String, Object> state(SimFolder f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", f.id);
        m.put("status", f.status.name());
        m.put("currentStep", f.status == SimFolder.Status.PENDING ? f.tasks.get(f.current).action : null);
        return m;
    }
}

package fr.acta.simulator.iparapheur;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Keycloak's OpenID Connect token endpoint as the i-Parapheur exposes it:
 * {@code POST /auth/realms/{realm}/protocol/openid-connect/token}, form-encoded, grants
 * {@code password} and {@code refresh_token} for the public client {@code ipcore-web}.
 */
@RestController
@SimulatorEnabled
@RequestMapping("/iparapheur-sim/auth/realms/{realm}/protocol/openid-connect")
class SimKeycloakController {

    private final SimTokens tokens;
    private final IparapheurSimulatorProperties properties;

    SimKeycloakController(SimTokens tokens, IparapheurSimulatorProperties properties) {
        this.tokens = tokens;
        this.properties = properties;
    }

    @PostMapping(path = "/token", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> token(@PathVariable String realm,
                                              @RequestBody MultiValueMap<String, String> form) {
        if (!properties.realm().equals(realm)) {
            throw new SimTokens.GrantError(404, "Realm does not exist", null);
        }
        Map<String, String> single = new LinkedHashMap<>();
        form.forEach((k, v) -> {
            if (v.size() > 1) {
                throw new SimTokens.GrantError(400, "invalid_request", "duplicated parameter");
            }
            single.put(k, v.isEmpty() ? null : v.get(0));
        });
        return ResponseEntity.ok().header("Cache-Control", "no-store").header("Pragma", "no-cache")
                .body(tokens.grant(single));
    }
}

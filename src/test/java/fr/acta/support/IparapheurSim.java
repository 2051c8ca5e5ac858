package fr.acta.support;

import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * The test hooks of the built-in i-Parapheur simulator (its {@code /admin} endpoints): play the
 * signers' part on a folder. They take a token of the simulated Keycloak, like its API.
 */
public final class IparapheurSim {

    private final String base;
    private final RestClient http = RestClient.builder().build();

    public IparapheurSim(int port) {
        this.base = "http://localhost:" + port + "/iparapheur-sim";
    }

    /** Every remaining step done: the folder is FINISHED. */
    public void finish(String folderId) {
        admin("/folders/" + folderId + "/finish", Map.of());
    }

    /** Only the pending step done. */
    public void advance(String folderId) {
        admin("/folders/" + folderId + "/advance", Map.of());
    }

    public void reject(String folderId, String publicAnnotation) {
        admin("/folders/" + folderId + "/reject", Map.of("publicAnnotation", publicAnnotation));
    }

    private void admin(String path, Map<String, Object> body) {
        http.post().uri(base + "/admin" + path).header("Authorization", "Bearer " + token())
                .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toBodilessEntity();
    }

    private String token() {
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", "password");
        form.add("client_id", "ipcore-web");
        form.add("username", "acta");
        form.add("password", "acta-simulateur");
        Map<?, ?> answer = http.post().uri(base + "/auth/realms/api/protocol/openid-connect/token")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form).retrieve().body(Map.class);
        return (String) answer.get("access_token");
    }
}

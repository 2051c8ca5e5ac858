package fr.acta.transmission;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.web.util.UriComponentsBuilder;

/** The S²LOW calls that page, follow a redirect or build a link: kept apart from {@link S2lowClient}. */
final class S2lowListing {

    /** {@code {type}-{status}-{id}}, the status possibly -1. */
    private static final java.util.regex.Pattern EXCHANGE = java.util.regex.Pattern.compile("([0-9]+)-(-?[0-9]+)-([0-9]+)");

    private S2lowListing() {
    }

    static Optional<S2low.Transaction> find(S2lowClient client, S2lowSettings settings, int status, String number,
                                            TransactionType wanted) {
        String action = "la recherche de l'acte " + number;
        for (int page = 0; page < S2lowClient.MAX_PAGES; page++) {
            JsonNode answer = client.json(client.get(settings, client.uri(settings, "api/list_actes.php")
                    .queryParam("status_id", status).queryParam("offset", page * S2lowClient.PAGE)
                    .queryParam("limit", S2lowClient.PAGE), action), action);
            int count = 0;
            for (JsonNode t : S2lowClient.iterable(answer.path("transactions"))) {
                count++;
                String type = S2lowClient.text(t, "type");
                boolean typeMatches = type == null ? wanted == TransactionType.TRANSMISSION
                        : type.equals(String.valueOf(wanted.code()));
                if (number.equals(S2lowClient.text(t, "number")) && typeMatches) {
                    return Optional.of(new S2low.Transaction(t.path("id").asLong(), number,
                            S2lowClient.text(t, "subject"), PrefectureMessageParser.date(S2lowClient.text(t, "date")),
                            S2lowClient.text(t, "nature_descr"), S2lowClient.text(t, "classification"),
                            type == null ? wanted.code() : Integer.parseInt(type), status));
                }
            }
            if (count < S2lowClient.PAGE) {
                break;
            }
        }
        return Optional.empty();
    }

    static List<S2low.Exchange> exchanges(S2lowClient client, S2lowSettings settings, long transmissionId) {
        String action = "la liste des échanges de la transaction " + transmissionId;
        S2lowHttp.Response response = client.raw(settings, client.uri(settings, "actes_transac_get_document.php")
                .queryParam("id", transmissionId).encode().build().toUri(), action);
        S2lowHttp.check(response, action);
        if (S2lowReplies.isKo(response.body())) {
            S2lowReplies.expectOk(response.body(), action);
        }
        List<S2low.Exchange> exchanges = new ArrayList<>();
        for (String line : S2lowReplies.decode(response.body()).split("\r?\n")) {
            if (line.isBlank()) {
                continue;
            }
            java.util.regex.Matcher m = EXCHANGE.matcher(line.strip());
            if (!m.matches()) {
                throw new S2lowException(S2lowException.Kind.PROTOCOL, 200, "Ligne illisible dans " + action
                        + " : « " + line.strip() + " ».");
            }
            int type = Integer.parseInt(m.group(1));
            exchanges.add(new S2low.Exchange(type, TransactionType.of(type), Integer.parseInt(m.group(2)),
                    Long.parseLong(m.group(3))));
        }
        return exchanges;
    }

    /** {@code actes_transac_get_document.php} redirects to the envelope's download: followed once, same host only. */
    static byte[] archive(S2lowClient client, S2lowSettings settings, long transactionId) {
        String action = "le téléchargement de l'enveloppe de la transaction " + transactionId;
        URI first = client.uri(settings, "actes_transac_get_document.php").queryParam("id", transactionId)
                .encode().build().toUri();
        S2lowHttp.Response response = client.raw(settings, first, action);
        if (response.status() >= 300 && response.status() < 400 && response.location() != null) {
            URI next = first.resolve(response.location());
            if (!sameServer(next, settings.baseUrl())) {
                throw new S2lowException(S2lowException.Kind.PROTOCOL, response.status(), "S²LOW renvoie vers un "
                        + "autre serveur pendant " + action + " : " + next);
            }
            response = client.raw(settings, next, action);
        }
        S2lowHttp.check(response, action);
        byte[] body = response.body();
        if (S2lowReplies.isKo(body)) {
            S2lowReplies.expectOk(body, action);
        }
        if (body.length < 2 || (body[0] & 0xff) != 0x1f || (body[1] & 0xff) != 0x8b) {
            throw new S2lowException(S2lowException.Kind.PROTOCOL, response.status(), "S²LOW n'a pas renvoyé d'archive "
                    + ".tar.gz pour " + action + " : il s'agit peut-être d'une transmission d'acte, dont il faut lister "
                    + "les échanges.");
        }
        return body;
    }

    /**
     * A redirect stays on S²LOW's own server: same host, port and scheme as the account's address
     * (https for a real S²LOW; plain http only for the built-in sandbox, whose address is http).
     */
    private static boolean sameServer(URI next, URI base) {
        return next.getHost() != null && next.getHost().equalsIgnoreCase(base.getHost())
                && next.getScheme() != null && next.getScheme().equalsIgnoreCase(base.getScheme())
                && port(next) == port(base);
    }

    private static int port(URI uri) {
        return uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    static URI confirmationLink(S2lowClient client, S2lowSettings settings, List<Long> ids, String returnUrl) {
        if (settings.login() == null) {
            throw new S2lowException(S2lowException.Kind.CONFIGURATION, 0, "La confirmation RGS par S²LOW demande un "
                    + "identifiant et un mot de passe dans les paramètres S²LOW.");
        }
        if (ids == null || ids.isEmpty() || returnUrl == null || returnUrl.isBlank()) {
            throw new IllegalArgumentException("transaction ids and a return URL are required");
        }
        String action = "la demande d'un nonce d'authentification";
        JsonNode answer = client.json(client.get(settings, "/api/get-nounce.php", action), action);
        String nonce = S2lowClient.text(answer, "nounce");
        if (nonce == null || nonce.isBlank()) {
            throw new S2lowException(S2lowException.Kind.PROTOCOL, 200, "S²LOW n'a pas donné de nonce : " + answer);
        }
        UriComponentsBuilder uri = client.uri(settings, ids.size() == 1 ? "actes_transac_post_confirm_api.php"
                : "actes_transac_post_confirm_api_multi.php");
        if (ids.size() == 1) {
            uri.queryParam("id", ids.get(0));
        } else {
            ids.forEach(id -> uri.queryParam("id[]", id));
        }
        uri.queryParam("nounce", nonce).queryParam("login", settings.login())
                .queryParam("hash", sha256(settings.password() + ":" + nonce)).queryParam("url_return", returnUrl);
        return uri.encode().build().toUri();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package fr.acta.iparapheur;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.BufferingClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Service;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Talks to a collectivité's i-Parapheur v5 through its REST "standard" API ({@code /api/standard/v1}).
 * Stateless apart from the token cache: the settings come with every call.
 *
 * <p>Order of a signature round trip, which the API enforces through {@link DeletionPermit}:
 * {@link #createFolder} (record the returned id at once, in the same transaction as the caller's own
 * state; after a crash in between, {@link #findFoldersByName} finds the folder again) → poll
 * {@link #status} → when final, {@link #fetchSignedFolder} → store the ZIP → {@link #deleteFolder}.
 *
 * <p>A 401 from the API makes the connector renew its token once and repeat the call once; a second
 * 401 is an {@link IparapheurException} of kind AUTHENTICATION. Nothing here retries otherwise.
 */
@Service
public class IparapheurConnector {

    private static final Logger log = LoggerFactory.getLogger(IparapheurConnector.class);
    private static final String API = "/api/standard/v1";
    private static final int PAGE_SIZE = 100;
    private static final int MAX_PAGES = 50;
    /** States where a folder created by the desk can be listed from that desk ({@code DOWNSTREAM}: recent servers). */
    private static final List<String> SEARCHED_STATES =
            List.of("DRAFT", "PENDING", "LATE", "RETRIEVABLE", "DOWNSTREAM", "FINISHED", "REJECTED");

    private final RestClient http;
    private final KeycloakTokens tokens;

    @Autowired
    public IparapheurConnector(RestClient.Builder builder) {
        this(builder.requestFactory(requestFactory()), Clock.systemUTC());
    }

    IparapheurConnector(RestClient.Builder builder, Clock clock) {
        this.http = builder.build();
        this.tokens = new KeycloakTokens(http, clock);
    }

    /** HTTP/1.1, bounded waits, no redirects; bodies buffered so that uploads carry a Content-Length. */
    private static ClientHttpRequestFactory requestFactory() {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(client);
        factory.setReadTimeout(Duration.ofMinutes(3));
        return new BufferingClientHttpRequestFactory(factory);
    }

    /** The API's {@code FolderRepresentation}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record FolderRepresentation(String id, String name, String dueDate, Map<String, String> metadata) {

        IparapheurFolder toFolder() {
            LocalDate due = null;
            if (dueDate != null && dueDate.length() >= 10) {
                try {
                    due = LocalDate.parse(dueDate.substring(0, 10));
                } catch (RuntimeException e) {
                    due = null; // fail-safe
                }
            }
            return new IparapheurFolder(id, name, due, metadata);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record FolderPage(List<FolderRepresentation> content, Boolean last, Integer totalPages) {
    }

    // ------------------------------------------------------------------------------------- operations

    /**
     * Creates and starts a folder ({@code autoStart=true}) on the settings' desk, with the type and
     * subtype of the settings. Files are named in the PREMIS by their {@link FolderFile#name()}, which
     * must be unique. Metadata keys must exist on the server; keys starting with
     * {@code i_Parapheur_reserved_} are refused here.
     *
     * <p>The call is not idempotent: after an {@code UNAVAILABLE} failure the folder may exist anyway,
     * so look for it with {@link #findFoldersByName} before creating it again.
     *
     * @param dueDate the folder's due date, or null
     */
    public IparapheurFolder createFolder(IparapheurSettings settings, String name, FolderFile mainPdf,
                                         List<FolderFile> annexes, Map<String, String> metadata, LocalDate dueDate) {
        if (name == null || name.isBlank()) {
            throw refused("Le nom du dossier i-Parapheur est obligatoire.");
        }
        if (mainPdf == null || !MediaType.APPLICATION_PDF.isCompatibleWith(MediaType.parseMediaType(mainPdf.contentType()))) {
            throw refused("Le document principal envoyé au i-Parapheur doit être un PDF.");
        }
        List<FolderFile> others = annexes == null ? List.of() : List.copyOf(annexes);
        Set<String> names = new HashSet<>();
        names.add(mainPdf.name());
        for (FolderFile f : others) {
            if (!names.add(f.name())) {
                throw refused("Deux fichiers du dossier portent le même nom « " + f.name()
                        + " » : le i-Parapheur ne saurait pas les distinguer.");
            }
        }
        Map<String, String> meta = metadata == null ? Map.of() : new LinkedHashMap<>(metadata);
        for (Map.Entry<String, String> m : meta.entrySet()) {
            if (m.getKey() == null || m.getKey().isBlank() || m.getKey().startsWith(Premis.RESERVED_PREFIX)
                    || m.getValue() == null) {
                throw refused("Métadonnée invalide pour le i-Parapheur : « " + m.getKey() + " ».");
            }
        }
        byte[] premis = Premis.draft(name.strip(), settings.type(), settings.subtype(), dueDate, meta,
                List.of(mainPdf.name()), others.stream().map(FolderFile::name).toList());

        LinkedMultiValueMap<String, HttpEntity<?>> parts = new LinkedMultiValueMap<>();
        parts.add("folder", part("premis.xml", MediaType.APPLICATION_XML_VALUE, premis));
        parts.add("documents", part(mainPdf.name(), mainPdf.contentType(), mainPdf.content()));
        others.forEach(f -> parts.add("documents", part(f.name(), f.contentType(), f.content())));
        URI uri = uri(settings, "/tenant/{t}/desk/{d}/folder?autoStart=true", settings.tenantId(), settings.deskId());

        FolderRepresentation created = call(settings, "la création du dossier « " + name.strip() + " »", token ->
                http.post().uri(uri).headers(h -> h.setBearerAuth(token)).accept(MediaType.APPLICATION_JSON)
                        .contentType(MediaType.MULTIPART_FORM_DATA).body(parts)
                        .exchange((req, res) -> {
                            byte[] body = res.getBody().readAllBytes();
                            check(res.getStatusCode().value(), body, "la création du dossier « " + name.strip() + " »");
                            return ErrorBodies.read(body, FolderRepresentation.class);
                        }));
        if (created == null || created.id() == null || created.id().isBlank()) {
            throw new IparapheurException(IparapheurException.Kind.PROTOCOL, 201,
                    "Le i-Parapheur a créé le dossier « " + name.strip() + " » sans en donner l'identifiant.");
        }
        log.info("i-Parapheur {}: folder {} created on desk {}", settings.baseUrl(), created.id(), settings.deskId());
        return created.toFolder();
    }

    /** The folder's state, read from its PREMIS summary. A deleted or unknown folder is NOT_FOUND. */
    public FolderStatus status(IparapheurSettings settings, String folderId) {
        byte[] xml = get(settings, folderId, "/premis", MediaType.APPLICATION_XML, "la lecture de l'état du dossier");
        Premis.Content premis = Premis.read(xml);
        return FolderStatus.of(folderId, premis.events());
    }

    /** The folder's ZIP, byte for byte. */
    public byte[] downloadZip(IparapheurSettings settings, String folderId) {
        return get(settings, folderId, "/zip", MediaType.APPLICATION_OCTET_STREAM, "le téléchargement du dossier");
    }

    /** Reads a ZIP obtained by {@link #downloadZip}: documents, bordereau, PREMIS. */
    public SignedFolder readZip(byte[] zip) {
        return IparapheurZip.read(zip);
    }

    /** {@link #downloadZip} then {@link #readZip}; checks that the ZIP is the requested folder's. */
    public SignedFolder fetchSignedFolder(IparapheurSettings settings, String folderId) {
        SignedFolder folder = readZip(downloadZip(settings, folderId));
        if (folder.folderId() != null && !folder.folderId().equals(folderId)) {
            throw new IparapheurException(IparapheurException.Kind.PROTOCOL, 200, "Le i-Parapheur a renvoyé l'archive du dossier "
                    + folder.folderId() + " au lieu de " + folderId + ".");
        }
        return folder;
    }

    /**
     * Deletes a final folder once the caller has kept what it needed (the i-Parapheur's own
     * "archive" step). Returns false if the folder was already gone, so a repeated call after a crash
     * is harmless.
     */
    public boolean deleteFolder(IparapheurSettings settings, DeletionPermit permit) {
        URI uri = uri(settings, "/tenant/{t}/desk/{d}/folder/{f}", settings.tenantId(), settings.deskId(),
                permit.folderId());
        boolean deleted = call(settings, "la suppression du dossier " + permit.folderId(), token ->
                http.delete().uri(uri).headers(h -> h.setBearerAuth(token)).accept(MediaType.APPLICATION_JSON)
                        .exchange((req, res) -> {
                            int status = res.getStatusCode().value();
                            if (status == 404) {
                                return false;
                            }
                            check(status, res.getBody().readAllBytes(), "la suppression du dossier " + permit.folderId());
                            return true;
                        }));
        log.info("i-Parapheur {}: folder {} {} ({})", settings.baseUrl(), permit.folderId(),
                deleted ? "deleted" : "already deleted", permit.reason());
        return deleted;
    }

    /**
     * The folders of the settings' desk that bear exactly this name, in whatever state the desk can
     * list them. Meant for recovery after a crash between {@link #createFolder} and recording its id:
     * give folders unique names (e.g. with Acta's act id) and this finds zero or one.
     */
    public List<IparapheurFolder> findFoldersByName(IparapheurSettings settings, String name) {
        return findFolders(settings, f -> name.equals(f.name()));
    }

    /** The folders of the settings' desk whose metadata {@code key} equals {@code value}. */
    public List<IparapheurFolder> findFoldersByMetadata(IparapheurSettings settings, String key, String value) {
        return findFolders(settings, f -> value.equals(f.metadata().get(key)));
    }

    private List<IparapheurFolder> findFolders(IparapheurSettings settings, Predicate<IparapheurFolder> filter) {
        Map<String, IparapheurFolder> found = new LinkedHashMap<>();
        for (String state : SEARCHED_STATES) {
            for (int page = 0; page < MAX_PAGES; page++) {
                URI uri = uri(settings, "/tenant/{t}/desk/{d}/{s}?page={p}&size={n}", settings.tenantId(),
                        settings.deskId(), state, page, PAGE_SIZE);
                FolderPage result = call(settings, "la recherche des dossiers", token ->
                        http.get().uri(uri).headers(h -> h.setBearerAuth(token)).accept(MediaType.APPLICATION_JSON)
                                .exchange((req, res) -> {
                                    if (res.getStatusCode().value() == 400) {
                                        return null; // a state this server does not know (older version)
                                    }
                                    byte[] body = res.getBody().readAllBytes();
                                    check(res.getStatusCode().value(), body, "la recherche des dossiers");
                                    return ErrorBodies.read(body, FolderPage.class);
                                }));
                if (result == null || result.content() == null) {
                    break;
                }
                result.content().stream().map(FolderRepresentation::toFolder).filter(filter)
                        .forEach(f -> found.putIfAbsent(f.id(), f));
                boolean last = result.last() != null ? result.last()
                        : result.content().size() < PAGE_SIZE || result.totalPages() == null
                        || page + 1 >= result.totalPages();
                if (last) {
                    break;
                }
            }
        }
        return new ArrayList<>(found.values());
    }

    // ------------------------------------------------------------------------------------- plumbing

    private byte[] get(IparapheurSettings settings, String folderId, String suffix, MediaType accept, String what) {
        if (folderId == null || folderId.isBlank()) {
            throw refused("L'identifiant du dossier i-Parapheur est obligatoire.");
        }
        URI uri = uri(settings, "/tenant/{t}/desk/{d}/folder/{f}" + suffix, settings.tenantId(), settings.deskId(),
                folderId);
        String action = what + " " + folderId;
        return call(settings, action, token ->
                http.get().uri(uri).headers(h -> h.setBearerAuth(token)).accept(accept, MediaType.APPLICATION_JSON)
                        .exchange((req, res) -> {
                            byte[] body = res.getBody().readAllBytes();
                            check(res.getStatusCode().value(), body, action);
                            return body;
                        }));
    }

    /** Marks a 401 so that {@link #call} renews the token; never leaves this class. */
    private static final class Unauthorized extends RuntimeException {
        Unauthorized() {
            super(null, null, false, false);
        }
    }

    private <T> T call(IparapheurSettings settings, String what, Function<String, T> request) {
        String token = tokens.bearer(settings);
        try {
            try {
                return request.apply(token);
            } catch (Unauthorized first) {
                log.info("i-Parapheur {}: token refused during {}, renewing it once", settings.baseUrl(), what);
                String renewed = tokens.renew(settings, token);
                try {
                    return request.apply(renewed);
                } catch (Unauthorized second) {
                    tokens.forget(settings);
                    throw new IparapheurException(IparapheurException.Kind.AUTHENTICATION, 401,
                            "Le i-Parapheur refuse le jeton d'accès du compte « " + settings.username()
                                    + " », même renouvelé, pour " + what + ".");
                }
            }
        } catch (ResourceAccessException e) {
            throw new IparapheurException(IparapheurException.Kind.UNAVAILABLE, 0,
                    "Le i-Parapheur (" + settings.baseUrl() + ") est injoignable pendant " + what + " : "
                            + e.getMessage(), e);
        }
    }

    /** Turns an HTTP status other than 2xx into the matching exception. */
    private static void check(int status, byte[] body, String what) {
        if (status >= 200 && status < 300) {
            return;
        }
        if (status == 401) {
            throw new Unauthorized();
        }
        String detail = ErrorBodies.message(body);
        String suffix = detail == null ? "." : " : " + detail;
        if (status == 404) {
            throw new IparapheurException(IparapheurException.Kind.NOT_FOUND, status,
                    "Introuvable sur le i-Parapheur pendant " + what + " (HTTP 404)" + suffix);
        }
        if (status >= 500 || status == 429) {
            throw new IparapheurException(IparapheurException.Kind.UNAVAILABLE, status,
                    "Le i-Parapheur est en erreur pendant " + what + " (HTTP " + status + ")" + suffix);
        }
        throw new IparapheurException(IparapheurException.Kind.REFUSED, status,
                "Le i-Parapheur a refusé " + what + " (HTTP " + status + ")" + suffix);
    }

    private static HttpEntity<ByteArrayResource> part(String filename, String contentType, byte[] content) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType(contentType));
        return new HttpEntity<>(new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return filename;
            }
        }, headers);
    }

    private static URI uri(IparapheurSettings settings, String path, Object... variables) {
        return UriComponentsBuilder.fromUriString(settings.baseUrl() + API + path).encode().buildAndExpand(variables)
                .toUri();
    }

    private static IparapheurException refused(String message) {
        return new IparapheurException(IparapheurException.Kind.REFUSED, 0, message);
    }
}

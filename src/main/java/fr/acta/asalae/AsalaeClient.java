package fr.acta.asalae;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.BufferingClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriUtils;

/**
 * Talks to an As@lae archive through its {@code restservices} API. Stateless: the settings come
 * with every call. A deposit is {@link #send}; the archive then writes its
 * {@link #acknowledgement} and, once it has checked the transfer, its {@link #reply}, both empty
 * until they exist. Nothing here retries: an {@link AsalaeException} says whether trying again
 * later makes sense.
 *
 * <p>Attachments larger than {@link AsalaeSettings#chunkSize()} go in chunks: the bordereau first
 * with {@code send_chunked_attachments=true}, which opens a session, then each chunk to
 * {@code sedaAttachmentsChunkFiles}; the archive takes the transfer in with the last one.
 */
@Component
public final class AsalaeClient {

    private static final String ARCHIVE_TRANSFER = "ArchiveTransfer";
    private final RestClient http;
    private final ObjectMapper json = new ObjectMapper();

    @Autowired
    public AsalaeClient(RestClient.Builder builder) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(client);
        factory.setReadTimeout(Duration.ofMinutes(5));
        this.http = builder.requestFactory(new BufferingClientHttpRequestFactory(factory)).build();
    }

    /** Checks that the archive answers and takes the credentials. */
    public void ping(AsalaeSettings s) {
        call(s, "la vérification de la connexion", c -> c.get().uri(uri(s, "ping"))
                .accept(MediaType.APPLICATION_JSON)).requireSuccess();
    }

    /**
     * Deposits a transfer: its bordereau and its attachments (a ZIP or a tar.gz), in chunks when
     * the attachments exceed the settings' chunk size. Returns once the archive has taken it.
     */
    public void send(AsalaeSettings s, byte[] bordereau, String transferringAgency, String messageIdentifier,
                     byte[] attachments) {
        String what = "le versement du transfert « " + messageIdentifier + " »";
        Parts parts = new Parts();
        parts.file("seda_message", "bordereau.xml", MediaType.APPLICATION_XML, bordereau);
        boolean chunked = attachments != null && s.chunked(attachments.length);
        if (chunked) {
            parts.part("send_chunked_attachments", "true");
        } else if (attachments != null) {
            parts.file("attachments", fileName(attachments), MediaType.APPLICATION_OCTET_STREAM, attachments);
        }
        Answer first = call(s, what, c -> c.post().uri(uri(s, "sedaMessages")).accept(MediaType.APPLICATION_JSON)
                .contentType(MediaType.MULTIPART_FORM_DATA).body(parts));
        first.requireSuccess();
        if (chunked) {
            sendChunks(s, what, first, attachments);
        }
    }

    private void sendChunks(AsalaeSettings s, String what, Answer opened, byte[] attachments) {
        String session;
        String security;
        try {
            JsonNode body = json.readTree(opened.body());
            session = body.path("chunk_session_identifier").asText(null);
            security = body.path("chunk_security_identifier").asText(null);
        } catch (IOException e) {
            session = null;
            security = null;
        }
        if (session == null || security == null) {
            throw new AsalaeException(opened.status(), "L'archive As@lae n'a pas ouvert de session d'envoi par morceaux "
                    + "pendant " + what + " (chunk_session_identifier absent).");
        }
        long size = s.chunkSize();
        int count = (int) ((attachments.length + size - 1) / size);
        String algorithm = isZip(attachments) ? "ZIP" : "TARGZ";
        for (int i = 0; i < count; i++) {
            byte[] chunk = Arrays.copyOfRange(attachments, (int) (i * size),
                    (int) Math.min(attachments.length, (i + 1) * size));
            Parts parts = new Parts();
            parts.part("session_identifier", session);
            parts.part("security_identifier", security);
            parts.part("number_of_files", "1");
            parts.part("file_index", "1");
            parts.part("file_name", fileName(attachments));
            parts.part("compression_algorithm", algorithm);
            parts.part("number_of_chunks", Integer.toString(count));
            parts.part("chunk_index", Integer.toString(i + 1));
            parts.file("chunk_content", "chunk-" + (i + 1), MediaType.APPLICATION_OCTET_STREAM, chunk);
            String step = what + " (morceau " + (i + 1) + " sur " + count + ")";
            call(s, step, c -> c.post().uri(uri(s, "sedaAttachmentsChunkFiles")).accept(MediaType.APPLICATION_JSON)
                    .contentType(MediaType.MULTIPART_FORM_DATA).body(parts)).requireSuccess();
        }
    }

    /** The archive's {@code Acknowledgement} of the transfer; empty while it has none. */
    public Optional<AsalaeAcknowledgement> acknowledgement(AsalaeSettings s, String transferringAgency,
                                                           String messageIdentifier) {
        return message(s, "Acknowledgement", transferringAgency, messageIdentifier)
                .map(SedaMessageReader::acknowledgement);
    }

    /** The archive's {@code ArchiveTransferReply} to the transfer; empty while it has none. */
    public Optional<AsalaeTransferReply> reply(AsalaeSettings s, String transferringAgency, String messageIdentifier) {
        return message(s, "ArchiveTransferReply", transferringAgency, messageIdentifier)
                .map(SedaMessageReader::reply);
    }

    private Optional<byte[]> message(AsalaeSettings s, String message, String agency, String messageIdentifier) {
        URI uri = uri(s, "sedaMessages/sequence:" + ARCHIVE_TRANSFER + "/message:" + message
                + "/originOrganizationIdentification:" + UriUtils.encodePathSegment(agency, StandardCharsets.UTF_8)
                + "/originMessageIdentifier:" + UriUtils.encodePathSegment(messageIdentifier, StandardCharsets.UTF_8));
        Answer answer = call(s, "la lecture du message " + message + " du transfert « " + messageIdentifier + " »",
                c -> c.get().uri(uri).accept(MediaType.APPLICATION_XML));
        if (answer.status() == 404) {
            return Optional.empty();
        }
        answer.requireSuccess();
        return Optional.of(answer.body());
    }

    /** A multipart body: text fields and named files. */
    private static final class Parts extends LinkedMultiValueMap<String, HttpEntity<?>> {
        void part(String name, String value) {
            HttpHeaders h = new HttpHeaders();
            h.setContentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8));
            add(name, new HttpEntity<>(value, h));
        }

        void file(String name, String fileName, MediaType type, byte[] content) {
            HttpHeaders h = new HttpHeaders();
            h.setContentType(type);
            h.setContentDisposition(ContentDisposition.formData().name(name).filename(fileName, StandardCharsets.UTF_8)
                    .build());
            add(name, new HttpEntity<>(content, h));
        }
    }

    /** A raw answer, and what it means when it is no success. */
    private record Answer(int status, String what, byte[] body) {
        void requireSuccess() {
            if (status >= 200 && status < 300) {
                return;
            }
            if (status == 401 || status == 403) {
                throw new AsalaeException(status, "L'archive As@lae a refusé "
                        + (status == 401 ? "l'authentification" : "l'accès") + " (" + status + ") pendant " + what
                        + " : vérifiez l'identifiant et le mot de passe.");
            }
            String detail = AsalaeErrors.detail(body);
            if (status >= 500 || status == 429) {
                throw new AsalaeException(status, "L'archive As@lae est indisponible (" + status + ") pendant " + what
                        + detail);
            }
            throw new AsalaeException(status, "L'archive As@lae a refusé " + what + " (" + status + ")" + detail);
        }
    }

    private Answer call(AsalaeSettings s, String what, Function<RestClient, RestClient.RequestHeadersSpec<?>> spec) {
        try {
            return spec.apply(http)
                    .headers(h -> h.setBasicAuth(s.login() == null ? "" : s.login(), s.basicPassword(),
                            StandardCharsets.UTF_8))
                    .exchange((req, res) -> new Answer(res.getStatusCode().value(), what, res.getBody().readAllBytes()),
                            true);
        } catch (ResourceAccessException e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            throw new AsalaeException(-1, "L'archive As@lae (" + s.baseUrl() + ") est injoignable pendant " + what
                    + " : " + (root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage()) + ".", e);
        }
    }

    private static URI uri(AsalaeSettings s, String path) {
        return URI.create(s.baseUrl() + "/" + path);
    }

    /** The attachments' name, by their format: As@lae (and Acta's archive) read the format from it or the content. */
    private static String fileName(byte[] attachments) {
        return isZip(attachments) ? "attachments.zip" : "attachments.tar.gz";
    }

    private static boolean isZip(byte[] b) {
        return b.length >= 4 && b[0] == 'P' && b[1] == 'K';
    }
}

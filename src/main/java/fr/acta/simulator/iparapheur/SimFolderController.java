package fr.acta.simulator.iparapheur;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The i-Parapheur v5 REST "standard" API ({@code /api/standard/v1}) for tenants, desks, typology
 * and folders, with the checks the real server makes on folder creation.
 */
@RestController
@SimulatorEnabled
@RequestMapping("/iparapheur-sim/api/standard/v1")
class SimFolderController {

    private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'");
    private static final int MAX_ANNOTATION = 512;

    private final SimFolders folders;
    private final IparapheurSimulatorProperties properties;

    SimFolderController(SimFolders folders, IparapheurSimulatorProperties properties) {
        this.folders = folders;
        this.properties = properties;
    }

    @GetMapping("/tenant")
    Map<String, Object> tenants(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "10") int size) {
        return page(List.of(Map.of("id", SimFixtures.TENANT_ID, "name", SimFixtures.TENANT_NAME)), page, size);
    }

    @GetMapping("/tenant/{tenantId}/desk")
    Map<String, Object> desks(@PathVariable String tenantId, @RequestParam(defaultValue = "0") int page,
                              @RequestParam(defaultValue = "10") int size) {
        tenant(tenantId);
        List<Object> desks = SimFixtures.USER_DESKS.stream().map(id -> SimFixtures.desk(id).orElseThrow())
                .map(d -> (Object) Map.of("id", d.id(), "name", d.name())).toList();
        return page(desks, page, size);
    }

    @GetMapping("/tenant/{tenantId}/types")
    Map<String, Object> types(@PathVariable String tenantId, @RequestParam(defaultValue = "0") int page,
                              @RequestParam(defaultValue = "10") int size) {
        tenant(tenantId);
        return page(SimFixtures.TYPES.stream().map(t -> (Object) Map.of("id", t.id(), "name", t.name(),
                "description", t.description())).toList(), page, size);
    }

    @GetMapping("/tenant/{tenantId}/types/{typeId}/subtypes")
    Map<String, Object> subtypes(@PathVariable String tenantId, @PathVariable String typeId,
                                 @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "10") int size) {
        tenant(tenantId);
        SimFixtures.Type type = SimFixtures.TYPES.stream().filter(t -> t.id().equals(typeId)).findFirst()
                .orElseThrow(() -> new SimException(404, "Type introuvable : " + typeId));
        return page(SimFixtures.subtypes(type.id()).stream().map(s -> (Object) Map.of("id", s.id(), "name", s.name()))
                .toList(), page, size);
    }

    @PostMapping(path = "/tenant/{tenantId}/desk/{deskId}/folder", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<FolderRepresentation> create(@PathVariable String tenantId, @PathVariable String deskId,
                                               @RequestParam(defaultValue = "true") boolean autoStart,
                                               @RequestPart("folder") MultipartFile premisPart,
                                               @RequestPart(name = "documents", required = false) List<MultipartFile> files)
            throws IOException {
        tenant(tenantId);
        ownDesk(deskId);
        List<SimPremis.DraftObject> objects = SimPremis.readDraft(premisPart.getBytes());
        List<SimPremis.DraftObject> entities = objects.stream()
                .filter(o -> "intellectualEntity".equals(o.xsiType())).toList();
        if (entities.size() != 1) {
            throw new SimException(400, "Le PREMIS doit décrire exactement un objet intellectualEntity (le dossier).");
        }
        SimPremis.DraftObject folder = entities.get(0);
        if (folder.originalName() == null || folder.originalName().isBlank()) {
            throw new SimException(400, "Le nom du dossier (originalName) est obligatoire.");
        }
        Map<String, String> props = folder.properties();
        SimFixtures.Type type = SimFixtures.type(props.get(SimPremis.RESERVED + "type"))
                .orElseThrow(() -> new SimException(400, "Type inconnu : « " + props.get(SimPremis.RESERVED + "type") + " »."));
        SimFixtures.Subtype subtype = SimFixtures.subtype(type, props.get(SimPremis.RESERVED + "subtype"))
                .orElseThrow(() -> new SimException(400, "Sous-type inconnu pour le type " + type.name() + " : « "
                        + props.get(SimPremis.RESERVED + "subtype") + " »."));
        LocalDate dueDate = dueDate(props.get(SimPremis.RESERVED + "dueDate"));
        Map<String, String> metadata = new LinkedHashMap<>();
        props.forEach((k, v) -> {
            if (!k.startsWith(SimPremis.RESERVED)) {
                metadata.put(k, v);
            }
        });
        List<SimFolder.Document> documents = documents(objects, files == null ? List.of() : files, type);
        SimFolder created = new SimFolder(tenantId, deskId, folder.originalName().strip(), type, subtype, dueDate,
                metadata, documents, folders.now());
        folders.add(created, autoStart);
        return ResponseEntity.status(HttpStatus.CREATED).body(representation(created));
    }

    @GetMapping("/tenant/{tenantId}/desk/{deskId}/{state}")
    Map<String, Object> list(@PathVariable String tenantId, @PathVariable String deskId, @PathVariable String state,
                             @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "10") int size) {
        tenant(tenantId);
        desk(deskId);
        if (!SimFolders.STATES.contains(state)) {
            throw new SimException(400, "État inconnu : " + state);
        }
        if (page < 0 || size < 1 || size > 2000) {
            throw new SimException(400, "Pagination invalide.");
        }
        SimFolders.Page result = folders.list(tenantId, deskId, state, page, size);
        return pageOf(result.content().stream().map(f -> (Object) representation(f)).toList(), result.total(), page, size);
    }

    @GetMapping(path = "/tenant/{tenantId}/desk/{deskId}/folder/{folderId}/premis")
    ResponseEntity<byte[]> premis(@PathVariable String tenantId, @PathVariable String deskId,
                                  @PathVariable String folderId, HttpServletRequest request) {
        byte[] xml = read(tenantId, deskId, folderId, f -> SimPremis.write(f, SimFixtures.USER_ID, user(request)));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(xml);
    }

    @GetMapping(path = "/tenant/{tenantId}/desk/{deskId}/folder/{folderId}/zip")
    ResponseEntity<byte[]> zip(@PathVariable String tenantId, @PathVariable String deskId,
                               @PathVariable String folderId, HttpServletRequest request) {
        String[] name = new String[1];
        byte[] zip = read(tenantId, deskId, folderId, f -> {
            name[0] = f.name;
            return SimArchive.zip(f, SimPremis.write(f, SimFixtures.USER_ID, user(request)));
        });
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM)
                .header("Content-Disposition", ContentDisposition.attachment()
                        .filename(SimArchive.entryName(name[0]) + ".zip", java.nio.charset.StandardCharsets.UTF_8)
                        .build().toString())
                .body(zip);
    }

    @DeleteMapping("/tenant/{tenantId}/desk/{deskId}/folder/{folderId}")
    ResponseEntity<Void> delete(@PathVariable String tenantId, @PathVariable String deskId,
                                @PathVariable String folderId) {
        tenant(tenantId);
        desk(deskId);
        folders.delete(tenantId, folderId);
        return ResponseEntity.ok().build();
    }

    /** Starts a draft (Pastell's way: create with autoStart=false, then start with annotations). */
    @PutMapping("/tenant/{tenantId}/desk/{deskId}/folder/{folderId}/task/{taskId}/start")
    ResponseEntity<Void> start(@PathVariable String tenantId, @PathVariable String deskId, @PathVariable String folderId,
                               @PathVariable String taskId, @RequestBody(required = false) Map<String, Object> params) {
        tenant(tenantId);
        ownDesk(deskId);
        String annotation = annotation(params, "publicAnnotation");
        annotation(params, "privateAnnotation");
        folders.with(tenantId, folderId, f -> {
            if (f.status != SimFolder.Status.DRAFT) {
                throw new SimException(409, "Le dossier n'est pas un brouillon : il est déjà démarré.");
            }
            f.start(folders.now(), annotation);
            return null;
        });
        return ResponseEntity.ok().build();
    }

    // ------------------------------------------------------------------------------------- checks

    private List<SimFolder.Document> documents(List<SimPremis.DraftObject> objects, List<MultipartFile> files,
                                               SimFixtures.Type type) throws IOException {
        List<SimPremis.DraftObject> described = objects.stream().filter(o -> "file".equals(o.xsiType())).toList();
        if (files.isEmpty()) {
            throw new SimException(400, "Au moins un document est obligatoire.");
        }
        Map<String, MultipartFile> byName = new LinkedHashMap<>();
        for (MultipartFile file : files) {
            String name = file.getOriginalFilename();
            if (name == null || name.isBlank()) {
                throw new SimException(400, "Un document n'a pas de nom de fichier.");
            }
            if (byName.put(name, file) != null) {
                throw new SimException(400, "Deux documents portent le même nom : « " + name + " ».");
            }
        }
        List<SimFolder.Document> documents = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (SimPremis.DraftObject o : described) {
            MultipartFile file = o.originalName() == null ? null : byName.get(o.originalName());
            if (file == null) {
                throw new SimException(400, "Le PREMIS décrit « " + o.originalName() + " », qui n'a pas été envoyé.");
            }
            if (!seen.add(o.originalName())) {
                throw new SimException(400, "Le PREMIS décrit deux fois « " + o.originalName() + " ».");
            }
            boolean main = "true".equals(o.properties().get(SimPremis.RESERVED + "mainDocument"));
            byte[] content = file.getBytes();
            String contentType = file.getContentType();
            if (contentType == null || contentType.isBlank()) {
                throw new SimException(400, "Le document « " + o.originalName() + " » n'a pas de type de contenu.");
            }
            if (main && type.pdfOnly()) {
                requirePdf(o.originalName(), contentType, content);
            }
            documents.add(new SimFolder.Document(UUID.randomUUID().toString(), o.originalName(),
                    MediaType.parseMediaType(contentType).getType() + "/" + MediaType.parseMediaType(contentType).getSubtype(),
                    content, sha256(content), main));
        }
        for (String name : byName.keySet()) {
            if (!seen.contains(name)) {
                throw new SimException(400, "Le document « " + name + " » n'est pas décrit dans le PREMIS.");
            }
        }
        if (documents.stream().noneMatch(SimFolder.Document::main)) {
            throw new SimException(400, "Le dossier doit contenir au moins un document principal.");
        }
        return documents;
    }

    private static void requirePdf(String name, String contentType, byte[] content) {
        if (!MediaType.APPLICATION_PDF.isCompatibleWith(MediaType.parseMediaType(contentType))) {
            throw new SimException(400, "Le document principal « " + name + " » doit être un PDF pour une signature "
                    + "PAdES (type reçu : " + contentType + ").");
        }
        try (PDDocument pdf = Loader.loadPDF(content)) {
            if (pdf.isEncrypted()) {
                throw new SimException(400, "Le document principal « " + name + " » est chiffré.");
            }
        } catch (IOException e) {
            throw new SimException(400, "Le document principal « " + name + " » n'est pas un PDF lisible.");
        }
    }

    private static LocalDate dueDate(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return value.length() == 10 ? LocalDate.parse(value) : OffsetDateTime.parse(value).toLocalDate();
        } catch (DateTimeParseException e) {
            throw new SimException(400, "Date limite invalide : « " + value + " » (ISO 8601 attendu).");
        }
    }

    private static String annotation(Map<String, Object> params, String key) {
        Object value = params == null ? null : params.get(key);
        if (value != null && value.toString().length() > MAX_ANNOTATION) {
            throw new SimException(400, "L'annotation « " + key + " » dépasse " + MAX_ANNOTATION + " caractères.");
        }
        return value == null ? null : value.toString();
    }

    private static void tenant(String tenantId) {
        if (!SimFixtures.TENANT_ID.equals(tenantId)) {
            throw new SimException(404, "Entité (tenant) introuvable : " + tenantId);
        }
    }

    private static void desk(String deskId) {
        if (SimFixtures.desk(deskId).isEmpty()) {
            throw new SimException(404, "Bureau introuvable : " + deskId);
        }
    }

    private static void ownDesk(String deskId) {
        desk(deskId);
        if (!SimFixtures.USER_DESKS.contains(deskId)) {
            throw new SimException(403, "Ce compte n'a pas accès au bureau " + deskId + ".");
        }
    }

    private <T> T read(String tenantId, String deskId, String folderId, Function<SimFolder, T> action) {
        tenant(tenantId);
        desk(deskId);
        return folders.with(tenantId, folderId, action);
    }

    private String user(HttpServletRequest request) {
        Object user = request.getAttribute(SimSecurityConfiguration.USER_ATTRIBUTE);
        return user == null ? properties.username() : user.toString();
    }

    /** The API's {@code FolderRepresentation}; a null due date is written as null, as the real server does. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record FolderRepresentation(String id, String name, String dueDate, Map<String, String> metadata) {
    }

    static FolderRepresentation representation(SimFolder f) {
        return new FolderRepresentation(f.id, f.name,
                f.dueDate == null ? null : DUE.format(f.dueDate.atStartOfDay().atOffset(ZoneOffset.UTC)), f.metadata);
    }

    private static Map<String, Object> page(List<Object> all, int page, int size) {
        int from = Math.min(Math.max(page, 0) * Math.max(size, 1), all.size());
        return pageOf(all.subList(from, Math.min(from + Math.max(size, 1), all.size())), all.size(), page, size);
    }

    /** A Spring Data page, as the API serialises it. */
    private static Map<String, Object> pageOf(List<Object> content, int total, int page, int size) {
        int totalPages = (total + size - 1) / size;
        Map<String, Object> sort = Map.of("empty", true, "sorted", false, "unsorted", true);
        Map<String, Object> pageable = new LinkedHashMap<>();
        pageable.put("pageNumber", page);
        pageable.put("pageSize", size);
        pageable.put("sort", sort);
        pageable.put("offset", (long) page * size);
        pageable.put("paged", true);
        pageable.put("unpaged", false);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("content", content);
        m.put("pageable", pageable);
        m.put("totalPages", totalPages);
        m.put("totalElements", total);
        m.put("last", page + 1 >= totalPages);
        m.put("size", size);
        m.put("number", page);
        m.put("sort", sort);
        m.put("numberOfElements", content.size());
        m.put("first", page == 0);
        m.put("empty", content.isEmpty());
        return m;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

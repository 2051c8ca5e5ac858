package fr.acta.simulator.vitam;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.acta.seda.SedaManifestException;
import fr.acta.seda.SedaSchemas;
import fr.acta.seda.SedaVersion;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLStreamException;
import org.springframework.stereotype.Component;

/**
 * The ingest workflow of the simulated platform, run on receipt: the container, the manifest (its
 * digest when announced, its SEDA version, the official schema of that version, the ingest
 * contract), then every object (present in the content folder, size and digest as declared, no file
 * left undeclared). The first failed step makes the operation KO with a French reason in its ATR;
 * otherwise units and objects get system ids and are kept.
 */
@Component
@VitamSimEnabled
class VitamSimIngest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final int MAX_PROBLEMS = 10;

    private final VitamSimStore store;
    private final VitamSimProperties properties;
    private final ObjectMapper json = new ObjectMapper();

    VitamSimIngest(VitamSimStore store, VitamSimProperties properties) {
        this.store = store;
        this.properties = properties;
    }

    VitamSimStore.Operation ingest(int tenant, String context, String applicationId, String digestAlgo,
                                   String digestValue, byte[] sip) {
        String id = VitamSimIds.operation();
        Instant now = Instant.now();
        SipManifest manifest = null;
        SedaVersion version = null;
        SipArchive archive = null;
        try {
            archive = SipArchive.read(sip, properties.maxSipSize().toBytes());
            checkManifestDigest(archive.manifest(), digestAlgo, digestValue);
            version = version(archive.manifest());
            SedaSchemas.shared().validate(version, archive.manifest());
            manifest = SipManifest.read(version, archive.manifest());
            if (manifest.archivalAgreement() == null || !properties.ingestContracts().contains(manifest.archivalAgreement())) {
                throw new SipArchive.Refusal("CHECK_HEADER.CHECK_CONTRACT_INGEST", manifest.archivalAgreement() == null
                        ? "Le bordereau ne désigne aucun contrat d'entrée (ArchivalAgreement)."
                        : "Le contrat d'entrée " + manifest.archivalAgreement() + " est inconnu ou inactif.");
            }
            checkObjects(archive, manifest);
        } catch (SipArchive.Refusal refusal) {
            return refuse(tenant, context, applicationId, id, now, version, manifest, archive, refusal.step,
                    refusal.getMessage());
        } catch (SedaManifestException e) {
            return refuse(tenant, context, applicationId, id, now, version, lenient(version, archive), archive,
                    "CHECK_SEDA", e.getMessage());
        } catch (XMLStreamException e) {
            return refuse(tenant, context, applicationId, id, now, version, null, archive, "CHECK_SEDA",
                    "Le bordereau est illisible : " + e.getMessage());
        }
        return accept(tenant, context, applicationId, id, now, archive, manifest);
    }

    /** The identifiers of a manifest the schema refused, for its reply, if it can be read at all. */
    private static SipManifest lenient(SedaVersion version, SipArchive archive) {
        try {
            return SipManifest.read(version, archive.manifest());
        } catch (XMLStreamException | RuntimeException e) {
            return null;
        }
    }

    private static SedaVersion version(byte[] manifest) throws SipArchive.Refusal, XMLStreamException {
        SedaVersion version = SipManifest.version(manifest);
        if (version == null) {
            throw new SipArchive.Refusal("CHECK_SEDA", "Le bordereau n'est pas un ArchiveTransfer SEDA 2.1, 2.2 ou 2.3 "
                    + "(élément racine ou espace de noms inconnu).");
        }
        return version;
    }

    private static void checkManifestDigest(byte[] manifest, String algo, String value) throws SipArchive.Refusal {
        if (value == null || value.isBlank()) {
            return;
        }
        String algorithm = algo == null ? "SHA-512" : algo.strip().toUpperCase(Locale.ROOT);
        if (!Set.of("SHA-512", "SHA-384", "SHA-256").contains(algorithm)) {
            throw new SipArchive.Refusal("CHECK_MANIFEST_DIGEST", "Algorithme d'empreinte du bordereau non admis : "
                    + algo + " (SHA-512, SHA-384 ou SHA-256).");
        }
        if (!digest(algorithm, manifest).equalsIgnoreCase(value.strip())) {
            throw new SipArchive.Refusal("CHECK_MANIFEST_DIGEST", "L'empreinte " + algorithm + " du bordereau ne "
                    + "correspond pas à celle annoncée (X-Manifest-Digest-Value).");
        }
    }

    private static void checkObjects(SipArchive archive, SipManifest manifest) throws SipArchive.Refusal {
        List<String> problems = new ArrayList<>();
        Set<String> declared = new HashSet<>();
        for (SipManifest.DataObject o : manifest.objects()) {
            String uri = o.uri() == null ? null : o.uri().replace('\\', '/');
            byte[] bytes = uri == null ? null : archive.files().get(uri);
            declared.add(uri);
            if (bytes == null) {
                problems.add("l'objet " + o.id() + " (" + uri + ") est absent du SIP");
                continue;
            }
            String algorithm = o.algorithm() == null ? "" : o.algorithm().strip().toUpperCase(Locale.ROOT);
            if (!Set.of("SHA-512", "SHA-384", "SHA-256", "MD5").contains(algorithm)) {
                problems.add("l'algorithme d'empreinte " + o.algorithm() + " de l'objet " + o.id() + " n'est pas admis");
            } else if (o.digest() == null || !digest(algorithm, bytes).equalsIgnoreCase(o.digest().strip())) {
                problems.add("l'empreinte " + algorithm + " de l'objet " + o.id() + " (" + uri
                        + ") ne correspond pas à celle du bordereau");
            }
            if (o.size() != null && o.size() != bytes.length) {
                problems.add("la taille de l'objet " + o.id() + " (" + bytes.length + " octets) ne correspond pas à "
                        + "celle du bordereau (" + o.size() + " octets)");
            }
        }
        archive.files().keySet().stream().filter(f -> !declared.contains(f))
                .forEach(f -> problems.add("le fichier " + f + " n'est décrit par aucun objet du bordereau"));
        if (!problems.isEmpty()) {
            List<String> shown = problems.subList(0, Math.min(MAX_PROBLEMS, problems.size()));
            throw new SipArchive.Refusal("CHECK_DATAOBJECTPACKAGE", "Contrôle des objets en échec : "
                    + String.join(" ; ", shown) + (problems.size() > shown.size() ? " ; …" : "") + ".");
        }
    }

    private VitamSimStore.Operation accept(int tenant, String context, String applicationId, String id, Instant now,
                                           SipArchive archive, SipManifest m) {
        Map<String, String> groupIds = new LinkedHashMap<>();
        Map<String, String> objectGroups = new LinkedHashMap<>();
        List<VitamSimAtr.ObjectIds> objectIds = new ArrayList<>();
        Map<String, List<VitamSimStore.StoredObject>> objects = new LinkedHashMap<>();
        for (SipManifest.DataObject o : m.objects()) {
            String group = groupIds.computeIfAbsent(o.groupId(), g -> VitamSimIds.group());
            objectGroups.put(o.id(), group);
            String usage = o.usage() == null ? "BinaryMaster_1" : o.usage();
            VitamSimStore.StoredObject stored = new VitamSimStore.StoredObject(VitamSimIds.object(), group, usage,
                    archive.files().get(o.uri().replace('\\', '/')), o.filename(), o.mimeType(),
                    o.algorithm().strip().toUpperCase(Locale.ROOT), o.digest().strip().toLowerCase(Locale.ROOT));
            objects.computeIfAbsent(group, g -> new ArrayList<>()).add(stored);
            objectIds.add(new VitamSimAtr.ObjectIds(o.id(), o.groupId(), stored.id(), group, usage));
        }
        Map<String, String> unitIds = new LinkedHashMap<>();
        m.units().forEach(u -> unitIds.put(u.id(), VitamSimIds.unit()));
        List<ObjectNode> units = new ArrayList<>();
        for (SipManifest.Unit u : m.units()) {
            units.add(unit(tenant, id, m, u, unitIds, groupIds, objectGroups));
        }
        byte[] atr = VitamSimAtr.write(new VitamSimAtr.Reply(m.version().namespace(), id, m.messageIdentifier(),
                m.archivalAgreement(), m.archivalAgency(), m.transferringAgency(), "OK", null, null, objectIds,
                unitIds), OffsetDateTime.now(PARIS));
        VitamSimStore.Operation op = new VitamSimStore.Operation(id, tenant, context, applicationId, now,
                now.plus(properties.processingDelay()), m.messageIdentifier(), "OK", "Succès du processus d'entrée",
                atr, archive.manifest(), agencies(m));
        store.save(op, units, objects);
        return op;
    }

    private ObjectNode unit(int tenant, String opi, SipManifest m, SipManifest.Unit u, Map<String, String> unitIds,
                            Map<String, String> groupIds, Map<String, String> objectGroups) {
        ObjectNode unit = json.createObjectNode();
        unit.put("#id", unitIds.get(u.id()));
        u.content().forEach((field, values) -> {
            if (values.size() == 1) {
                unit.put(field, values.get(0));
            } else {
                values.forEach(unit.withArray(field)::add);
            }
        });
        ArrayNode ups = unit.putArray("#unitups");
        ArrayNode allUps = unit.putArray("#allunitups");
        if (u.parentId() != null) {
            ups.add(unitIds.get(u.parentId()));
        }
        for (String parent = u.parentId(); parent != null; parent = parentOf(m, parent)) {
            allUps.add(unitIds.get(parent));
        }
        u.references().stream().map(ref -> groupIds.containsKey(ref) ? groupIds.get(ref) : objectGroups.get(ref))
                .filter(g -> g != null).findFirst().ifPresent(g -> unit.put("#object", g));
        unit.put("#opi", opi);
        unit.putArray("#operations").add(opi);
        unit.put("#unitType", "INGEST");
        unit.put("#originating_agency", m.originatingAgency());
        unit.putArray("#originating_agencies").add(m.originatingAgency());
        unit.put("#sedaVersion", m.version().label());
        unit.putObject("#management");
        unit.put("#tenant", tenant);
        unit.put("#version", 0);
        return unit;
    }

    private static String parentOf(SipManifest m, String unitId) {
        return m.units().stream().filter(u -> u.id().equals(unitId)).findFirst().map(SipManifest.Unit::parentId)
                .orElse(null);
    }

    private VitamSimStore.Operation refuse(int tenant, String context, String applicationId, String id, Instant now,
                                           SedaVersion version, SipManifest m, SipArchive archive, String step,
                                           String reason) {
        String comment = "Entrée refusée : " + reason;
        String namespace = (version == null ? SedaVersion.V2_1 : version).namespace();
        byte[] atr = VitamSimAtr.write(new VitamSimAtr.Reply(namespace, id,
                m == null || m.messageIdentifier() == null ? "inconnu" : m.messageIdentifier(),
                m == null ? null : m.archivalAgreement(), m == null ? null : m.archivalAgency(),
                m == null ? null : m.transferringAgency(), "KO", step, comment, List.of(), Map.of()),
                OffsetDateTime.now(PARIS));
        VitamSimStore.Operation op = new VitamSimStore.Operation(id, tenant, context, applicationId, now,
                now.plus(properties.processingDelay()), m == null ? null : m.messageIdentifier(), "KO", comment, atr,
                archive == null ? null : archive.manifest(), m == null ? Map.of() : agencies(m));
        store.save(op, List.of(), Map.of());
        return op;
    }

    private static Map<String, String> agencies(SipManifest m) {
        Map<String, String> agencies = new LinkedHashMap<>();
        agencies.put("originatingAgency", m.originatingAgency());
        agencies.put("TransferringAgency", m.transferringAgency());
        agencies.put("ArchivalAgency", m.archivalAgency());
        return agencies;
    }

    static String digest(String algorithm, byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is not available", e);
        }
    }
}

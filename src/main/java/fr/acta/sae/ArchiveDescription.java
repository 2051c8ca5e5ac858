package fr.acta.sae;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the archive knows of an act from its manifest alone (it never asks Acta): the first unit
 * of {@code DescriptiveMetadata} gives the objet ({@code Title}), the nature ({@code Keyword} of
 * type {@code genreform}, else {@code DocumentType}), the matière ({@code FilePlanPosition}, its
 * label from the {@code subject} keyword), the numéro and the IDActe (the
 * {@code OriginatingAgencyArchiveUnitIdentifier}s, the IDActe being the one of @ctes shape), the
 * decision date ({@code CreatedDate}), the collectivité ({@code OriginatingAgency} and its
 * {@code corpname} keyword) and the rules: {@code AppraisalRule} (DUA end computed from the
 * archive's rules referential), {@code AccessRule}, and every unit's {@code HoldRule}.
 */
record ArchiveDescription(String title, String nature, String matiere, String matiereLabel, String numero,
                          String idActe, LocalDate date, String agency, String agencyName, String metadataText,
                          String appraisalRule, LocalDate duaStart, LocalDate duaEnd, String finalAction,
                          boolean hold, LocalDate holdEnd, String accessRule, LocalDate accessEnd) {

    private static final Pattern ID_ACTE = Pattern.compile("\\d{3}-[0-9A-Z]{9}-\\d{8}-.+-(DE|AR|AI|CC|BF|AU)");
    private static final Pattern MATIERE = Pattern.compile("\\d+(\\.\\d+){0,4}");
    private static final Map<String, String> NATURES = Map.of("Délibération", "DE", "Arrêté réglementaire", "AR",
            "Arrêté individuel", "AI", "Contrat, convention ou avenant", "CC", "Document budgétaire ou financier", "BF",
            "Autre acte", "AU");

    static ArchiveDescription of(Manifest m, String fallbackTitle, String originatingAgency, RuleDurations rules) {
        Manifest.Unit root = m.units().stream().filter(u -> u.parentKey() == null).findFirst().orElse(null);
        JsonNode content = root == null ? null : root.metadata();
        JsonNode management = root == null ? null : root.rules();
        String title = first(content, "Title");
        String nature = null;
        String matiereLabel = null;
        String matiereKeyword = null;
        String agencyName = null;
        List<String> keywords = new ArrayList<>();
        for (JsonNode k : list(content, "Keyword")) {
            String type = text(k.get("KeywordType"));
            String value = text(k.get("KeywordContent"));
            String reference = text(k.get("KeywordReference"));
            keywords.add(value);
            if ("genreform".equals(type) && NATURES.containsValue(reference)) {
                nature = reference;
            } else if ("subject".equals(type) && matiereLabel == null) {
                matiereLabel = value;
                matiereKeyword = reference;
            } else if ("corpname".equals(type) && agencyName == null) {
                agencyName = value;
            }
        }
        String documentType = first(content, "DocumentType");
        if (nature == null && documentType != null) {
            nature = NATURES.get(documentType);
        }
        String matiere = list(content, "FilePlanPosition").stream().map(ArchiveDescription::text)
                .filter(s -> s != null && MATIERE.matcher(s).matches()).findFirst()
                .orElse(matiereKeyword != null && MATIERE.matcher(matiereKeyword).matches() ? matiereKeyword : null);
        String idActe = null;
        String numero = null;
        for (JsonNode id : list(content, "OriginatingAgencyArchiveUnitIdentifier")) {
            String value = text(id);
            if (value != null && idActe == null && ID_ACTE.matcher(value).matches()) {
                idActe = value;
            } else if (value != null && numero == null) {
                numero = value;
            }
        }
        if (nature == null && idActe != null) {
            nature = idActe.substring(idActe.lastIndexOf('-') + 1);
        }
        LocalDate date = date(first(content, "CreatedDate"));
        date = date != null ? date : date(first(content, "StartDate"));
        JsonNode agencyNode = content == null ? null : content.get("OriginatingAgency");
        String agency = agencyNode == null ? null : first(agencyNode, "Identifier");
        agency = agency != null ? agency : originatingAgency;

        JsonNode appraisal = management == null ? null : management.get("AppraisalRule");
        String appraisalRule = first(appraisal, "Rule");
        LocalDate duaStart = date(first(appraisal, "StartDate"));
        LocalDate duaEnd = rules.end(appraisalRule, duaStart);
        JsonNode access = management == null ? null : management.get("AccessRule");
        String accessRule = first(access, "Rule");
        LocalDate accessEnd = rules.end(accessRule, date(first(access, "StartDate")));
        Hold hold = hold(m, rules);

        StringBuilder text = new StringBuilder();
        for (String s : new String[] {documentType, matiere, matiereLabel, numero, idActe, agencyName,
                first(content, "Description")}) {
            if (s != null) {
                text.append(s).append('\n');
            }
        }
        keywords.forEach(k -> text.append(k == null ? "" : k).append('\n'));
        return new ArchiveDescription(title != null ? title : fallbackTitle, nature, matiere, matiereLabel, numero,
                idActe, date, agency, agencyName, text.toString(), appraisalRule, duaStart, duaEnd,
                first(appraisal, "FinalAction"), hold.any(), hold.end(), accessRule, accessEnd);
    }

    private record Hold(boolean any, LocalDate end) {
    }

    /** Any unit under a {@code HoldRule}: held until the latest end, or for good when one has no end. */
    private static Hold hold(Manifest m, RuleDurations rules) {
        boolean any = false;
        boolean open = false;
        LocalDate end = null;
        for (Manifest.Unit u : m.units()) {
            JsonNode hold = u.rules().get("HoldRule");
            if (hold == null) {
                continue;
            }
            List<JsonNode> ids = list(hold, "Rule");
            List<JsonNode> starts = list(hold, "StartDate");
            List<JsonNode> ends = list(hold, "HoldEndDate");
            for (int i = 0; i < ids.size(); i++) {
                any = true;
                LocalDate explicit = i < ends.size() ? date(text(ends.get(i))) : null;
                LocalDate computed = i < starts.size() ? rules.end(text(ids.get(i)), date(text(starts.get(i)))) : null;
                LocalDate e = explicit != null ? explicit : computed;
                if (e == null) {
                    open = true;
                } else if (end == null || e.isAfter(end)) {
                    end = e;
                }
            }
        }
        return new Hold(any, open ? null : end);
    }

    /** The elements named {@code name} under {@code node} (one, an array, or none). */
    static List<JsonNode> list(JsonNode node, String name) {
        JsonNode v = node == null ? null : node.get(name);
        List<JsonNode> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        if (v.isArray()) {
            v.forEach(out::add);
        } else {
            out.add(v);
        }
        return out;
    }

    static String first(JsonNode node, String name) {
        return list(node, name).stream().map(ArchiveDescription::text).filter(s -> s != null).findFirst().orElse(null);
    }

    /** A leaf's text, whether written as a string or as an object with attributes and {@code #text}. */
    static String text(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        String s = v.isObject() ? (v.has("#text") ? v.get("#text").asText() : null) : v.asText();
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** A SEDA date ({@code xsd:date}, or the date part of a {@code dateTime}); null when unreadable. */
    static LocalDate date(String value) {
        if (value == null || value.length() < 10) {
            return null;
        }
        try {
            return LocalDate.parse(value.substring(0, 10));
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}

package fr.acta.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The metadata part of a submission, valid unless told otherwise, field by field. */
public final class Metadata {

    /** As a value: the key is left out of the JSON. */
    public static final Object ABSENT = new Object();

    private static final ObjectMapper JSON = new ObjectMapper();

    private Metadata() {
    }

    /**
     * A valid délibération of the demo data (matière 7.1, one annex, circuit deliberation, a fresh
     * number) with the given key/value pairs replaced; {@link #ABSENT} removes a key.
     */
    public static String valid(Object... overrides) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("nature", "DE");
        m.put("number", Acts.uniqueNumber("V"));
        m.put("subject", "Approbation du budget primitif 2026 du service de l'eau");
        m.put("decisionDate", "2026-11-12");
        m.put("matiere", "7.1");
        m.put("mainDocumentType", "99_DE");
        m.put("annexTypes", List.of("99_DE"));
        m.put("circuit", "deliberation");
        m.put("legalityControl", true);
        for (int i = 0; i < overrides.length; i += 2) {
            if (overrides[i + 1] == ABSENT) {
                m.remove((String) overrides[i]);
            } else {
                m.put((String) overrides[i], overrides[i + 1]);
            }
        }
        try {
            return JSON.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

package fr.acta.simulator.iparapheur;

import java.util.List;
import java.util.Optional;

/**
 * The simulated i-Parapheur's fixed content: one tenant, the API account's desk, two signers' desks,
 * and a typology whose subtypes define the circuits. Identifiers are stable so that settings written
 * once keep working.
 */
public final class SimFixtures {

    public static final String USER_ID = "0d8f7c52-6a3e-4b1d-9c47-2e5a8b1f3c60";
    public static final String TENANT_ID = "5c2b8f0e-3d41-4a6b-9e2f-7a1c0d9b4e11";
    public static final String TENANT_NAME = "Valmont-sur-Saône (simulateur)";
    public static final String EMITTER_DESK_ID = "a1f3c2d4-0b5e-4c6f-8a7b-1d2e3f4a5b01";
    public static final String DGS_DESK_ID = "a1f3c2d4-0b5e-4c6f-8a7b-1d2e3f4a5b02";
    public static final String MAYOR_DESK_ID = "a1f3c2d4-0b5e-4c6f-8a7b-1d2e3f4a5b03";
    public static final String ACTES_TYPE_ID = "7e0b4c21-9f3a-4d5e-8b6c-0a1b2c3d4e01";
    public static final String VISA_TYPE_ID = "7e0b4c21-9f3a-4d5e-8b6c-0a1b2c3d4e02";
    public static final String DELIBERATION_SUBTYPE_ID = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c01";
    public static final String ARRETE_SUBTYPE_ID = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c02";
    public static final String SIMPLE_VISA_SUBTYPE_ID = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c03";

    /** A desk (bureau) and the person who holds it in the simulation. */
    record Desk(String id, String name, String holderId, String holderName) {
    }

    /** A type; {@code pdfOnly} for PAdES types, whose main documents must be PDF. */
    record Type(String id, String name, String description, boolean pdfOnly) {
    }

    /** One step of a circuit: an action (VISA, SIGNATURE…) on a desk. */
    record Step(String action, String deskId) {
    }

    record Subtype(String id, String typeId, String name, List<Step> steps) {
    }

    static final List<Desk> DESKS = List.of(
            new Desk(EMITTER_DESK_ID, "Secrétariat général", USER_ID, null),
            new Desk(DGS_DESK_ID, "Direction générale des services", "3b9e1d7a-2c4f-4e8b-a6d1-5f0c9e2b7a41",
                    "Claire Martin"),
            new Desk(MAYOR_DESK_ID, "Maire", "3b9e1d7a-2c4f-4e8b-a6d1-5f0c9e2b7a42", "Jean Dupont"));

    static final List<Type> TYPES = List.of(
            new Type(ACTES_TYPE_ID, "ACTES", "Actes soumis au contrôle de légalité (PAdES)", true),
            new Type(VISA_TYPE_ID, "Visa", "Visa sans signature", false));

    static final List<Subtype> SUBTYPES = List.of(
            new Subtype(DELIBERATION_SUBTYPE_ID, ACTES_TYPE_ID, "Délibération",
                    List.of(new Step("VISA", DGS_DESK_ID), new Step("SIGNATURE", MAYOR_DESK_ID))),
            new Subtype(ARRETE_SUBTYPE_ID, ACTES_TYPE_ID, "Arrêté", List.of(new Step("SIGNATURE", MAYOR_DESK_ID))),
            new Subtype(SIMPLE_VISA_SUBTYPE_ID, VISA_TYPE_ID, "Visa simple", List.of(new Step("VISA", DGS_DESK_ID))));

    /** The desks the API account holds. */
    static final List<String> USER_DESKS = List.of(EMITTER_DESK_ID);

    private SimFixtures() {
    }

    static Optional<Desk> desk(String id) {
        return DESKS.stream().filter(d -> d.id().equals(id)).findFirst();
    }

    /** A type by id or by name, as the PREMIS {@code i_Parapheur_reserved_type} allows both. */
    static Optional<Type> type(String idOrName) {
        return TYPES.stream().filter(t -> t.id().equals(idOrName) || t.name().equals(idOrName)).findFirst();
    }

    static Optional<Subtype> subtype(Type type, String idOrName) {
        return SUBTYPES.stream().filter(s -> s.typeId().equals(type.id()))
                .filter(s -> s.id().equals(idOrName) || s.name().equals(idOrName)).findFirst();
    }

    static List<Subtype> subtypes(String typeId) {
        return SUBTYPES.stream().filter(s -> s.typeId().equals(typeId)).toList();
    }
}

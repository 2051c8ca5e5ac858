package fr.acta.classification;

import java.time.LocalDate;
import java.util.List;

/** A préfecture classification as the API shows it. Codes as the préfecture writes them. */
public record ClassificationView(LocalDate dateClassification, List<Nature> natures, List<Matiere> matieres) {

    /** A nature of act ({@code 1}/{@code DE}…) with the piece types (typologies) it allows. */
    public record Nature(String code, String abbreviation, String label, List<Typology> typologies) {
    }

    public record Typology(String code, String label) {
    }

    /** A matière; {@code code} is the full dotted path, e.g. {@code 5.2}. */
    public record Matiere(String code, String label, List<Matiere> children) {
    }
}

package fr.acta.act;

import java.time.LocalDate;
import java.util.List;

/**
 * The metadata part of an intake, as sent. Fields are kept as strings so that each rule can name
 * the faulty field with its own message.
 */
public record ActMetadata(String nature, String number, String subject, String decisionDate, String matiere,
                          String mainDocumentType, List<String> annexTypes, String circuit,
                          Boolean legalityControl) {

    /** Metadata that passed every rule. */
    record Checked(Nature nature, String number, String subject, LocalDate decisionDate, String matiere,
                   String mainDocumentType, List<String> annexTypes, String circuit, boolean legalityControl) {
    }
}

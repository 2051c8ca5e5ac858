package fr.acta.transmission;

import fr.acta.act.Nature;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything an @ctes transmission package (flow 1-1, "transmission d'acte") is made of.
 *
 * @param siren              the collectivité's SIREN (9 digits)
 * @param departement        three characters: {@code 069}, {@code 02A}, {@code 974}
 * @param arrondissement     one digit
 * @param nature             the act's nature
 * @param number             the numéro interne (1 to 15 of A-Z, 0-9, {@code _}, no {@code _} at either end)
 * @param decisionDate       the date of the decision
 * @param subject            the objet, one line, at most 499 characters
 * @param classification     the matière code with 2 to 5 levels, e.g. {@code 9.1} or {@code 1.2.3}
 * @param classificationDate the date of the préfecture's classification the matière was taken from
 * @param mainDocument       the (signed) act
 * @param annexes            the annexes, in order (may be empty)
 * @param previousIdActe     the IDActe of an earlier transmission this one replaces, or null
 * @param paperDocuments     whether documents also go to the préfecture on paper ({@code DocumentPapier})
 * @param sender             the envelope's sender information
 */
public record ActesPackageRequest(String siren, String departement, String arrondissement, Nature nature,
                                  String number, LocalDate decisionDate, String subject, String classification,
                                  LocalDate classificationDate, ActesFile mainDocument, List<ActesFile> annexes,
                                  String previousIdActe, boolean paperDocuments, ActesSender sender) {

    public ActesPackageRequest {
        annexes = annexes == null ? List.of() : List.copyOf(annexes);
    }
}

package fr.acta.transmission;

import java.util.List;

/**
 * What the envelope says of its sender besides the SIREN: the collectivité's type and where the
 * préfecture sends its replies.
 *
 * @param collectiviteNature the two-digit authority type of the envelope's {@code IDCL}
 *                           ({@code 31} commune, {@code 44} communauté de communes…)
 * @param referentName       optional contact person
 * @param referentPhone      optional
 * @param referentEmail      optional
 * @param returnEmails       at least one address for the préfecture's replies ({@code AdressesRetour})
 */
public record ActesSender(String collectiviteNature, String referentName, String referentPhone,
                          String referentEmail, List<String> returnEmails) {

    public ActesSender {
        returnEmails = returnEmails == null ? List.of() : List.copyOf(returnEmails);
    }

    boolean hasReferent() {
        return present(referentName) || present(referentPhone) || present(referentEmail);
    }

    static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}

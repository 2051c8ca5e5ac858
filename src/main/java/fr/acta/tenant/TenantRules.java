package fr.acta.tenant;

import fr.acta.common.FieldViolation;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The identity rules of a collectivité: SIREN with its Luhn key, département, arrondissement. */
public final class TenantRules {

    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,30}");
    private static final Pattern DEPARTEMENT = Pattern.compile("0(0[1-9]|1[0-9]|2[1-9]|[3-8][0-9]|9[0-5])|02A|02B|97[1-6]");
    private static final Pattern NATURE = Pattern.compile("[0-9]{1,3}");

    private TenantRules() {
    }

    /** A SIREN is 9 digits whose Luhn checksum is 0 (La Poste's 356000000 is the known exception). */
    public static boolean isValidSiren(String siren) {
        if (siren == null || !siren.matches("[0-9]{9}")) {
            return false;
        }
        if (siren.equals("356000000")) {
            return true;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            int digit = siren.charAt(8 - i) - '0';
            if (i % 2 == 1) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }

    /** Département on three characters, as @ctes writes it: {@code 069}, {@code 02A}, {@code 974}. */
    public static boolean isValidDepartement(String departement) {
        return departement != null && DEPARTEMENT.matcher(departement).matches();
    }

    public static List<FieldViolation> check(String code, String siren, String departement, String arrondissement,
                                             String natureCode) {
        List<FieldViolation> errors = new ArrayList<>();
        if (code == null || !CODE.matcher(code).matches()) {
            errors.add(new FieldViolation("code", "Le code doit comporter de 1 à 31 caractères parmi a-z, 0-9 et « - »."));
        }
        if (!isValidSiren(siren)) {
            errors.add(new FieldViolation("siren", "Le SIREN doit comporter 9 chiffres avec une clé de Luhn valide."));
        }
        if (!isValidDepartement(departement)) {
            errors.add(new FieldViolation("departement", "Le département doit s'écrire sur 3 caractères (ex. 069, 02A, 974)."));
        }
        if (arrondissement == null || !arrondissement.matches("[0-9]")) {
            errors.add(new FieldViolation("arrondissement", "L'arrondissement est un chiffre de 0 à 9."));
        }
        if (natureCode == null || !NATURE.matcher(natureCode).matches()) {
            errors.add(new FieldViolation("natureCode", "Le code nature de la collectivité est numérique (ex. 31 pour une commune)."));
        }
        return errors;
    }
}

package fr.acta.bench;

import java.time.LocalDate;
import java.util.Random;

/**
 * Synthetic acts of a French commune for the search benchmark: objets and texts built from the
 * phrases of real délibérations and arrêtés (subsidies, roads, schools, staff, budget, town
 * planning…), with a nature, a matière of the classification, a numéro, an IDActe for most, a date
 * between 2010 and 2026, and rules. Deterministic for a seed.
 */
final class SearchCorpus {

    static final String[][] MATIERES = {
            {"1.1", "Marchés publics"}, {"1.2", "Délégation de service public"}, {"1.4", "Autres contrats"},
            {"2.1", "Documents d'urbanisme"}, {"2.2", "Actes relatifs au droit d'occupation ou d'utilisation des sols"},
            {"3.1", "Acquisitions"}, {"3.2", "Aliénations"}, {"3.5", "Autres actes de gestion du domaine public"},
            {"4.1", "Personnel titulaire et stagiaire de la FPT"}, {"4.2", "Personnel contractuel"},
            {"5.2", "Fonctionnement des assemblées"}, {"5.3", "Désignation de représentants"},
            {"6.1", "Police municipale"}, {"6.4", "Autres actes réglementaires"}, {"7.1", "Décisions budgétaires"},
            {"7.3", "Emprunts"}, {"7.5", "Subventions"}, {"7.10", "Divers"}, {"8.1", "Enseignement"},
            {"8.3", "Voirie"}, {"8.5", "Politique de la ville, habitat, logement"}, {"8.8", "Environnement"},
            {"9.1", "Autres domaines de compétences des communes"}};
    private static final String[] NATURES = {"DE", "DE", "DE", "DE", "AR", "AR", "AI", "AI", "CC", "BF"};
    private static final String[] SUBJECTS = {
            "attribution d'une subvention à l'association sportive", "travaux de voirie rue des Écoles",
            "tarifs de la cantine scolaire", "rénovation de l'école élémentaire Jules Ferry",
            "recrutement d'un agent contractuel au service technique", "approbation du plan local d'urbanisme",
            "acquisition d'une parcelle pour l'extension du cimetière", "convention avec le syndicat des eaux",
            "réglementation du stationnement place du Marché", "budget primitif de la commune",
            "décision modificative du budget annexe de l'assainissement", "emprunt auprès de la Caisse des dépôts",
            "éclairage public du lotissement des Tilleuls", "nomination d'un adjoint administratif",
            "fermeture temporaire de la route départementale", "marché de restauration collective",
            "désignation des délégués au syndicat intercommunal", "aménagement de la salle des fêtes",
            "création d'un poste d'animateur périscolaire", "vente d'un terrain communal",
            "règlement intérieur de la médiathèque", "entretien des espaces verts et du fleurissement",
            "plan de prévention des risques d'inondation", "festivités du 14 juillet et feu d'artifice",
            "indemnités de fonction des élus", "dénomination des rues du nouveau quartier"};
    private static final String[] OPENINGS = {"Délibération relative à", "Délibération portant", "Arrêté portant",
            "Arrêté relatif à", "Convention relative à", "Décision concernant"};
    private static final String[] SENTENCES = {
            "Vu le code général des collectivités territoriales, et notamment ses articles L. 2121-29 et L. 2122-22 ;",
            "Considérant la nécessité d'assurer la sécurité des usagers de la voie publique ;",
            "Le conseil municipal, après en avoir délibéré, à l'unanimité des membres présents, décide ;",
            "Les crédits nécessaires sont inscrits au budget de l'exercice en cours, chapitre 65 ;",
            "Le maire est autorisé à signer tout document relatif à cette affaire ;",
            "La présente délibération peut faire l'objet d'un recours devant le tribunal administratif ;",
            "Considérant l'avis favorable de la commission des finances réunie le mois dernier ;",
            "Les travaux seront réalisés par les services techniques municipaux avant la fin de l'année ;",
            "La commune sollicite une subvention auprès du conseil départemental et de l'État au titre de la DETR ;",
            "L'agent sera rémunéré sur la base de l'indice brut correspondant au premier échelon du grade ;",
            "Le directeur général des services et le commandant de la brigade de gendarmerie sont chargés de "
                    + "l'exécution du présent arrêté ;",
            "Les tarifs s'appliquent à compter de la rentrée scolaire et sont révisés chaque année ;",
            "Le projet a été soumis à enquête publique et le commissaire enquêteur a rendu un avis favorable ;",
            "La circulation sera interdite à tous les véhicules, sauf riverains et services de secours ;"};
    private static final String[] PLACES = {"Valmont-sur-Saône", "hameau des Granges", "quartier de la Gare",
            "rue Victor Hugo", "avenue de la République", "chemin des Vignes", "place de l'Église", "parc des Sports",
            "zone artisanale du Moulin", "groupe scolaire Pasteur", "stade municipal", "bibliothèque municipale"};

    /** One synthetic act. */
    record Act(String title, String nature, String matiere, String matiereLabel, String numero, String idActe,
               LocalDate date, String finalAction, String body) {
    }

    private final Random random;

    SearchCorpus(long seed) {
        this.random = new Random(seed);
    }

    Act next(int n) {
        String nature = pick(NATURES);
        String[] matiere = pick(MATIERES);
        LocalDate date = LocalDate.of(2010, 1, 1).plusDays(random.nextInt(365 * 17));
        String subject = pick(SUBJECTS);
        String place = pick(PLACES);
        String title = pick(OPENINGS) + " " + subject + " (" + place + ")";
        String numero = (nature.equals("DE") ? "DEL" : nature.equals("CC") ? "CONV" : "ARR") + "-" + date.getYear()
                + "-" + String.format("%06d", n);
        String idActe = random.nextInt(10) < 8 ? "069-210690004-" + date.toString().replace("-", "") + "-"
                + numero.replace("-", "") + "-" + nature : null;
        StringBuilder body = new StringBuilder(title).append(". ");
        int sentences = 5 + random.nextInt(8);
        for (int i = 0; i < sentences; i++) {
            body.append(pick(SENTENCES)).append(' ');
            if (random.nextInt(4) == 0) {
                body.append("Article ").append(i + 1).append(" : ").append(pick(SUBJECTS)).append(", ")
                        .append(pick(PLACES)).append(", pour un montant de ").append(1000 + random.nextInt(500_000))
                        .append(" euros. ");
            }
        }
        String finalAction = random.nextInt(10) == 0 ? "Destroy" : "Keep";
        return new Act(title, nature, matiere[0], matiere[1], numero, idActe, date, finalAction, body.toString());
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }
}

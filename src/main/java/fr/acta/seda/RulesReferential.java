package fr.acta.seda;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * The management rules an act gets by default, per nature (and, for access, matière). The
 * defaults follow the instruction DAF/DPACI/RES/2009/018 on the archives of collectivités and the
 * Code du patrimoine (decision 0016); a collectivité's archivist replaces them with its own table,
 * whose rule identifiers must exist in its archive's referential.
 *
 * <ul>
 *   <li>délibérations (DE), arrêtés réglementaires (AR) and individuels (AI): DUA one year, then
 *   kept for good ({@code Keep});</li>
 *   <li>contrats et conventions (CC): DUA ten years, then {@code Keep}: the instruction's sort is a
 *   selection ("tri") that SEDA cannot express, and only {@code Keep} leaves it to the archivist;</li>
 *   <li>documents budgétaires (BF) and other acts (AU): DUA one year, then {@code Keep};</li>
 *   <li>access: communicable at once, except individual acts in matière 4 (fonction publique),
 *   which touch private life and wait 50 years.</li>
 * </ul>
 */
public final class RulesReferential {

    /** Appraisal rule of a nature: identifier in the archive's referential, DUA and final action. */
    public record Appraisal(String ruleId, String duration, ManagementRules.FinalAction finalAction) {
    }

    private static final Appraisal ONE_YEAR = new Appraisal("APP-P1Y", "P1Y", ManagementRules.FinalAction.KEEP);
    private static final RulesReferential DEFAULTS = new RulesReferential(
            Map.of("DE", ONE_YEAR, "AR", ONE_YEAR, "AI", ONE_YEAR, "BF", ONE_YEAR, "AU", ONE_YEAR,
                    "CC", new Appraisal("APP-P10Y", "P10Y", ManagementRules.FinalAction.KEEP)),
            "ACC-P0Y", "ACC-P50Y");

    private final Map<String, Appraisal> appraisal;
    private final String openAccess;
    private final String privateLifeAccess;

    /**
     * @param appraisal         the appraisal rule of each nature ({@code DE}, {@code AR}…)
     * @param openAccess        the access rule of acts communicable at once
     * @param privateLifeAccess the access rule of individual acts about staff (nature AI, matière 4)
     */
    public RulesReferential(Map<String, Appraisal> appraisal, String openAccess, String privateLifeAccess) {
        this.appraisal = Map.copyOf(appraisal);
        this.openAccess = openAccess;
        this.privateLifeAccess = privateLifeAccess;
    }

    /** Acta's default table. */
    public static RulesReferential defaults() {
        return DEFAULTS;
    }

    /** A copy of this table where {@code nature} gets {@code rule}. */
    public RulesReferential with(String nature, Appraisal rule) {
        Map<String, Appraisal> copy = new HashMap<>(appraisal);
        copy.put(nature, rule);
        return new RulesReferential(copy, openAccess, privateLifeAccess);
    }

    /** The appraisal rule of {@code nature}; an unknown nature gets the one-year, {@code Keep} rule. */
    public Appraisal appraisal(String nature) {
        return appraisal.getOrDefault(nature, ONE_YEAR);
    }

    /** The access rule identifier of an act of {@code nature} in {@code matiere} (may be null). */
    public String access(String nature, String matiere) {
        boolean staff = "AI".equals(nature) && matiere != null && (matiere.equals("4") || matiere.startsWith("4."));
        return staff ? privateLifeAccess : openAccess;
    }

    /** The rules of an act, both starting on {@code startDate} (the decision date). */
    public ManagementRules rulesFor(String nature, String matiere, LocalDate startDate) {
        Appraisal a = appraisal(nature);
        return new ManagementRules(new ManagementRules.Appraisal(a.ruleId(), a.duration(), a.finalAction(), startDate),
                new ManagementRules.Access(access(nature, matiere), startDate));
    }
}

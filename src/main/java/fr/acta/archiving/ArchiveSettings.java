package fr.acta.archiving;

import fr.acta.seda.ManagementRules;
import fr.acta.seda.RulesReferential;
import fr.acta.seda.SedaVersion;
import java.util.Map;

/**
 * A collectivité's archive, as the archiving stage uses it (secrets included: never shown).
 *
 * @param kind               Acta's own archive, an As@lae or a Vitam
 * @param version            the SEDA version of its transfers
 * @param archivalAgency     the archive service's identifier ({@code ArchivalAgency})
 * @param transferringAgency the transferring service's identifier (by default the collectivité's SIREN)
 * @param archivalAgreement  the transfer agreement (Vitam: the ingest contract), or null
 * @param asalae             the As@lae account, for {@link ArchiveKind#ASALAE}
 * @param vitam              the Vitam access, for {@link ArchiveKind#VITAM}
 * @param rules              the collectivité's appraisal rules per nature, replacing Acta's defaults
 * @param openAccess         the access rule of acts communicable at once, or null for Acta's default
 * @param privateLifeAccess  the access rule of individual acts about staff, or null for Acta's default
 */
record ArchiveSettings(ArchiveKind kind, SedaVersion version, String archivalAgency, String transferringAgency,
                       String archivalAgreement, Asalae asalae, Vitam vitam, Map<String, Rule> rules,
                       String openAccess, String privateLifeAccess) {

    ArchiveSettings {
        rules = rules == null ? Map.of() : Map.copyOf(rules);
    }

    /** An As@lae account: {@code baseUrl} ends with {@code /restservices}. */
    record Asalae(String baseUrl, String login, String password, boolean sha256Password, long chunkSize) {
    }

    /** A Vitam access: host root, tenant, contracts, optional client certificate (PKCS#12, base64). */
    record Vitam(String baseUrl, int tenant, String accessContract, String ingestContext, String applicationId,
                 String clientPkcs12, String pkcs12Password) {
    }

    /** An appraisal rule of the collectivité's referential. */
    record Rule(String ruleId, String duration, ManagementRules.FinalAction finalAction) {
    }

    /** The rules referential: Acta's defaults with the collectivité's own rules over them. */
    RulesReferential referential() {
        RulesReferential defaults = RulesReferential.defaults();
        RulesReferential r = new RulesReferential(Map.of(), openAccess == null ? defaults.access("DE", null)
                : openAccess, privateLifeAccess == null ? defaults.access("AI", "4") : privateLifeAccess);
        for (String nature : new String[] {"DE", "AR", "AI", "CC", "BF", "AU"}) {
            r = r.with(nature, defaults.appraisal(nature));
        }
        for (Map.Entry<String, Rule> e : rules.entrySet()) {
            Rule rule = e.getValue();
            r = r.with(e.getKey(), new RulesReferential.Appraisal(rule.ruleId(), rule.duration(), rule.finalAction()));
        }
        return r;
    }
}

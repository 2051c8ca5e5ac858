package fr.acta.seda;

import java.time.LocalDate;

/**
 * The act's management rules, written on its archive unit (and inherited by the units of its
 * files). In SEDA a {@code Rule} is an identifier of the archive's rules referential, not a
 * duration: the archive must know {@code ruleId}; the duration is what that rule stands for.
 *
 * @param appraisal the durée d'utilité administrative (DUA) and what follows it
 * @param access    the communicability rule
 */
public record ManagementRules(Appraisal appraisal, Access access) {

    /**
     * @param ruleId      the rule's identifier in the archive's referential; when blank,
     *                    {@code APP-} followed by the duration (e.g. {@code APP-P1Y})
     * @param duration    the DUA as an ISO-8601 period in years, months or days, e.g. {@code P1Y}
     * @param finalAction what happens once the DUA is over
     * @param startDate   when the DUA starts; when null, the act's decision date
     */
    public record Appraisal(String ruleId, String duration, FinalAction finalAction, LocalDate startDate) {
    }

    /**
     * @param ruleId    the access rule's identifier in the archive's referential
     * @param startDate when the delay starts; when null, the act's decision date
     */
    public record Access(String ruleId, LocalDate startDate) {
    }

    /** The sort final once the DUA is over: SEDA knows only these two. */
    public enum FinalAction {
        KEEP("Keep"), DESTROY("Destroy");

        private final String code;

        FinalAction(String code) {
            this.code = code;
        }

        /** The value of {@code FinalAction} in the manifest. */
        public String code() {
            return code;
        }
    }
}

/**
 * The contrôle de légalité stage of an act's lifecycle: each collectivité's S²LOW account (stored
 * encrypted), the sending of the signed act exactly once, its follow-up to the préfecture's
 * accusé de réception or anomaly, the stamped copies, the préfecture's letters and the answers,
 * and the cancellation. The @ctes and S²LOW protocols themselves are in {@code fr.acta.transmission};
 * the BPMN delegates that drive this stage are in {@code fr.acta.workflow}.
 */
package fr.acta.prefecture;

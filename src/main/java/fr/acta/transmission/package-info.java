/**
 * Transmission to the préfecture (contrôle de légalité, @ctes), library part:
 * <ul>
 *   <li>{@link fr.acta.transmission.ActesPackageBuilder}: the flat {@code .tar.gz} @ctes package
 *   (envelope {@code EnveloppeCLMISILL}, métier {@code Acte}, documents named by the standard), every
 *   XML checked against the ACTES 1.1 schema before it is returned;</li>
 *   <li>{@link fr.acta.transmission.PrefectureMessageParser} and
 *   {@link fr.acta.transmission.PrefectureArchiveReader}: what the préfecture sends back (ARActe,
 *   anomalies, courriers, déféré, AR d'annulation…), read leniently and safely;</li>
 *   <li>{@link fr.acta.transmission.S2lowClient}: a collectivité's S²LOW account over mutual TLS.</li>
 * </ul>
 * No process logic here: the act lifecycle calls these pieces.
 */
package fr.acta.transmission;

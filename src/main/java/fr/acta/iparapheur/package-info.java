/**
 * Client of an existing i-Parapheur v5 through its REST "standard" API: Keycloak password-grant
 * tokens, folder creation with a draft PREMIS, status from the PREMIS events, the ZIP of the
 * finished folder, deletion once the caller has stored the result; and each collectivité's settings
 * (address, account, entity, desk), encrypted in the {@link fr.acta.secret.SecretBox}. No circuit
 * logic here: the circuits carried out in the i-Parapheur ({@code fr.acta.workflow}) call
 * {@link fr.acta.iparapheur.IparapheurConnector}.
 */
package fr.acta.iparapheur;

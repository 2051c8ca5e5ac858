/**
 * Client of an existing i-Parapheur v5 through its REST "standard" API: Keycloak password-grant
 * tokens, folder creation with a draft PREMIS, status from the PREMIS events, the ZIP of the
 * finished folder, deletion once the caller has stored the result. No circuit logic here: the
 * signature circuit calls {@link fr.acta.iparapheur.IparapheurConnector}.
 */
package fr.acta.iparapheur;

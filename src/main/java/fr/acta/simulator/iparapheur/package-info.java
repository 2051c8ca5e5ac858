/**
 * An i-Parapheur v5 simulator under {@code /iparapheur-sim}: a Keycloak-like token endpoint, the REST
 * "standard" API for folders (PREMIS, ZIP, deletion), and admin hooks for tests. State is kept in
 * memory and lost on restart. It does not sign anything: returned documents are the uploaded ones.
 */
package fr.acta.simulator.iparapheur;

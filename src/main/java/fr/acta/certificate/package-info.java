/**
 * Administration of the signing certificates of a collectivité's desks and seals: what each holds,
 * the upload of the collectivité's own certificates (PKCS#12) and the revocation of a certificate,
 * with its replacement issued by the local PKI when Acta issues local keys. Built on the
 * signature core and the desks of the parapheur.
 */
package fr.acta.certificate;

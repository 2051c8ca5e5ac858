package fr.acta.document;

/** The part a document plays in an act. */
public enum DocumentRole {
    /** The act itself, as submitted (never altered). */
    MAIN,
    /** An annex, as submitted. */
    ANNEX,
    /** The main document with the signatures of the circuit (each signature adds a version). */
    SIGNED,
    /** The bordereau de signature produced at the end of the circuit (by Acta, or by the i-Parapheur). */
    BORDEREAU,
    /**
     * The folder's ZIP as the collectivité's i-Parapheur returned it (its PREMIS history, the signed
     * documents, its bordereau), kept whole as evidence before the folder is deleted there.
     */
    IPARAPHEUR_ZIP,
    /** The @ctes package (.tar.gz) sent to the préfecture, kept as the proof of what was sent. */
    TRANSMISSION_PACKAGE,
    /** The préfecture's accusé de réception (ARActe XML). */
    ARACTE,
    /** The tiers de télétransmission's bordereau d'acquittement (PDF). */
    ACK_BORDEREAU,
    /** A copy stamped "Reçu en préfecture" of the transmitted act or of an annex; the original stays. */
    STAMPED,
    /** A letter or piece from the préfecture (courrier, demande de pièces, observations, déféré). */
    PREFECTURE_LETTER,
    /** A piece of the collectivité's answer to the préfecture. */
    PREFECTURE_REPLY,
    /** The préfecture's accusé de réception of an act's cancellation (ARAnnulation XML). */
    ARANNULATION,
    /** The SEDA ArchiveTransfer package (ZIP with manifest.xml and Content/) sent to the archive. */
    ARCHIVE_PACKAGE
}

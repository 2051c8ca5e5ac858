package fr.acta.archiving;

/** Which archive a collectivité transfers its acts to. */
public enum ArchiveKind {
    /** Acta's own archive (module {@code sae}), reached in the same JVM. */
    ACTA,
    /** An As@lae, through its REST {@code restservices} API. */
    ASALAE,
    /** A Vitam, through its ingest-external, admin-external and access-external APIs. */
    VITAM
}

package fr.acta.signature;

/** Who holds a stored signing key: a person's desk (bureau) or a collectivité's seal (cachet). */
public enum OwnerKind { DESK, SEAL }

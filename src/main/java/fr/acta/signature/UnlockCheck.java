package fr.acta.signature;

/**
 * The caller's decision to let a stored key sign, e.g. "the desk's holder has just confirmed with
 * their password" or "this seal belongs to the collectivité of the act". See decision 0006.
 */
@FunctionalInterface
public interface UnlockCheck {
    boolean permits(StoredKey key);
}

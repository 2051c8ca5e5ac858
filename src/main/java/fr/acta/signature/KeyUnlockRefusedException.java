package fr.acta.signature;

/** The caller's {@link UnlockCheck} refused to unlock a key; the message is French, for the user. */
public class KeyUnlockRefusedException extends RuntimeException {
    public KeyUnlockRefusedException(String message) {
        super(message);
    }
}

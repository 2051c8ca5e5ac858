package fr.acta.simulator.iparapheur;

/** An error of the simulated API, answered with the i-Parapheur's {@code ErrorResponse} JSON. */
class SimException extends RuntimeException {

    final int status;

    SimException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }
}

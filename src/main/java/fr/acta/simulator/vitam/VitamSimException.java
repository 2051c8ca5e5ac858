package fr.acta.simulator.vitam;

/** An error of the simulated API, answered with Vitam's {@code VitamError} JSON. */
class VitamSimException extends RuntimeException {

    final int status;
    final String context;

    VitamSimException(int status, String context, String message) {
        super(message, null, false, false);
        this.status = status;
        this.context = context;
    }
}

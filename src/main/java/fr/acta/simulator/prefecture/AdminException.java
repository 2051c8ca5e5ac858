package fr.acta.simulator.prefecture;

/** A refused administrator request: rendered as problem+json with a French detail and the faulty field. */
class AdminException extends RuntimeException {

    final int status;
    final String field;

    AdminException(int status, String detail, String field) {
        super(detail, null, false, false);
        this.status = status;
        this.field = field;
    }

    static AdminException notFound(long id) {
        return new AdminException(404, "Transaction " + id + " inconnue du bac à sable.", null);
    }
}

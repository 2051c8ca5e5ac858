package fr.acta.vitam;

/**
 * A Vitam operation as {@code HEAD /admin-external/v1/operations/{id}} tells it.
 *
 * @param id        the operation id
 * @param state     {@code X-Global-Execution-State}: {@code PAUSE}, {@code RUNNING} or {@code COMPLETED}
 * @param status    {@code X-Global-Execution-Status}: {@code UNKNOWN}, {@code STARTED}, {@code OK},
 *                  {@code WARNING}, {@code KO}, {@code FATAL}…
 * @param completed whether the operation is over ({@code COMPLETED}); its outcome is then in the ATR
 */
public record VitamOperation(String id, String state, String status, boolean completed) {
}

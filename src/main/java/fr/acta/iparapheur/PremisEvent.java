package fr.acta.iparapheur;

import java.time.OffsetDateTime;

/**
 * One {@code <event>} of a folder's PREMIS: a task of the circuit. Per the API's documentation, a
 * performed task has an id and a date; the pending one has an id and no date; an upcoming one has
 * neither.
 *
 * @param taskId     {@code eventIdentifierValue} (type {@code taskId}), or null
 * @param type       {@code eventType}: an i-Parapheur action (START, VISA, SIGNATURE, REJECT, ARCHIVE,
 *                   DELETE…); unknown values are kept as they are
 * @param dateTime   {@code eventDateTime}, or null when absent or unreadable
 * @param dated      whether {@code eventDateTime} is present (even unreadable): the task is performed
 * @param annotation {@code eventOutcomeDetailNote} (e.g. the reason of a rejection), or null
 * @param agentName  the {@code agentName} of the linked agent, when the PREMIS gives one
 * @param agentRole  {@code linkingAgentRole} (a desk name or "user"), or null
 */
public record PremisEvent(String taskId, String type, OffsetDateTime dateTime, boolean dated, String annotation,
                          String agentId, String agentName, String agentRole) {

    public boolean performed() {
        return dated;
    }

    public boolean pending() {
        return taskId != null && !dated;
    }

    public boolean upcoming() {
        return taskId == null && !dated;
    }
}

package fr.acta.workflow;

import fr.acta.act.ActService;
import fr.acta.circuit.CircuitSpecs.DeskRight;
import fr.acta.common.ConflictException;
import fr.acta.common.ValidationException;
import fr.acta.tenant.ActaPrincipal;
import fr.acta.tenant.TenantRef;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** Carries out a decision on a step task, or its taking back, inside the caller's transaction. */
@Component
class TaskDecisions {

    record Decision(TenantRef tenant, Task task, UUID actId, String desk, DeskRight right, ActaPrincipal me,
                    String decision, String annotation, String privateAnnotation, String password,
                    boolean passwordConfirmed) {
    }

    private static final String EXTERNAL_CHAIN = "externalChain";
    private static final String EXTERNAL_TIME = "externalSigningTime";
    private static final String EXTERNAL_SOURCE = "externalSource";
    private static final String EXTERNAL_SIGNER = "externalSigner";

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final ActService acts;
    private final PasswordEncoder passwords;
    private final CircuitSigning signing;
    private final CircuitSteps steps;
    private RejectionNotice rejectionNotice;

    @org.springframework.beans.factory.annotation.Autowired
    void setRejectionNotice(RejectionNotice rejectionNotice) {
        this.rejectionNotice = rejectionNotice;
    }

    TaskDecisions(TaskService tasks, RuntimeService runtime, ActService acts, PasswordEncoder passwords,
                  CircuitSigning signing, CircuitSteps steps) {
        this.steps = steps;
        this.tasks = tasks;
        this.runtime = runtime;
        this.acts = acts;
        this.passwords = passwords;
        this.signing = signing;
    }

    void apply(Decision d) {
        boolean reject = d.decision().equals("REJECT");
        String who = d.me().getUsername();
        String absence = d.right().isDelegated() ? " en l'absence du bureau " + d.right().deskName() : "";
        String event;
        String detail;
        if (reject) {
            event = "VISA_REJECTED";
            detail = "Rejet au bureau " + d.desk() + absence + " : " + d.annotation();
        } else if (d.decision().equals("SIGN")) {
            if (!d.passwordConfirmed()
                    && (d.password() == null || !passwords.matches(d.password(), d.me().getPassword()))) {
                throw ValidationException.of("password", "Confirmez la signature avec votre mot de passe.");
            }
            String level = (String) runtime.getVariable(d.task().getExecutionId(), Variables.SIGNATURE_LEVEL);
            event = "SIGNED";
            detail = signer().signAsPerson(d.tenant(), d.actId(), d.desk(), d.me(),
                    d.right().isDelegated() ? d.right().deskName() : null, level);
        } else {
            event = "VISA_APPROVED";
            detail = "Visa au bureau " + d.desk() + absence + (d.annotation() == null ? "" : " : " + d.annotation());
        }
        acts.record(d.actId(), null, who, event, detail, d.desk());
        if (reject) {
            rejectionNotice.tell(d.tenant(), d.actId(), who, d.annotation());
        }
        if (d.annotation() != null) {
            acts.annotate(d.actId(), who, d.desk(), false, d.annotation());
        }
        if (d.privateAnnotation() != null) {
            acts.annotate(d.actId(), who, d.desk(), true, d.privateAnnotation());
        }
        finish(d.task(), who, reject);
    }

    /** Records who acted at the step (for the droit de remords) and completes the task. */
    private void finish(Task task, String who, boolean reject) {
        String actors = (String) runtime.getVariable(task.getExecutionId(), Variables.STEP_ACTORS);
        runtime.setVariable(task.getProcessInstanceId(), Variables.STEP_ACTORS,
                actors == null || actors.isEmpty() ? who : actors + "," + who);
        tasks.complete(task.getId(), Map.of(Variables.DECISION, reject ? "REJECT" : "APPROVE"));
    }

    /** What the card must sign, and when it was prepared. */
    record Prepared(String digest, String digestAlgorithm, Instant signingTime) {
    }

    Prepared prepareExternal(TenantRef tenant, Task task, UUID actId, String desk, DeskRight right, ActaPrincipal me,
                             List<String> chainBase64) {
        List<X509Certificate> chain = certificates(chainBase64);
        String level = (String) runtime.getVariable(task.getExecutionId(), Variables.SIGNATURE_LEVEL);
        CircuitSigning.External external = signing.prepareExternal(tenant, actId, desk, me,
                right.isDelegated() ? right.deskName() : null, level, chain);
        tasks.setVariableLocal(task.getId(), EXTERNAL_CHAIN, String.join(",", chainBase64));
        tasks.setVariableLocal(task.getId(), EXTERNAL_TIME, external.data().signingTime().toString());
        tasks.setVariableLocal(task.getId(), EXTERNAL_SOURCE, external.sourceId().toString());
        tasks.setVariableLocal(task.getId(), EXTERNAL_SIGNER, me.getUsername());
        return new Prepared(Base64.getEncoder().encodeToString(external.data().digest()),
                external.data().digestAlgorithm(), external.data().signingTime());
    }

    void completeExternal(TenantRef tenant, Task task, UUID actId, String desk, DeskRight right, ActaPrincipal me,
                          String signatureValueBase64) {
        String chain = (String) tasks.getVariableLocal(task.getId(), EXTERNAL_CHAIN);
        if (chain == null || !me.getUsername().equals(tasks.getVariableLocal(task.getId(), EXTERNAL_SIGNER))) {
            throw new ConflictException("Préparez d'abord la signature (data-to-sign).");
        }
        byte[] value;
        try {
            value = Base64.getDecoder().decode(signatureValueBase64 == null ? "" : signatureValueBase64);
        } catch (IllegalArgumentException e) {
            throw ValidationException.of("signatureValue", "La valeur de signature doit être encodée en base64.");
        }
        if (value.length == 0) {
            throw ValidationException.of("signatureValue", "La valeur de signature est obligatoire.");
        }
        String level = (String) runtime.getVariable(task.getExecutionId(), Variables.SIGNATURE_LEVEL);
        String absent = right.isDelegated() ? right.deskName() : null;
        String detail = signing.completeExternal(tenant, actId, desk, me, absent, level,
                certificates(List.of(chain.split(","))),
                Instant.parse((String) tasks.getVariableLocal(task.getId(), EXTERNAL_TIME)),
                UUID.fromString((String) tasks.getVariableLocal(task.getId(), EXTERNAL_SOURCE)), value);
        acts.record(actId, null, me.getUsername(), "SIGNED", detail + " (carte)", desk);
        finish(task, me.getUsername(), false);
    }

    private static List<X509Certificate> certificates(List<String> base64) {
        if (base64 == null || base64.isEmpty()) {
            throw ValidationException.of("certificateChain", "La chaîne de certificats du signataire est obligatoire.");
        }
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            List<X509Certificate> chain = new ArrayList<>();
            for (String b : base64) {
                chain.add((X509Certificate) factory.generateCertificate(
                        new ByteArrayInputStream(Base64.getDecoder().decode(b.strip()))));
            }
            return chain;
        } catch (CertificateException | IllegalArgumentException e) {
            throw ValidationException.of("certificateChain", "Certificat illisible (DER encodé en base64 attendu).");
        }
    }

    void takeBack(TenantRef tenant, UUID actId, ActaPrincipal me) {
        ProcessInstance circuit = runtime.createProcessInstanceQuery().processDefinitionKey("signature-circuit")
                .processInstanceBusinessKey(actId.toString()).active().singleResult();
        if (circuit == null) {
            throw new ConflictException("L'acte n'est plus dans son circuit : la décision ne peut plus être reprise.");
        }
        Map<String, Object> vars = runtime.getVariables(circuit.getId());
        int previous = (Integer) vars.get(Variables.PREVIOUS_STEP);
        String previousActors = (String) vars.get(Variables.PREVIOUS_ACTORS);
        String stepActors = (String) vars.get(Variables.STEP_ACTORS);
        boolean waitingOnTask = tasks.createTaskQuery().processInstanceId(circuit.getId())
                .taskDefinitionKey(Variables.STEP_TASK).count() > 0;
        if (previous < 0 || previousActors == null
                || !Arrays.asList(previousActors.split(",")).contains(me.getUsername())) {
            throw new ConflictException("Vous n'avez pas de décision à reprendre sur cet acte.");
        }
        if (!waitingOnTask || (stepActors != null && !stepActors.isEmpty())) {
            throw new ConflictException("L'étape suivante a déjà agi : la décision ne peut plus être reprise.");
        }
        if (steps.kind((String) vars.get(Variables.CIRCUIT_PLAN), previous).equals("SIGNATURE")) {
            signer().withdrawLast(actId);
        }
        acts.record(actId, null, me.getUsername(), "DECISION_TAKEN_BACK",
                "Droit de remords : décision de l'étape " + (previous + 1) + " reprise");
        runtime.createMessageCorrelation(Variables.REMORSE_MESSAGE).processInstanceId(circuit.getId()).correlate();
    }

    private CircuitSigning signer() {
        return signing;
    }
}

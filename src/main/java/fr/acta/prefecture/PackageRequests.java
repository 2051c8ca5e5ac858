package fr.acta.prefecture;

import fr.acta.act.ActFacts;
import fr.acta.document.DocumentRole;
import fr.acta.document.DocumentService;
import fr.acta.document.DocumentView;
import fr.acta.tenant.TenantRef;
import fr.acta.tenant.TenantService;
import fr.acta.tenant.AppUser;
import fr.acta.transmission.ActesFile;
import fr.acta.transmission.ActesPackageRequest;
import fr.acta.transmission.ActesSender;
import fr.acta.transmission.S2low;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** What is sent for an act: its signed document (or the original when no one signed), its annexes, its metadata. */
@Component
class PackageRequests {

    record Documents(ActesFile main, List<ActesFile> annexes) {
    }

    private final DocumentService documents;
    private final TenantService people;
    private final String fallbackReturnEmail;

    PackageRequests(DocumentService documents, TenantService people,
                    @Value("${acta.transmission.return-email:}") String fallbackReturnEmail) {
        this.documents = documents;
        this.people = people;
        this.fallbackReturnEmail = fallbackReturnEmail;
    }

    ActesPackageRequest of(TenantRef tenant, ActFacts act, java.time.LocalDate classificationDate) {
        Documents files = documents(tenant, act.id());
        String email = people.user(act.submittedBy()).map(AppUser::getEmail).filter(e -> e != null && !e.isBlank())
                .orElse(fallbackReturnEmail.isBlank() ? null : fallbackReturnEmail);
        ActesSender sender = new ActesSender(tenant.natureCode(), null, null, null,
                email == null ? List.of() : List.of(email));
        return new ActesPackageRequest(tenant.siren(), tenant.departement(), tenant.arrondissement(), act.nature(),
                act.number(), act.decisionDate(), act.subject(), act.matiere(), classificationDate, files.main(),
                files.annexes(), null, false, sender);
    }

    /** {@code awaitingConfirmation}: posted with {@code en_attente=1}, to be confirmed by an agent (status 17). */
    S2low.ActRequest s2lowRequest(ActFacts act, Documents files, boolean awaitingConfirmation) {
        return new S2low.ActRequest(act.nature(), act.matiere(), act.number(), act.subject(), act.decisionDate(),
                files.main(), files.annexes(), false, awaitingConfirmation);
    }

    Documents documents(TenantRef tenant, UUID actId) {
        List<DocumentView> current = documents.current(actId);
        DocumentView main = current.stream().filter(d -> d.role() == DocumentRole.SIGNED).findFirst()
                .or(() -> current.stream().filter(d -> d.role() == DocumentRole.MAIN).findFirst())
                .orElseThrow(() -> new IllegalStateException("Act " + actId + " has no main document"));
        String mainType = current.stream().filter(d -> d.role() == DocumentRole.MAIN).map(DocumentView::typeCode)
                .filter(t -> t != null).findFirst().orElse(main.typeCode());
        List<ActesFile> annexes = new ArrayList<>();
        for (DocumentView d : current) {
            if (d.role() == DocumentRole.ANNEX) {
                annexes.add(new ActesFile(d.typeCode(), d.name(), documents.read(tenant, d)));
            }
        }
        String mainName = current.stream().filter(d -> d.role() == DocumentRole.MAIN).map(DocumentView::name)
                .findFirst().orElse(main.name());
        return new Documents(new ActesFile(mainType, mainName, documents.read(tenant, main)), annexes);
    }
}

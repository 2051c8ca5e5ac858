package fr.acta.classification;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** A classification version ready for checking acts: lookups by matière path and by nature. */
public final class CurrentClassification {

    private final UUID id;
    private final ClassificationView view;
    private final Set<String> matieres = new HashSet<>();
    private final Map<String, ClassificationView.Nature> naturesByAbbreviation = new HashMap<>();

    CurrentClassification(UUID id, ClassificationView view) {
        this.id = id;
        this.view = view;
        collect(view.matieres());
        view.natures().forEach(n -> naturesByAbbreviation.put(n.abbreviation(), n));
    }

    private void collect(List<ClassificationView.Matiere> list) {
        for (ClassificationView.Matiere m : list) {
            matieres.add(m.code());
            collect(m.children());
        }
    }

    public UUID id() {
        return id;
    }

    public ClassificationView view() {
        return view;
    }

    public boolean hasMatiere(String code) {
        return matieres.contains(code);
    }

    public Optional<ClassificationView.Nature> nature(String abbreviation) {
        return Optional.ofNullable(naturesByAbbreviation.get(abbreviation));
    }

    public boolean allowsTypology(String natureAbbreviation, String typologyCode) {
        return nature(natureAbbreviation)
                .map(n -> n.typologies().stream().anyMatch(t -> t.code().equals(typologyCode)))
                .orElse(false);
    }
}

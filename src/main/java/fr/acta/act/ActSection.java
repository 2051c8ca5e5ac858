package fr.acta.act;

import java.util.Optional;
import java.util.UUID;

/**
 * A part of the act's JSON owned by a later stage (the transmission to the préfecture, the
 * archive): the stage implements it, so that acts do not depend on the stages that follow them.
 */
public interface ActSection {

    /** The JSON property, e.g. {@code transmission}. */
    String name();

    /** The section for that act, empty when the stage has not begun for it. */
    Optional<Object> of(UUID actId);
}

package fr.acta.signature;

/**
 * Where the visible block of a signature goes. Coordinates are PDF points measured from the page's
 * top-left corner (as DSS measures); pages count from 1, and -1 means the last page.
 */
public sealed interface Placement {

    /** No visible block. */
    static Placement invisible() {
        return Invisible.INSTANCE;
    }

    /** At the first occurrence of {@code tag} (e.g. {@code #signature#}) not yet covered by a signature. */
    static Placement tag(String tag) {
        return new Tag(tag, null);
    }

    /** As {@link #tag(String)}, going to {@code fallback} when every occurrence is used or there is none. */
    static Placement tag(String tag, Area fallback) {
        return new Tag(tag, fallback);
    }

    static Area at(int page, float x, float y, float width, float height) {
        return new Area(page, x, y, width, height);
    }

    enum Invisible implements Placement { INSTANCE }

    /** A text tag; {@code fallback} null means the configured fallback position. */
    record Tag(String tag, Area fallback) implements Placement {
        public Tag {
            if (tag == null || tag.isBlank()) {
                throw new IllegalArgumentException("A tag placement needs a tag");
            }
        }
    }

    record Area(int page, float x, float y, float width, float height) implements Placement {
        public Area {
            if (page == 0 || page < -1 || width <= 0 || height <= 0 || x < 0 || y < 0) {
                throw new IllegalArgumentException("Invalid signature area: page " + page + ", " + x + "," + y
                        + " " + width + "x" + height);
            }
        }
    }
}

package org.ruralinfo.exchange.internal;

/**
 * Where a value stands in the document, e.g. {@code $.items[3].body}: a link to its parent, rendered as
 * text only when a problem names it (a region's document has half a million values, issue #9).
 */
final class JsonPath {
    static final JsonPath ROOT = new JsonPath(null, "$", -1);

    private final JsonPath parent;
    private final String name;
    private final int index;

    private JsonPath(JsonPath parent, String name, int index) {
        this.parent = parent;
        this.name = name;
        this.index = index;
    }

    /** @return the path of field {@code name} of the object here */
    JsonPath field(String name) {
        return new JsonPath(this, name, -1);
    }

    /** @return the path of element {@code index} of the array here */
    JsonPath index(int index) {
        return new JsonPath(this, null, index);
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        render(out);
        return out.toString();
    }

    private void render(StringBuilder out) {
        if (parent == null) {
            out.append(name);
            return;
        }
        parent.render(out);
        if (name != null) {
            out.append('.').append(name);
        } else {
            out.append('[').append(index).append(']');
        }
    }
}

package org.ruralinfo.api;

/** One thing wrong with an input, named by its JSON path (e.g. {@code $.items[12].unit}). */
public record ValidationError(String path, String message) {
    @Override
    public String toString() {
        return path + ": " + message;
    }
}

package org.ruralinfo.archive;

import java.time.Instant;

/** A note added to a closed volume (or one of its items): the only change a closed volume takes. */
public record Annotation(long id, int year, String item, String note, Instant at, String author) {
}

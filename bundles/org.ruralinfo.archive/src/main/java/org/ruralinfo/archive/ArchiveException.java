package org.ruralinfo.archive;

import java.util.List;

/** A request the archive refuses for a reason other than bad JSON input. */
public class ArchiveException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why (an HTTP API maps them to 404, 409, 400, 413, 422). */
    public enum Kind {
        /** no such volume, item or key */
        NOT_FOUND,
        /** the state forbids it, e.g. a closed volume changed, a volume closed twice */
        CONFLICT,
        /** not a ZIP, an unsafe path, a duplicate name, a zip bomb: refused before anything is written */
        HOSTILE,
        /** larger than a configured limit */
        TOO_LARGE,
        /** a package that is not intact or not signed by a trusted key: the problems say what */
        NOT_VERIFIED
    }

    private final Kind kind;
    private final transient List<Problem> problems;

    public ArchiveException(Kind kind, String message, List<Problem> problems) {
        super(message);
        this.kind = kind;
        this.problems = List.copyOf(problems);
    }

    public ArchiveException(Kind kind, String message) {
        this(kind, message, List.of());
    }

    public Kind kind() {
        return kind;
    }

    /** @return what is wrong, by path in the package (or JSON path), may be empty */
    public List<Problem> problems() {
        return problems;
    }
}

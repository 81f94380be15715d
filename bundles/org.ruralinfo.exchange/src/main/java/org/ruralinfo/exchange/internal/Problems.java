package org.ruralinfo.exchange.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.ruralinfo.api.ValidationError;
import org.ruralinfo.api.ValidationException;

/** The problems found in one document so far, up to a cap; one instance per read. */
final class Problems {

    /** Thrown by {@link #add} when the cap is reached: reading stops there. */
    static final class CapReached extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CapReached() {
            super(null, null, false, false);
        }
    }

    private final List<ValidationError> errors = new ArrayList<>();
    private final Set<String> paths = new HashSet<>();
    private final int cap;

    /** @param cap the number of problems after which reading stops */
    Problems(int cap) {
        if (cap < 1) {
            throw new IllegalArgumentException("cap must be at least 1: " + cap);
        }
        this.cap = cap;
    }

    /**
     * Records a problem.
     *
     * @throws CapReached when this was the last problem the cap allows
     */
    void add(String path, String message) {
        errors.add(new ValidationError(path, message));
        paths.add(path);
        if (errors.size() >= cap) {
            throw new CapReached();
        }
    }

    /** Records a problem at {@code path} (see {@link #add(String, String)}). */
    void add(JsonPath path, String message) {
        add(path.toString(), message);
    }

    /** @return whether a problem was recorded at exactly this path */
    boolean reported(String path) {
        return paths.contains(path);
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    /** @return the exception that refuses the document, naming every problem recorded */
    ValidationException toException() {
        StringBuilder message = new StringBuilder("exchange document refused, nothing was imported: ");
        if (errors.size() >= cap) {
            message.append("at least ").append(errors.size()).append(" problems (the first ").append(cap)
                    .append(" are listed); ");
        } else {
            message.append(errors.size()).append(errors.size() == 1 ? " problem; " : " problems; ");
        }
        message.append("first: ").append(errors.get(0));
        return new ValidationException(message.toString(), errors);
    }
}

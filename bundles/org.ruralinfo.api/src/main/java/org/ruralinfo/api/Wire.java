package org.ruralinfo.api;

import java.util.Locale;

/** An enum constant with the lower-case name it has on the wire (exchange v1, API v1). */
public interface Wire {
    /** @return the name on the wire, e.g. {@code work_results} */
    default String wire() {
        return ((Enum<?>) this).name().toLowerCase(Locale.ROOT);
    }

    /**
     * @return the constant whose wire name is {@code value}, or {@code null} when there is none
     */
    static <E extends Enum<E> & Wire> E parse(Class<E> type, String value) {
        if (value == null) {
            return null;
        }
        for (E e : type.getEnumConstants()) {
            if (e.wire().equals(value)) {
                return e;
            }
        }
        return null;
    }
}

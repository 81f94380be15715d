package org.ruralinfo.api.scoring;

import org.ruralinfo.api.Wire;

/** The column of the ranking a point line adds to: {@code score = information + news + online + deductions}. */
public enum Category implements Wire {
    /** Art. 19(1) */
    INFORMATION,
    /** Art. 19(2) */
    NEWS,
    /** Art. 19(3) */
    ONLINE,
    /** Art. 20 (points ≤ 0) */
    DEDUCTIONS
}

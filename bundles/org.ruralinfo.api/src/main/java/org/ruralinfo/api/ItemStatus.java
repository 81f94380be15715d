package org.ruralinfo.api;

/**
 * The state of an item. The exchange format knows the two final screening results,
 * {@link #ACCEPTED} and {@link #REJECTED}; the others are the steps of the workflow
 * before the prefecture's screening.
 */
public enum ItemStatus implements Wire {
    DRAFT,
    SUBMITTED,
    APPROVED,
    SIGNED,
    RETURNED,
    /** screened in by the editor: counts */
    ACCEPTED,
    /** refused by the editor (Art. 7(5)): counts for nothing anywhere */
    REJECTED
}

package org.ruralinfo.intake;

import org.ruralinfo.api.Wire;

/** Why the editor refuses an item (Art. 7(5)). */
public enum RejectReason implements Wire {
    /** a unit's plain business notice is not rural-revitalization information */
    NOT_RURAL_REVITALIZATION,
    /** 照抄照搬: copied from others or from earlier items */
    COPIED
}

package org.ruralinfo.commissioning;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;
import org.ruralinfo.api.UserAccount;
import org.ruralinfo.api.ValidationException;

/**
 * Commissioning notices (约稿通知, Art. 9). The editor issues them; a unit sees those addressed to it (its
 * inbox) and only its own row of each; a notice not addressed to a unit is {@link CommissioningException.Kind#NOT_FOUND}
 * for that unit's users.
 * <p>Failures: {@link ValidationException} for bad input (nothing written), {@link CommissioningException}
 * for not found or not allowed.
 */
@ProviderType
public interface Commissioning {
    /** The editor issues a notice: one transaction with its audit row; scoring sees it at once. */
    NoticeView issue(UserAccount actor, NewNotice notice);

    /** @return the notices the actor may see (a unit's inbox, or all for the prefecture), newest deadline first */
    List<NoticeView> list(UserAccount actor);

    /** @return one notice with the delivery status of each addressed unit the actor may see */
    NoticeView get(UserAccount actor, String id);

    /** A user of an addressed unit (or the editor) names the unit's writer for the notice. */
    NoticeView nameWriter(UserAccount actor, String id, String unit, String writer);
}

package org.ruralinfo.intake;

import java.time.Instant;
import java.util.List;

import org.ruralinfo.api.Adoption;
import org.ruralinfo.api.Item;

/**
 * An item as the workflow shows it to one user.
 *
 * @param item            the record as scoring sees it ({@code submittedAt}: when the prefecture received it)
 * @param deadline        the time standard, or null for types that have none
 * @param confidentiality the reviewer's confidentiality check (Art. 7): reviewer, time, verdict
 * @param signed          the signer's sign-off (签发)
 * @param screened        the editor's accept or reject, with the reject reason as note
 * @param forwarded       sent on to the regional bureau
 * @param copyCheck       the closest earlier item, when similar; null when none or not shown to this user
 * @param actions         the actions this user may take now
 */
public record ItemView(Item item, String createdBy, Instant createdAt, Instant updatedAt, Deadline deadline,
        Signoff confidentiality, Signoff signed, Signoff screened, Signoff forwarded, CopyCheck copyCheck,
        List<Adoption> adoptions, List<Attachment> attachments, List<HistoryEntry> history,
        List<Action> actions) {
    public ItemView {
        adoptions = List.copyOf(adoptions);
        attachments = List.copyOf(attachments);
        history = List.copyOf(history);
        actions = List.copyOf(actions);
    }
}

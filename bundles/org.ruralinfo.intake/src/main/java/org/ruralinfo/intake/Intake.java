package org.ruralinfo.intake;

import java.io.InputStream;

import org.osgi.annotation.versioning.ProviderType;
import org.ruralinfo.api.AdoptionLevel;
import org.ruralinfo.api.UserAccount;
import org.ruralinfo.api.ValidationException;

/**
 * The item workflow (Art. 5, 7, 8). Every method checks the caller's roles and unit: a user outside the
 * prefecture bureau (not editor or admin) sees and changes only its own unit's items, and another unit's
 * item is {@link IntakeException.Kind#NOT_FOUND}, never its data.
 *
 * <p>Failures: {@link ValidationException} for bad input (nothing written), {@link IntakeException} for
 * not found, not allowed, a state conflict (naming the allowed actions) or a too large attachment.
 */
@ProviderType
public interface Intake {
    /** An officer drafts an item for its own unit; the time standard is computed and stored (Art. 8). */
    ItemView create(UserAccount actor, Draft draft);

    /** The officer edits a draft or a returned item of its unit (the unit never changes). */
    ItemView update(UserAccount actor, String id, Draft draft);

    /** @return one page of the items the actor may see, newest first */
    ItemPage list(UserAccount actor, ItemQuery query);

    /** @return the item with its state, deadline, adoptions, attachments and history */
    ItemView get(UserAccount actor, String id);

    /** Performs one action of the workflow: one transaction, one history row, one audit row. */
    ItemView transition(UserAccount actor, String id, TransitionRequest request);

    /** The editor records an adoption of an accepted item (Art. 19(1)); a second at one level is a conflict. */
    ItemView adopt(UserAccount actor, String id, AdoptionRequest request);

    /** The editor withdraws the adoption at {@code level}: its points go at once. */
    ItemView withdrawAdoption(UserAccount actor, String id, AdoptionLevel level);

    /**
     * Stores a photo or scan of a draft or returned item, checked by its content (JPEG, PNG, PDF, DOCX,
     * ZIP) and limited in size.
     *
     * @param name         the file name the client gave, may be null
     * @param declaredType the Content-Type the client sent, may be null; the content decides
     */
    Attachment attach(UserAccount actor, String id, String name, String declaredType, InputStream content);

    /** @return the stored file of attachment {@code seq} of the item, for streaming back */
    AttachmentContent attachment(UserAccount actor, String id, int seq);
}

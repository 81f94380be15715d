package org.ruralinfo.supervision;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;
import org.ruralinfo.api.UserAccount;

/**
 * Reminders and circulars (Art. 10), by the editor. A unit's users see the reminders and circulars that name
 * their unit. Bad input is a {@link org.ruralinfo.api.ValidationException} (an unknown unit among them), an
 * unknown subject or record a {@link SupervisionException}; nothing is half-created.
 */
@ProviderType
public interface Dunning {
    /** Logs a phone reminder, or issues a written reminder notice generated from the template. */
    Reminder remind(UserAccount actor, NewReminder reminder);

    /** @return the reminders the actor may see, of {@code unit} or all (null), newest first */
    List<Reminder> reminders(UserAccount actor, String unit);

    /** @return one reminder */
    Reminder reminder(UserAccount actor, long id);

    /** @return the DOCX of a written reminder notice */
    byte[] document(UserAccount actor, long id);

    /** @return the reminder notice template in force (DOCX, editor), for the bureau to edit and configure */
    byte[] template(UserAccount actor);

    /**
     * Issues a circular naming the units still overdue after reminders (a unit named must have had at least
     * one reminder for a subject still overdue); a conflict when there is none.
     */
    Circular circular(UserAccount actor, NewCircular circular);

    /** @return the circulars the actor may see, newest first */
    List<Circular> circulars(UserAccount actor);

    /** @return one circular */
    Circular circular(UserAccount actor, long id);
}

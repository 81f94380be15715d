package org.ruralinfo.supervision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;
import org.ruralinfo.api.UserAccount;
import org.ruralinfo.api.Wire;

/** Training records of information officers (Art. 13), listed per unit. */
@ProviderType
public interface Training {
    /** Records a session (editor for any unit; a unit's signer or reviewer for its own). */
    Session record(UserAccount actor, NewSession session);

    /** @return the sessions the actor may see, of {@code unit} or all (null), newest first */
    List<Session> list(UserAccount actor, String unit);

    /** Art. 13: the forms of training. */
    enum Form implements Wire {
        /** 跟班学习 */
        SHADOWING,
        /** 以会代训 */
        MEETING,
        /** 专题培训, 研讨 */
        SEMINAR,
        /** 交流 */
        EXCHANGE,
        /** 考察学习 */
        VISIT
    }

    /** A session to record. */
    record NewSession(String unit, Form form, LocalDate date, String title, List<String> attendees, String note) {
        public NewSession {
            attendees = attendees == null ? List.of() : List.copyOf(attendees);
        }
    }

    /** A recorded session. */
    record Session(long id, String unit, Form form, LocalDate date, String title, List<String> attendees,
            String note, String createdBy, Instant createdAt) {
        public Session {
            attendees = List.copyOf(attendees);
        }
    }
}

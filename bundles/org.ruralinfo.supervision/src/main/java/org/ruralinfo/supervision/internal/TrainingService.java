package org.ruralinfo.supervision.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.ruralinfo.api.Columns;
import org.ruralinfo.api.Database;
import org.ruralinfo.api.RecordStore;
import org.ruralinfo.api.Role;
import org.ruralinfo.api.UserAccount;
import org.ruralinfo.api.ValidationError;
import org.ruralinfo.api.ValidationException;
import org.ruralinfo.api.Wire;
import org.ruralinfo.supervision.SupervisionException;
import org.ruralinfo.supervision.SupervisionException.Kind;
import org.ruralinfo.supervision.Training;

/** Training records (Art. 13) in the {@code training} table; attendees kept one per line. */
@Component(service = Training.class)
public class TrainingService implements Training {
    private static final int MAX_ATTENDEES = 500;

    private final Database db;
    private final RecordStore store;
    private final Clock clock;

    @Activate
    public TrainingService(@Reference Database db, @Reference RecordStore store) {
        this(db, store, Clock.systemUTC());
    }

    TrainingService(Database db, RecordStore store, Clock clock) {
        this.db = db;
        this.store = store;
        this.clock = clock;
    }

    @Override
    public Session record(UserAccount actor, NewSession s) {
        List<ValidationError> errors = new ArrayList<>();
        if (s.unit() == null || s.unit().isBlank()) {
            errors.add(new ValidationError("$.unit", "is required"));
        } else if (store.unit(s.unit()).isEmpty()) {
            errors.add(new ValidationError("$.unit", "unknown unit \"" + s.unit() + "\""));
        }
        if (s.form() == null) {
            errors.add(new ValidationError("$.form", "one of shadowing, meeting, seminar, exchange, visit"));
        }
        if (s.date() == null) {
            errors.add(new ValidationError("$.date", "is required (YYYY-MM-DD)"));
        } else if (s.date().isAfter(LocalDate.now(clock).plusDays(1))) {
            errors.add(new ValidationError("$.date", "a session is recorded once it was held"));
        }
        if (s.title() == null || s.title().isBlank()) {
            errors.add(new ValidationError("$.title", "is required"));
        } else if (s.title().length() > 500) {
            errors.add(new ValidationError("$.title", "at most 500 characters"));
        }
        if (s.attendees().isEmpty()) {
            errors.add(new ValidationError("$.attendees", "at least one attendee"));
        } else if (s.attendees().size() > MAX_ATTENDEES) {
            errors.add(new ValidationError("$.attendees", "at most " + MAX_ATTENDEES));
        }
        for (int i = 0; i < s.attendees().size(); i++) {
            String a = s.attendees().get(i);
            if (a == null || a.isBlank() || a.length() > 100 || a.contains("\n")) {
                errors.add(new ValidationError("$.attendees[" + i + "]", "a name of at most 100 characters"));
            }
        }
        if (s.note() != null && s.note().length() > 4000) {
            errors.add(new ValidationError("$.note", "at most 4000 characters"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException("the training record is not valid", errors);
        }
        boolean own = s.unit().equals(actor.unit()) && (actor.has(Role.SIGNER) || actor.has(Role.REVIEWER)
                || actor.has(Role.OFFICER));
        if (!actor.has(Role.EDITOR) && !own) {
            throw new SupervisionException(Kind.FORBIDDEN, "the editor records training for any unit, a unit's staff for their own");
        }
        Instant now = clock.instant();
        String attendees = String.join("\n", s.attendees().stream().map(String::strip).toList());
        long id = db.transaction(c -> {
            long sid;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO training (unit, training_form, held_on, title, "
                    + "attendees, attendee_count, note, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    new String[] { "id" })) {
                ps.setString(1, s.unit());
                ps.setString(2, s.form().wire());
                Columns.date(ps, 3, s.date());
                ps.setString(4, s.title().strip());
                ps.setString(5, attendees);
                ps.setInt(6, s.attendees().size());
                Columns.text(ps, 7, s.note());
                ps.setString(8, actor.username());
                Columns.instant(ps, 9, now);
                ps.executeUpdate();
                sid = Sql.generatedId(ps);
            }
            db.audit(c, actor.username(), "training.record", "unit:" + s.unit(), s.form().wire() + " " + s.date());
            return sid;
        });
        return list(actor, s.unit()).stream().filter(x -> x.id() == id).findFirst().orElseThrow();
    }

    @Override
    public List<Session> list(UserAccount actor, String unit) {
        if (!actor.prefectureWide() && unit != null && !unit.equals(actor.unit())) {
            return List.of();
        }
        String only = actor.prefectureWide() ? unit : actor.unit();
        return db.read(c -> {
            List<Session> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, unit, training_form, held_on, title, attendees, note, "
                    + "created_by, created_at FROM training" + (only == null ? "" : " WHERE unit = ?")
                    + " ORDER BY unit, held_on DESC, id DESC")) {
                if (only != null) {
                    ps.setString(1, only);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(session(rs));
                    }
                }
            }
            return out;
        });
    }

    private static Session session(ResultSet rs) throws SQLException {
        return new Session(rs.getLong("id"), rs.getString("unit"), Wire.parse(Form.class, rs.getString("training_form")),
                Columns.date(rs, "held_on"), rs.getString("title"), Arrays.asList(rs.getString("attendees").split("\n")),
                rs.getString("note"), rs.getString("created_by"), Columns.instant(rs, "created_at"));
    }
}

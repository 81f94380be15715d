package org.ruralinfo.commissioning.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.ruralinfo.api.Columns;
import org.ruralinfo.api.Database;
import org.ruralinfo.api.ItemStatus;
import org.ruralinfo.api.ItemType;
import org.ruralinfo.api.Role;
import org.ruralinfo.api.Site;
import org.ruralinfo.api.UserAccount;
import org.ruralinfo.api.ValidationError;
import org.ruralinfo.api.ValidationException;
import org.ruralinfo.api.Wire;
import org.ruralinfo.commissioning.Commissioning;
import org.ruralinfo.commissioning.CommissioningException;
import org.ruralinfo.commissioning.CommissioningException.Kind;
import org.ruralinfo.commissioning.DeliveryStatus;
import org.ruralinfo.commissioning.NewNotice;
import org.ruralinfo.commissioning.NoticeView;
import org.ruralinfo.commissioning.UnitDelivery;

/**
 * Notices in the {@code notices} / {@code notice_units} tables the store and scoring read (so a notice
 * issued here is a fact of scoring at once: {@link Database#factsChanged}), the writers in
 * {@code notice_writers}, the statuses computed from the commissioned items that answer each notice.
 */
@Component(service = Commissioning.class, configurationPid = "org.ruralinfo.commissioning",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = CommissioningConfig.class)
public class CommissioningService implements Commissioning {
    private static final int WRITER_MAX = 200;

    private final Database db;
    private final Clock clock;
    private final String prefix;
    private final ZoneId zone;
    private final int titleMax;
    private final int requirementsMax;
    private final int unitsMax;

    @Activate
    public CommissioningService(CommissioningConfig config, @Reference Site site, @Reference Database db) {
        this(db, Clock.systemUTC(), config.id_prefix(), site.zone(), config.title_max__length(),
                config.requirements_max__length(), config.units_max());
    }

    CommissioningService(Database db, Clock clock, String prefix, ZoneId zone, int titleMax, int requirementsMax,
            int unitsMax) {
        this.db = db;
        this.clock = clock;
        this.prefix = prefix;
        this.zone = zone;
        this.titleMax = titleMax;
        this.requirementsMax = requirementsMax;
        this.unitsMax = unitsMax;
    }

    // ---- issue -----------------------------------------------------------------------------------------

    @Override
    public NoticeView issue(UserAccount actor, NewNotice n) {
        if (!actor.has(Role.EDITOR)) {
            throw new CommissioningException(Kind.FORBIDDEN, "issuing a notice needs the role editor");
        }
        List<ValidationError> errors = new ArrayList<>();
        if (n.title() == null || n.title().isBlank()) {
            errors.add(new ValidationError("$.title", "is required"));
        } else if (n.title().length() > titleMax) {
            errors.add(new ValidationError("$.title", "at most " + titleMax + " characters"));
        }
        if (n.requirements() != null && n.requirements().length() > requirementsMax) {
            errors.add(new ValidationError("$.requirements", "at most " + requirementsMax + " characters"));
        }
        if (n.deadline() == null) {
            errors.add(new ValidationError("$.deadline", "is required"));
        }
        if (n.units().isEmpty()) {
            errors.add(new ValidationError("$.units", "at least one unit is required"));
        } else if (n.units().size() > unitsMax) {
            errors.add(new ValidationError("$.units", "at most " + unitsMax + " units"));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < n.units().size(); i++) {
            String u = n.units().get(i);
            if (u == null || u.isBlank()) {
                errors.add(new ValidationError("$.units[" + i + "]", "must be a unit id"));
            } else if (!seen.add(u)) {
                errors.add(new ValidationError("$.units[" + i + "]", "unit \"" + u + "\" is named twice"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException("the notice is not valid", errors);
        }
        Instant now = clock.instant();
        String id = db.transaction(c -> {
            Set<String> known = units(c);
            List<ValidationError> unknown = new ArrayList<>();
            for (int i = 0; i < n.units().size(); i++) {
                if (!known.contains(n.units().get(i))) {
                    unknown.add(new ValidationError("$.units[" + i + "]", "unknown unit \"" + n.units().get(i) + "\""));
                }
            }
            if (!unknown.isEmpty()) {
                throw new ValidationException("unknown units", unknown);
            }
            String nid = nextId(c, now);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO notices (id, title, requirements, issued_at, "
                    + "deadline, issued_by) VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, nid);
                ps.setString(2, n.title().strip());
                Columns.text(ps, 3, n.requirements());
                Columns.instant(ps, 4, now);
                Columns.instant(ps, 5, n.deadline());
                ps.setString(6, actor.username());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO notice_units (notice_id, unit_id) VALUES (?, ?)")) {
                for (String u : n.units()) {
                    ps.setString(1, nid);
                    ps.setString(2, u);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            db.factsChanged(c);
            db.audit(c, actor.username(), "notice.create", "notice:" + nid,
                    n.title().strip() + " → " + String.join(",", n.units()) + " by " + n.deadline());
            return nid;
        });
        return get(actor, id);
    }

    /** The next free id prefix-year-number, under the row lock of the counter. */
    private String nextId(Connection c, Instant now) throws SQLException {
        int year = now.atZone(zone).getYear();
        String counter = "notice:" + year;
        while (true) {
            long n = next(c, counter);
            String id = String.format("%s-%d-%03d", prefix, year, n);
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM notices WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return id;
                    }
                }
            }
        }
    }

    /** @return the next number of counter {@code name} (1, 2, …), taken under the row lock of an UPDATE */
    static long next(Connection c, String name) throws SQLException {
        try (PreparedStatement up = c.prepareStatement(
                "UPDATE counters SET next_value = next_value + 1 WHERE name = ?")) {
            up.setString(1, name);
            if (up.executeUpdate() == 0) {
                try (PreparedStatement ins = c.prepareStatement("INSERT INTO counters (name, next_value) VALUES (?, 2)")) {
                    ins.setString(1, name);
                    ins.executeUpdate();
                }
                return 1;
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT next_value FROM counters WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) - 1;
            }
        }
    }

    private static Set<String> units(Connection c) throws SQLException {
        Set<String> out = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM units"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    // ---- read ------------------------------------------------------------------------------------------

    private record Row(String id, String title, String requirements, Instant issuedAt, Instant deadline,
            String issuedBy) {
    }

    @Override
    public List<NoticeView> list(UserAccount actor) {
        Instant now = clock.instant();
        return db.read(c -> {
            String sql = "SELECT id, title, requirements, issued_at, deadline, issued_by FROM notices"
                    + (actor.prefectureWide() ? "" : " WHERE id IN (SELECT notice_id FROM notice_units WHERE unit_id = ?)")
                    + " ORDER BY deadline DESC, id";
            List<Row> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                if (!actor.prefectureWide()) {
                    ps.setString(1, String.valueOf(actor.unit()));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(row(rs));
                    }
                }
            }
            List<NoticeView> out = new ArrayList<>();
            for (Row r : rows) {
                out.add(view(c, r, actor, now));
            }
            return out;
        });
    }

    @Override
    public NoticeView get(UserAccount actor, String id) {
        Instant now = clock.instant();
        return db.read(c -> {
            Row r = find(c, id);
            if (r == null || !visible(c, actor, id)) {
                throw new CommissioningException(Kind.NOT_FOUND, "no notice " + id);
            }
            return view(c, r, actor, now);
        });
    }

    private static Row find(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, title, requirements, issued_at, deadline, issued_by FROM notices WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? row(rs) : null;
            }
        }
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getString("id"), rs.getString("title"), rs.getString("requirements"),
                Columns.instant(rs, "issued_at"), Columns.instant(rs, "deadline"), rs.getString("issued_by"));
    }

    private static boolean visible(Connection c, UserAccount actor, String id) throws SQLException {
        if (actor.prefectureWide()) {
            return true;
        }
        return addressed(c, id).contains(actor.unit());
    }

    private static List<String> addressed(Connection c, String id) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT unit_id FROM notice_units WHERE notice_id = ? ORDER BY unit_id")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    private NoticeView view(Connection c, Row r, UserAccount actor, Instant now) throws SQLException {
        Map<String, List<DeliveryStatus.Answer>> answers = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, unit, status, submitted_at FROM items "
                + "WHERE notice = ? AND type = ? ORDER BY submitted_at, id")) {
            ps.setString(1, r.id());
            ps.setString(2, ItemType.COMMISSIONED.wire());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    answers.computeIfAbsent(rs.getString("unit"), k -> new ArrayList<>())
                            .add(new DeliveryStatus.Answer(rs.getString("id"),
                                    Wire.parse(ItemStatus.class, rs.getString("status")),
                                    Columns.instant(rs, "submitted_at")));
                }
            }
        }
        Map<String, String> writers = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT unit_id, writer FROM notice_writers WHERE notice_id = ?")) {
            ps.setString(1, r.id());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    writers.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        Map<String, UnitDelivery> units = new LinkedHashMap<>();
        for (String unit : addressed(c, r.id())) {
            if (!actor.prefectureWide() && !unit.equals(actor.unit())) {
                continue;
            }
            List<DeliveryStatus.Answer> mine = answers.getOrDefault(unit, List.of());
            List<String> ids = mine.stream().filter(a -> a.submittedAt() != null && !a.submittedAt().isAfter(now))
                    .map(DeliveryStatus.Answer::id).toList();
            units.put(unit, new UnitDelivery(unit, DeliveryStatus.of(r.deadline(), mine, now), ids, writers.get(unit)));
        }
        return new NoticeView(r.id(), r.title(), r.requirements(), r.issuedAt(), r.deadline(), r.issuedBy(),
                List.copyOf(units.values()));
    }

    // ---- writer ----------------------------------------------------------------------------------------

    @Override
    public NoticeView nameWriter(UserAccount actor, String id, String unit, String writer) {
        if (writer == null || writer.isBlank()) {
            throw new ValidationException(new ValidationError("$.writer", "is required"));
        }
        if (writer.length() > WRITER_MAX) {
            throw new ValidationException(new ValidationError("$.writer", "at most " + WRITER_MAX + " characters"));
        }
        Instant now = clock.instant();
        db.transaction(c -> {
            if (find(c, id) == null || !visible(c, actor, id)) {
                throw new CommissioningException(Kind.NOT_FOUND, "no notice " + id);
            }
            if (!addressed(c, id).contains(unit)) {
                throw new CommissioningException(Kind.NOT_FOUND, "notice " + id + " is not addressed to unit " + unit);
            }
            boolean own = unit.equals(actor.unit()) && (actor.has(Role.OFFICER) || actor.has(Role.REVIEWER)
                    || actor.has(Role.SIGNER));
            if (!own && !actor.has(Role.EDITOR)) {
                throw new CommissioningException(Kind.FORBIDDEN, "only the unit's own staff or the editor names its writer");
            }
            try (PreparedStatement up = c.prepareStatement("UPDATE notice_writers SET writer = ?, named_by = ?, "
                    + "named_at = ? WHERE notice_id = ? AND unit_id = ?")) {
                up.setString(1, writer.strip());
                up.setString(2, actor.username());
                Columns.instant(up, 3, now);
                up.setString(4, id);
                up.setString(5, unit);
                if (up.executeUpdate() == 0) {
                    try (PreparedStatement ins = c.prepareStatement("INSERT INTO notice_writers (notice_id, unit_id, "
                            + "writer, named_by, named_at) VALUES (?, ?, ?, ?, ?)")) {
                        ins.setString(1, id);
                        ins.setString(2, unit);
                        ins.setString(3, writer.strip());
                        ins.setString(4, actor.username());
                        Columns.instant(ins, 5, now);
                        ins.executeUpdate();
                    }
                }
            }
            db.audit(c, actor.username(), "notice.writer", "notice:" + id + ":" + unit, writer.strip());
            return null;
        });
        return get(actor, id);
    }
}

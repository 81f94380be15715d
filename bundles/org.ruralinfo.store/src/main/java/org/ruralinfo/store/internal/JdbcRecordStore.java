package org.ruralinfo.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.ruralinfo.api.Columns;
import org.ruralinfo.api.Adoption;
import org.ruralinfo.api.AdoptionLevel;
import org.ruralinfo.api.CalendarYear;
import org.ruralinfo.api.Channel;
import org.ruralinfo.api.ExchangeDocument;
import org.ruralinfo.api.Group;
import org.ruralinfo.api.ImportCounts;
import org.ruralinfo.api.Item;
import org.ruralinfo.api.ItemStatus;
import org.ruralinfo.api.ItemType;
import org.ruralinfo.api.Notice;
import org.ruralinfo.api.Outlet;
import org.ruralinfo.api.OutletLevel;
import org.ruralinfo.api.Publicity;
import org.ruralinfo.api.RecordStore;
import org.ruralinfo.api.Unit;
import org.ruralinfo.api.UnitKind;
import org.ruralinfo.api.Wire;
import org.ruralinfo.api.YearChanges;
import org.ruralinfo.api.YearRecords;

/** The records in SQL tables; an import is one transaction of batched inserts and updates. */
@Component(service = RecordStore.class)
public class JdbcRecordStore implements RecordStore {
    private static final String ITEM_COLUMNS = "id, unit, type, title, body, submitted_at, occurred_at, notice, "
            + "group_id, follows, status, research_qualified";
    /** The item columns scoring reads: no body (a region's year holds 31,000 of them, issue #9). */
    private static final String ITEM_FACT_COLUMNS = ITEM_COLUMNS.replace("body", "NULL AS body");
    private static final String PUBLICITY_COLUMNS = "id, unit, channel, outlet, level, title, manuscript, published, "
            + "reported_at";

    private final DataSource ds;

    @Activate
    public JdbcRecordStore(@Reference(target = "(ruralinfo.db=main)") DataSource ds) {
        this.ds = ds;
    }

    /** The facts revision in the database, so that every node sees every change. */
    @Override
    public long version() {
        return Jdbc.read(ds, JdbcDatabase::revision);
    }

    @Override
    public ImportCounts importDocument(ExchangeDocument doc, String actor) {
        ImportCounts counts = Jdbc.inTransaction(ds, c -> {
            int cal = writeCalendar(c, doc.calendar());
            Upsert.of(c, "units", List.of("id"), List.of("name", "kind"))
                    .run(doc.units(), u -> new Object[] {u.id()}, u -> new Object[] {u.name(), u.kind().wire()});
            Upsert.of(c, "special_groups", List.of("id"), List.of("name", "lead"))
                    .run(doc.groups(), g -> new Object[] {g.id()}, g -> new Object[] {g.name(), g.lead()});
            Upsert.of(c, "outlets", List.of("name", "channel"), List.of("level"))
                    .run(doc.outlets(), o -> new Object[] {o.name(), o.channel().wire()},
                            o -> new Object[] {o.level().wire()});
            Upsert.of(c, "notices", List.of("id"), List.of("title", "requirements", "issued_at", "deadline"))
                    .run(doc.notices(), n -> new Object[] {n.id()},
                            n -> new Object[] {n.title(), n.requirements(), n.issuedAt(), n.deadline()});
            writeNoticeUnits(c, doc.notices());
            Upsert.of(c, "items", List.of("id"), List.of("unit", "type", "title", "body", "submitted_at",
                    "occurred_at", "notice", "group_id", "follows", "status", "research_qualified"))
                    .run(doc.items(), i -> new Object[] {i.id()},
                            i -> new Object[] {i.unit(), i.type().wire(), i.title(), i.body(), i.submittedAt(),
                                i.occurredAt(), i.notice(), i.group(), i.follows(), i.status().wire(),
                                i.researchQualified()});
            Upsert.of(c, "adoptions", List.of("item", "level"), List.of("at", "issue", "credited_units", "leader_level"))
                    .run(doc.adoptions(), a -> new Object[] {a.item(), a.level().wire()},
                            a -> new Object[] {a.at(), a.issue(), creditedUnits(a), a.leader()});
            Upsert.of(c, "publicity", List.of("id"), List.of("unit", "channel", "outlet", "level", "title",
                    "manuscript", "published", "reported_at"))
                    .run(doc.publicity(), p -> new Object[] {p.id()},
                            p -> new Object[] {p.unit(), p.channel().wire(), p.outlet(),
                                p.level() == null ? null : p.level().wire(), p.title(), p.manuscript(),
                                p.published(), p.reportedAt()});
            ImportCounts n = new ImportCounts(cal, doc.units().size(), doc.groups().size(), doc.outlets().size(),
                    doc.notices().size(), doc.items().size(), doc.adoptions().size(), doc.publicity().size());
            JdbcAuditLog.insert(c, actor, "exchange.import", "exchange", n.toString());
            JdbcDatabase.bump(c);
            return n;
        });
        return counts;
    }

    private static int writeCalendar(Connection c, List<CalendarYear> years) throws SQLException {
        for (CalendarYear y : years) {
            try (PreparedStatement del = c.prepareStatement("DELETE FROM calendar_days WHERE cal_year = ?")) {
                del.setInt(1, y.year());
                del.executeUpdate();
            }
            try (PreparedStatement ins = c.prepareStatement(
                    "INSERT INTO calendar_days (cal_date, cal_year, workday) VALUES (?, ?, ?)")) {
                Map<LocalDate, Boolean> days = new TreeMap<>();
                y.holidays().forEach(d -> days.put(d, false));
                y.workdays().forEach(d -> days.put(d, true));
                for (Map.Entry<LocalDate, Boolean> e : days.entrySet()) {
                    Columns.date(ins, 1, e.getKey());
                    ins.setInt(2, y.year());
                    ins.setBoolean(3, e.getValue());
                    ins.addBatch();
                }
                ins.executeBatch();
            }
        }
        return years.size();
    }

    private static void writeNoticeUnits(Connection c, List<Notice> notices) throws SQLException {
        if (notices.isEmpty()) {
            return;
        }
        try (PreparedStatement del = c.prepareStatement("DELETE FROM notice_units WHERE notice_id = ?");
                PreparedStatement ins = c.prepareStatement(
                        "INSERT INTO notice_units (notice_id, unit_id) VALUES (?, ?)")) {
            for (Notice n : notices) {
                del.setString(1, n.id());
                del.addBatch();
                for (String u : new java.util.LinkedHashSet<>(n.units())) {
                    ins.setString(1, n.id());
                    ins.setString(2, u);
                    ins.addBatch();
                }
            }
            del.executeBatch();
            ins.executeBatch();
        }
    }

    @Override
    public YearRecords year(int year) {
        return year(year, ITEM_COLUMNS);
    }

    @Override
    public YearRecords facts(int year) {
        return year(year, ITEM_FACT_COLUMNS);
    }

    private YearRecords year(int year, String itemColumns) {
        Instant from = yearFrom(year);
        Instant to = yearTo(year);
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = LocalDate.of(year, 12, 31);
        return Jdbc.read(ds, c -> {
            List<Item> items = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + itemColumns + " FROM items WHERE "
                    + ITEM_IN_YEAR + " ORDER BY id")) {
                bindYear(ps, 1, year);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        items.add(item(rs));
                    }
                }
            }
            Set<String> ids = new HashSet<>();
            items.forEach(i -> ids.add(i.id()));
            List<Adoption> adoptions = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT item, level, at, issue, credited_units, leader_level FROM adoptions ORDER BY item, level")) {
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (ids.contains(rs.getString("item"))) {
                            adoptions.add(adoption(rs));
                        }
                    }
                }
            }
            List<Notice> notices = new ArrayList<>();
            Map<String, List<String>> addressed = noticeUnits(c);
            try (PreparedStatement ps = c.prepareStatement("SELECT id, title, requirements, issued_at, deadline "
                    + "FROM notices WHERE (deadline >= ? AND deadline < ?) OR (issued_at >= ? AND issued_at < ?) "
                    + "OR id IN (SELECT notice FROM items WHERE submitted_at >= ? AND submitted_at < ?) ORDER BY id")) {
                for (int i = 0; i < 3; i++) {
                    Columns.instant(ps, 2 * i + 1, from);
                    Columns.instant(ps, 2 * i + 2, to);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        notices.add(notice(rs, addressed));
                    }
                }
            }
            List<Publicity> publicity = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + PUBLICITY_COLUMNS
                    + " FROM publicity WHERE published BETWEEN ? AND ? ORDER BY id")) {
                Columns.date(ps, 1, first);
                Columns.date(ps, 2, last);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        publicity.add(publicity(rs));
                    }
                }
            }
            return new YearRecords(year, calendar(c), units(c), groups(c), outlets(c), notices, items, adoptions,
                    publicity);
        });
    }

    /** More changed items than this are read faster as a whole year. */
    static final int MAX_CHANGES = 500;

    /**
     * The items recorded in {@code fact_changes} after {@code since} (V8), read back with the year's own
     * conditions; empty when a revision after {@code since} has no row there (an import, a notice, a gap
     * left by pruning), or when more than {@link #MAX_CHANGES} items changed.
     */
    @Override
    public Optional<YearChanges> changesSince(int year, long since) {
        return Jdbc.read(ds, c -> {
            long now = JdbcDatabase.revision(c);
            if (now < since) {
                return Optional.<YearChanges>empty();
            }
            if (now - since > MAX_CHANGES) {
                return Optional.<YearChanges>empty();
            }
            Set<Long> revs = new HashSet<>();
            Set<String> changed = new java.util.TreeSet<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT rev, item FROM fact_changes WHERE rev > ? AND rev <= ?")) {
                ps.setLong(1, since);
                ps.setLong(2, now);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        revs.add(rs.getLong(1));
                        changed.add(rs.getString(2));
                    }
                }
            }
            if (revs.size() != now - since) {
                return Optional.<YearChanges>empty(); // a change that was not one item's
            }
            List<Item> items = new ArrayList<>();
            List<Adoption> adoptions = new ArrayList<>();
            if (!changed.isEmpty()) {
                String in = String.join(", ", java.util.Collections.nCopies(changed.size(), "?"));
                try (PreparedStatement ps = c.prepareStatement("SELECT " + ITEM_FACT_COLUMNS + " FROM items WHERE id IN ("
                        + in + ") AND (" + ITEM_IN_YEAR + ") ORDER BY id")) {
                    int n = 1;
                    for (String id : changed) {
                        ps.setString(n++, id);
                    }
                    bindYear(ps, n, year);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            items.add(item(rs));
                        }
                    }
                }
                if (!items.isEmpty()) {
                    try (PreparedStatement ps = c.prepareStatement("SELECT item, level, at, issue, credited_units, "
                            + "leader_level FROM adoptions WHERE item IN ("
                            + String.join(", ", java.util.Collections.nCopies(items.size(), "?"))
                            + ") ORDER BY item, level")) {
                        int n = 1;
                        for (Item i : items) {
                            ps.setString(n++, i.id());
                        }
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                adoptions.add(adoption(rs));
                            }
                        }
                    }
                }
            }
            return Optional.of(new YearChanges(changed, items, adoptions));
        });
    }

    /**
     * The items of a year's facts: submitted in it (within the generous bounds) or adopted in it. The whole
     * read and the read of changed items share it, so that a year brought up to date equals one read afresh.
     * Its four parameters are bound by {@link #bindYear}.
     */
    private static final String ITEM_IN_YEAR = "(submitted_at >= ? AND submitted_at < ?) "
            + "OR id IN (SELECT item FROM adoptions WHERE at BETWEEN ? AND ?)";

    private static void bindYear(PreparedStatement ps, int first, int year) throws SQLException {
        Columns.instant(ps, first, yearFrom(year));
        Columns.instant(ps, first + 1, yearTo(year));
        Columns.date(ps, first + 2, LocalDate.of(year, 1, 1));
        Columns.date(ps, first + 3, LocalDate.of(year, 12, 31));
    }

    /** Generous instant bounds of a year: the policy decides in its own zone which records fall in it. */
    private static Instant yearFrom(int year) {
        return LocalDate.of(year, 1, 1).minusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    private static Instant yearTo(int year) {
        return LocalDate.of(year + 1, 1, 1).plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    @Override
    public List<Unit> units() {
        return Jdbc.read(ds, JdbcRecordStore::units);
    }

    @Override
    public List<Group> groups() {
        return Jdbc.read(ds, JdbcRecordStore::groups);
    }

    @Override
    public List<Outlet> outlets() {
        return Jdbc.read(ds, JdbcRecordStore::outlets);
    }

    @Override
    public List<CalendarYear> calendars() {
        return Jdbc.read(ds, JdbcRecordStore::calendar);
    }

    @Override
    public Optional<Unit> unit(String id) {
        return units().stream().filter(u -> u.id().equals(id)).findFirst();
    }

    @Override
    public Optional<Group> group(String id) {
        return groups().stream().filter(g -> g.id().equals(id)).findFirst();
    }

    @Override
    public Optional<Notice> notice(String id) {
        return Jdbc.read(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, title, requirements, issued_at, deadline FROM notices WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(notice(rs, noticeUnits(c))) : Optional.<Notice>empty();
                }
            }
        });
    }

    @Override
    public Optional<Item> item(String id) {
        return Jdbc.read(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + ITEM_COLUMNS + " FROM items WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(item(rs)) : Optional.<Item>empty();
                }
            }
        });
    }

    @Override
    public Optional<Outlet> outlet(String name, Channel channel) {
        return Jdbc.read(ds, JdbcRecordStore::outlets).stream()
                .filter(o -> o.name().equals(name) && o.channel() == channel).findFirst();
    }

    private static List<Unit> units(Connection c) throws SQLException {
        List<Unit> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, name, kind FROM units ORDER BY id");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Unit(rs.getString(1), rs.getString(2), Wire.parse(UnitKind.class, rs.getString(3))));
            }
        }
        return out;
    }

    private static List<Group> groups(Connection c) throws SQLException {
        List<Group> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, name, lead FROM special_groups ORDER BY id");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Group(rs.getString(1), rs.getString(2), rs.getString(3)));
            }
        }
        return out;
    }

    private static List<Outlet> outlets(Connection c) throws SQLException {
        List<Outlet> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT name, channel, level FROM outlets ORDER BY channel, name");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Outlet(rs.getString(1), Wire.parse(Channel.class, rs.getString(2)),
                        Wire.parse(OutletLevel.class, rs.getString(3))));
            }
        }
        return out;
    }

    private static List<CalendarYear> calendar(Connection c) throws SQLException {
        Map<Integer, List<LocalDate>[]> years = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT cal_date, cal_year, workday FROM calendar_days ORDER BY cal_date");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                @SuppressWarnings("unchecked")
                List<LocalDate>[] lists = years.computeIfAbsent(rs.getInt("cal_year"),
                        y -> new List[] {new ArrayList<>(), new ArrayList<>()});
                lists[rs.getBoolean("workday") ? 1 : 0].add(Columns.date(rs, "cal_date"));
            }
        }
        List<CalendarYear> out = new ArrayList<>();
        years.forEach((y, lists) -> out.add(new CalendarYear(y, lists[0], lists[1])));
        return out;
    }

    private static Map<String, List<String>> noticeUnits(Connection c) throws SQLException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT notice_id, unit_id FROM notice_units ORDER BY notice_id, unit_id");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
            }
        }
        return out;
    }

    private static Notice notice(ResultSet rs, Map<String, List<String>> addressed) throws SQLException {
        String id = rs.getString("id");
        return new Notice(id, rs.getString("title"), rs.getString("requirements"), Columns.instant(rs, "issued_at"),
                Columns.instant(rs, "deadline"), addressed.getOrDefault(id, List.of()));
    }

    private static Item item(ResultSet rs) throws SQLException {
        return new Item(rs.getString("id"), rs.getString("unit"), Wire.parse(ItemType.class, rs.getString("type")),
                rs.getString("title"), rs.getString("body"), Columns.instant(rs, "submitted_at"),
                Columns.instant(rs, "occurred_at"), rs.getString("notice"), rs.getString("group_id"),
                rs.getString("follows"), Wire.parse(ItemStatus.class, rs.getString("status")),
                rs.getBoolean("research_qualified"));
    }

    private static Adoption adoption(ResultSet rs) throws SQLException {
        String credited = rs.getString("credited_units");
        List<String> units = credited == null || credited.isEmpty() ? List.of()
                : List.of(credited.split(String.valueOf(CREDIT_SEPARATOR)));
        return new Adoption(rs.getString("item"), Wire.parse(AdoptionLevel.class, rs.getString("level")),
                Columns.date(rs, "at"), rs.getString("issue"), units, rs.getString("leader_level"));
    }

    /** Separates the unit ids of {@code adoptions.credited_units} (V4). */
    private static final char CREDIT_SEPARATOR = ',';
    /** The width of {@code adoptions.credited_units} (V4). */
    private static final int CREDIT_WIDTH = 2000;

    /**
     * @return the credited units of a combined adoption joined by commas, or null for none
     * @throws IllegalArgumentException when a unit id holds a comma or the list does not fit the column:
     *         the import is refused as a whole rather than stored wrong
     */
    private static String creditedUnits(Adoption a) {
        if (a.units().isEmpty()) {
            return null;
        }
        for (String unit : a.units()) {
            if (unit.indexOf(CREDIT_SEPARATOR) >= 0 || unit.isEmpty()) {
                throw new IllegalArgumentException("adoption of item " + a.item() + " at " + a.level().wire()
                        + ": credited unit id \"" + unit + "\" cannot be stored (empty or holds a comma)");
            }
        }
        String joined = String.join(String.valueOf(CREDIT_SEPARATOR), a.units());
        if (joined.length() > CREDIT_WIDTH) {
            throw new IllegalArgumentException("adoption of item " + a.item() + " at " + a.level().wire() + ": "
                    + a.units().size() + " credited units take " + joined.length() + " characters, at most "
                    + CREDIT_WIDTH + " can be stored");
        }
        return joined;
    }

    private static Publicity publicity(ResultSet rs) throws SQLException {
        String level = rs.getString("level");
        return new Publicity(rs.getString("id"), rs.getString("unit"), Wire.parse(Channel.class, rs.getString("channel")),
                rs.getString("outlet"), level == null ? null : Wire.parse(OutletLevel.class, level),
                rs.getString("title"), rs.getString("manuscript"), Columns.date(rs, "published"),
                Columns.instant(rs, "reported_at"));
    }
}

package org.ruralinfo.supervision.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.ruralinfo.api.Columns;
import org.ruralinfo.api.Adoption;
import org.ruralinfo.api.AdoptionLevel;
import org.ruralinfo.api.Database;
import org.ruralinfo.api.Item;
import org.ruralinfo.api.ItemStatus;
import org.ruralinfo.api.ItemType;
import org.ruralinfo.api.Notice;
import org.ruralinfo.api.RecordStore;
import org.ruralinfo.api.Unit;
import org.ruralinfo.api.WorkCalendar;
import org.ruralinfo.api.YearRecords;
import org.ruralinfo.api.scoring.Period;
import org.ruralinfo.api.scoring.PeriodFacts;
import org.ruralinfo.api.scoring.PointLine;
import org.ruralinfo.api.scoring.RankingReport;
import org.ruralinfo.api.scoring.RankingRow;
import org.ruralinfo.api.scoring.ScoringService;
import org.ruralinfo.api.supervision.Obligation;
import org.ruralinfo.api.supervision.SupervisionRules;
import org.ruralinfo.commissioning.DeliveryStatus;
import org.ruralinfo.supervision.MonthlySummary;
import org.ruralinfo.supervision.ReminderKind;
import org.ruralinfo.supervision.SupervisionReport;
import org.ruralinfo.supervision.SupervisionReport.Overdue;
import org.ruralinfo.supervision.SupervisionReport.Progress;
import org.ruralinfo.supervision.SupervisionReport.ReminderRef;

/**
 * The watch itself, free of OSGi: the obligations of the policy in force ({@link SupervisionRules}, the
 * same parameters scoring uses) over the same facts the engine gathers ({@link RecordStore#year}), the
 * points the ranking deducts for the same refs once a period has ended, the notices and time-bound items
 * overdue, and the reminders sent.
 */
final class Watch {
    /** The fixed order of units in every table: county, member unit, department; then by id. */
    static final Comparator<Unit> ORDER = Comparator.comparing(Unit::kind).thenComparing(Unit::id);

    /** The records of one year as scoring sees them at a moment. */
    record Facts(YearRecords records, PeriodFacts period, WorkCalendar calendar) {
    }

    private final Database db;
    private final RecordStore store;
    private final Supplier<SupervisionRules> rules;
    private final Supplier<ScoringService> scoring;
    final ZoneId zone;

    Watch(Database db, RecordStore store, Supplier<SupervisionRules> rules, Supplier<ScoringService> scoring,
            ZoneId zone) {
        this.db = db;
        this.store = store;
        this.rules = rules;
        this.scoring = scoring;
        this.zone = zone;
    }

    Facts facts(int year, Instant now) {
        YearRecords y = store.year(year);
        WorkCalendar calendar = new WorkCalendar(y.calendar());
        PeriodFacts facts = new PeriodFacts(Period.ofYear(year), now, y.units(), y.groups(), y.outlets(), calendar,
                y.notices(), y.items(), y.adoptions(), y.publicity());
        return new Facts(y, facts, calendar);
    }

    List<Obligation> obligations(Facts f, YearMonth month) {
        SupervisionRules r = rules.get();
        return r == null ? List.of() : r.obligations(f.period(), month);
    }

    String policy() {
        ScoringService s = scoring.get();
        return s == null ? null : s.policyInForce().map(p -> p.id() + "/" + p.version()).orElse(null);
    }

    LocalDate day(Instant t) {
        return t.atZone(zone).toLocalDate();
    }

    Instant endOf(YearMonth month) {
        return month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
    }

    // ---- the supervision table ---------------------------------------------------------------------------

    SupervisionReport report(YearMonth month, Instant now, Predicate<String> visible) {
        Facts f = facts(month.getYear(), now);
        List<Obligation> obligations = obligations(f, month);
        Map<String, Integer> lost = lost(obligations, now);
        Map<String, List<Overdue>> overdue = overdue(f, month, now);
        Map<String, List<ReminderRef>> reminders = reminders(month);
        List<SupervisionReport.Row> rows = new ArrayList<>();
        for (Unit u : f.records().units().stream().sorted(ORDER).toList()) {
            if (!visible.test(u.id())) {
                continue;
            }
            Progress quota = null;
            Progress research = null;
            List<Progress> groups = new ArrayList<>();
            boolean behind = false;
            int lostPoints = 0;
            for (Obligation o : obligations) {
                if (!o.unit().equals(u.id())) {
                    continue;
                }
                boolean ended = !now.isBefore(o.ends());
                Progress p = new Progress(o.ref(), o.period(), o.group(), o.required(), o.counted(), ended,
                        ended ? lost.getOrDefault(o.ref(), 0) : 0);
                switch (o.kind()) {
                    case QUOTA -> {
                        if (!o.period().equals(month.toString())) {
                            continue;
                        }
                        quota = p;
                    }
                    case GROUP -> groups.add(p);
                    case RESEARCH -> {
                        // a department's yearly research, else the half-year of the month
                        if (research == null || o.period().contains("-H")) {
                            research = p;
                        }
                        continue;
                    }
                }
                lostPoints += p.lost();
                behind |= ended ? p.missing() > 0 : p.counted() < pace(p.required(), month, now, f.calendar());
            }
            List<Overdue> late = overdue.getOrDefault(u.id(), List.of());
            rows.add(new SupervisionReport.Row(u.id(), u.name(), u.kind(), quota, groups, research, late,
                    reminders.getOrDefault(u.id(), List.of()), behind || !late.isEmpty(), lostPoints));
        }
        return new SupervisionReport(month, now, policy(), rows);
    }

    /**
     * @return how many items should count by {@code now} to keep pace: {@code required} × the working days of
     *         the month passed ÷ its working days, rounded down (the whole quota once the month is over)
     */
    int pace(int required, YearMonth month, Instant now, WorkCalendar calendar) {
        LocalDate today = day(now);
        int total = 0;
        int passed = 0;
        for (LocalDate d = month.atDay(1); !d.isAfter(month.atEndOfMonth()); d = d.plusDays(1)) {
            if (calendar.isWorkday(d)) {
                total++;
                if (d.isBefore(today)) {
                    passed++;
                }
            }
        }
        if (today.isAfter(month.atEndOfMonth())) {
            return required;
        }
        return total == 0 ? 0 : required * passed / total;
    }

    /** @return per ref, the points the ranking deducts for it (for obligations whose period has ended) */
    Map<String, Integer> lost(List<Obligation> obligations, Instant now) {
        ScoringService s = scoring.get();
        Set<String> refs = new HashSet<>();
        Set<Period> quarters = new HashSet<>();
        for (Obligation o : obligations) {
            if (!now.isBefore(o.ends())) {
                refs.add(o.ref());
                quarters.add(Period.quarterOf(day(o.ends().minusSeconds(1))));
            }
        }
        Map<String, Integer> out = new HashMap<>();
        if (s == null || refs.isEmpty()) {
            return out;
        }
        for (Period q : quarters) {
            RankingReport r;
            try {
                r = s.ranking(q, null);
            } catch (RuntimeException e) {
                continue;
            }
            for (List<RankingRow> rows : r.kinds().values()) {
                for (RankingRow row : rows) {
                    for (PointLine l : row.lines()) {
                        if (refs.contains(l.ref())) {
                            out.merge(l.ref(), l.points(), Integer::sum);
                        }
                    }
                }
            }
        }
        return out;
    }

    /**
     * @return per unit: notices whose deadline passed by the end of {@code month} (same year) still missing
     *         now, and time-bound items of intake not sent by a deadline passed by then
     */
    Map<String, List<Overdue>> overdue(Facts f, YearMonth month, Instant now) {
        Instant until = min(endOf(month), now);
        Map<String, List<Overdue>> out = new HashMap<>();
        for (Notice n : f.records().notices()) {
            if (!n.deadline().isBefore(until) || day(n.deadline()).getYear() != month.getYear()) {
                continue;
            }
            for (String unit : n.units()) {
                if (status(n, unit, f.records().items(), now) == DeliveryStatus.MISSING) {
                    out.computeIfAbsent(unit, k -> new ArrayList<>())
                            .add(new Overdue("notice:" + n.id() + ":" + unit, n.deadline(), n.title()));
                }
            }
        }
        for (OverdueItem i : overdueItems(until, month.getYear())) {
            out.computeIfAbsent(i.unit(), k -> new ArrayList<>()).add(new Overdue("item:" + i.id(), i.deadline(), i.title()));
        }
        out.values().forEach(l -> l.sort(Comparator.comparing(Overdue::deadline).thenComparing(Overdue::ref)));
        return out;
    }

    static DeliveryStatus status(Notice n, String unit, List<Item> items, Instant now) {
        List<DeliveryStatus.Answer> answers = items.stream()
                .filter(i -> i.type() == ItemType.COMMISSIONED && n.id().equals(i.notice()) && unit.equals(i.unit()))
                .map(i -> new DeliveryStatus.Answer(i.id(), i.status(), i.submittedAt())).toList();
        return DeliveryStatus.of(n.deadline(), answers, now);
    }

    record OverdueItem(String id, String unit, String title, Instant deadline) {
    }

    /** Time-bound items (Art. 8) drafted in intake whose deadline passed before {@code until} and that were not sent. */
    List<OverdueItem> overdueItems(Instant until, int year) {
        return db.read(c -> {
            List<OverdueItem> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, unit, title, deadline_at, deadline_rule FROM items "
                    + "WHERE deadline_rule IN ('emergency', 'meeting') AND submitted_at IS NULL AND status <> ? "
                    + "AND deadline_at <= ? ORDER BY deadline_at, id")) {
                ps.setString(1, ItemStatus.REJECTED.wire());
                Columns.instant(ps, 2, until);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Instant d = Columns.instant(rs, "deadline_at");
                        // an emergency is on time at its deadline itself, a meeting item only before it
                        boolean passed = "meeting".equals(rs.getString("deadline_rule")) ? !until.isBefore(d) : until.isAfter(d);
                        if (passed && day(d).getYear() == year) {
                            out.add(new OverdueItem(rs.getString("id"), rs.getString("unit"), rs.getString("title"), d));
                        }
                    }
                }
            }
            return out;
        });
    }

    /** @return per unit, the reminders made in {@code month} */
    Map<String, List<ReminderRef>> reminders(YearMonth month) {
        return db.read(c -> {
            Map<String, List<ReminderRef>> out = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, unit, kind, reminded_at, subject FROM reminders "
                    + "WHERE reminded_at >= ? AND reminded_at < ? ORDER BY reminded_at, id")) {
                Columns.instant(ps, 1, month.atDay(1).atStartOfDay(zone).toInstant());
                Columns.instant(ps, 2, endOf(month));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.computeIfAbsent(rs.getString("unit"), k -> new ArrayList<>()).add(new ReminderRef(
                                rs.getLong("id"), org.ruralinfo.api.Wire.parse(ReminderKind.class, rs.getString("kind")),
                                Columns.instant(rs, "reminded_at"), rs.getString("subject")));
                    }
                }
            }
            return out;
        });
    }

    // ---- the monthly summary ------------------------------------------------------------------------------

    MonthlySummary summary(YearMonth month, Instant now, Predicate<String> visible) {
        Facts f = facts(month.getYear(), now);
        List<Obligation> obligations = obligations(f, month);
        Map<String, int[]> counts = new HashMap<>();
        for (Item i : f.records().items()) {
            if (i.submittedAt() == null || i.submittedAt().isAfter(now)
                    || !YearMonth.from(day(i.submittedAt())).equals(month)) {
                continue;
            }
            int[] c = counts.computeIfAbsent(i.unit(), k -> new int[3]);
            c[0]++;
            if (i.status() == ItemStatus.ACCEPTED) {
                c[1]++;
            } else if (i.status() == ItemStatus.REJECTED) {
                c[2]++;
            }
        }
        Map<String, String> unitOf = new HashMap<>();
        f.records().items().forEach(i -> unitOf.put(i.id(), i.unit()));
        Map<String, Map<AdoptionLevel, Integer>> adopted = new HashMap<>();
        for (Adoption a : f.records().adoptions()) {
            String unit = unitOf.get(a.item());
            if (unit != null && YearMonth.from(a.at()).equals(month)) {
                adopted.computeIfAbsent(unit, k -> new EnumMap<>(AdoptionLevel.class)).merge(a.level(), 1, Integer::sum);
            }
        }
        Map<String, Integer> shortfall = new HashMap<>();
        for (Obligation o : obligations) {
            if (o.period().equals(month.toString()) && o.kind() != Obligation.Kind.RESEARCH) {
                shortfall.merge(o.unit(), o.missing(), Integer::sum);
            }
        }
        List<MonthlySummary.Row> rows = new ArrayList<>();
        for (Unit u : f.records().units().stream().sorted(ORDER).toList()) {
            if (!visible.test(u.id())) {
                continue;
            }
            int[] c = counts.getOrDefault(u.id(), new int[3]);
            Map<AdoptionLevel, Integer> levels = new EnumMap<>(AdoptionLevel.class);
            for (AdoptionLevel l : AdoptionLevel.values()) {
                levels.put(l, adopted.getOrDefault(u.id(), Map.of()).getOrDefault(l, 0));
            }
            rows.add(new MonthlySummary.Row(u.id(), u.name(), u.kind(), c[0], c[1], c[2], levels,
                    shortfall.getOrDefault(u.id(), 0)));
        }
        return new MonthlySummary(month, rows);
    }

    // ---- subjects ---------------------------------------------------------------------------------------

    /** Whether a subject is still not done at {@code now}, and its deadline or period end. */
    record Standing(boolean open, Instant due, String title) {
    }

    /**
     * Checks that {@code subject} names a record of {@code unit} and tells whether it is still open.
     *
     * @throws org.ruralinfo.supervision.SupervisionException NOT_FOUND for an unknown notice, group or item
     * @throws org.ruralinfo.api.ValidationException when the subject names another unit
     */
    Standing standing(Connection c, String unit, Subject s, Instant now) throws SQLException {
        if (s.unit() != null && !s.unit().equals(unit)) {
            throw new org.ruralinfo.api.ValidationException(new org.ruralinfo.api.ValidationError("$.subject",
                    "names unit " + s.unit() + ", not " + unit));
        }
        switch (s.type()) {
            case "notice" -> {
                Notice n = store.notice(s.id()).filter(x -> x.units().contains(unit)).orElseThrow(
                        () -> notFound("no notice " + s.id() + " addressed to " + unit));
                List<Item> answers = answers(c, n.id(), unit);
                DeliveryStatus st = DeliveryStatus.of(n.deadline(), answers.stream()
                        .map(i -> new DeliveryStatus.Answer(i.id(), i.status(), i.submittedAt())).toList(), now);
                return new Standing(st == DeliveryStatus.MISSING, n.deadline(), n.title());
            }
            case "item" -> {
                Item i = store.item(s.id()).filter(x -> x.unit().equals(unit))
                        .orElseThrow(() -> notFound("no item " + s.id() + " of " + unit));
                Instant due = itemDeadline(c, i.id());
                boolean open = i.submittedAt() == null && i.status() != ItemStatus.REJECTED && due != null
                        && now.isAfter(due);
                return new Standing(open, due, i.title());
            }
            default -> {
                if ("group".equals(s.type())) {
                    store.group(s.id()).filter(g -> g.lead().equals(unit))
                            .orElseThrow(() -> notFound("no group " + s.id() + " led by " + unit));
                }
                YearMonth month = s.month();
                Facts f = facts(month.getYear(), now);
                Obligation o = obligations(f, month).stream().filter(x -> x.ref().equals(s.text())).findFirst()
                        .orElseThrow(() -> notFound("no obligation " + s.text() + " under the policy in force"));
                return new Standing(o.missing() > 0, o.ends(), s.words());
            }
        }
    }

    private static org.ruralinfo.supervision.SupervisionException notFound(String message) {
        return new org.ruralinfo.supervision.SupervisionException(
                org.ruralinfo.supervision.SupervisionException.Kind.NOT_FOUND, message);
    }

    private static List<Item> answers(Connection c, String notice, String unit) throws SQLException {
        List<Item> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, status, submitted_at FROM items "
                + "WHERE notice = ? AND unit = ? AND type = ?")) {
            ps.setString(1, notice);
            ps.setString(2, unit);
            ps.setString(3, ItemType.COMMISSIONED.wire());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Item(rs.getString("id"), unit, ItemType.COMMISSIONED, "", null,
                            Columns.instant(rs, "submitted_at"), null, notice, null, null,
                            org.ruralinfo.api.Wire.parse(ItemStatus.class, rs.getString("status")), false));
                }
            }
        }
        return out;
    }

    private static Instant itemDeadline(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT deadline_at FROM items WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Columns.instant(rs, "deadline_at") : null;
            }
        }
    }

    static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}

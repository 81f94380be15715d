package org.ruralinfo.supervision.internal;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.ruralinfo.api.Columns;
import org.ruralinfo.api.Database;
import org.ruralinfo.api.Notice;
import org.ruralinfo.api.RecordStore;
import org.ruralinfo.api.Role;
import org.ruralinfo.api.Site;
import org.ruralinfo.api.Unit;
import org.ruralinfo.api.UserAccount;
import org.ruralinfo.api.ValidationError;
import org.ruralinfo.api.ValidationException;
import org.ruralinfo.api.Wire;
import org.ruralinfo.api.scoring.ScoringPolicy;
import org.ruralinfo.api.scoring.ScoringService;
import org.ruralinfo.api.supervision.Obligation;
import org.ruralinfo.api.supervision.SupervisionRules;
import org.ruralinfo.commissioning.DeliveryStatus;
import org.ruralinfo.supervision.Circular;
import org.ruralinfo.supervision.Dunning;
import org.ruralinfo.supervision.MonthlySummary;
import org.ruralinfo.supervision.NewCircular;
import org.ruralinfo.supervision.NewReminder;
import org.ruralinfo.supervision.Reminder;
import org.ruralinfo.supervision.ReminderKind;
import org.ruralinfo.supervision.Suggestion;
import org.ruralinfo.supervision.Supervision;
import org.ruralinfo.supervision.SupervisionException;
import org.ruralinfo.supervision.SupervisionException.Kind;
import org.ruralinfo.supervision.SupervisionReport;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

/**
 * Supervision (the table, the summary, the check and its suggestions) and dunning (reminders, the written
 * reminder notice, circulars) on the product's database: every change one transaction with its audit row.
 * The obligations come from the {@link SupervisionRules} of the policy in force (same id as the engine's
 * {@link ScoringService#policyInForce()}), so supervision reads the same parameters as scoring.
 */
@Component(service = { Supervision.class, Dunning.class }, configurationPid = "org.ruralinfo.supervision",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = SupervisionConfig.class)
public class SupervisionService implements Supervision, Dunning {
    static final UserAccount SYSTEM = new UserAccount("system", "daily check", java.util.Set.of(Role.EDITOR), null);
    private static final int NOTE_MAX = 4000;
    private static final int NAME_MAX = 200;
    private static final int TITLE_MAX = 500;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Database db;
    private final RecordStore store;
    private final Clock clock;
    private final List<RulesRef> rules = new CopyOnWriteArrayList<>();
    private volatile ScoringService scoring;
    private volatile Settings settings;
    private volatile Watch watch;

    /** A tracked rules service with its policy id and version. */
    record RulesRef(SupervisionRules rules, String id, String version) {
    }

    /** The configuration as values. */
    record Settings(ZoneId zone, int noticeSoonWorkdays, int researchWarningDays, int quietDays, String template,
            String issuer) {
        /** @param zone the site's local time ({@link Site#zone()}) */
        static Settings of(SupervisionConfig c, ZoneId zone) {
            return new Settings(zone, c.notice_due__soon__workdays(), c.research_warning__days(),
                    c.quiet_days(), c.reminder_template(), c.issuer());
        }

        static Settings defaults(ZoneId zone) {
            return new Settings(zone, 2, 30, 3, "", "巴州乡村振兴局宣教统计科");
        }
    }

    @Activate
    public SupervisionService(SupervisionConfig config, @Reference Site site, @Reference Database db,
            @Reference RecordStore store) {
        this(db, store, Settings.of(config, site.zone()), Clock.systemUTC());
    }

    SupervisionService(Database db, RecordStore store, Settings settings, Clock clock) {
        this.db = db;
        this.store = store;
        this.clock = clock;
        configure(settings);
    }

    @Modified
    void modified(SupervisionConfig config) {
        configure(Settings.of(config, settings.zone()));
    }

    private void configure(Settings s) {
        this.settings = s;
        this.watch = new Watch(db, store, this::rules, () -> scoring, s.zone());
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setScoring(ScoringService s) {
        this.scoring = s;
    }

    void unsetScoring(ScoringService s) {
        if (this.scoring == s) {
            this.scoring = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addRules(SupervisionRules r, Map<String, Object> props) {
        rules.add(new RulesRef(r, String.valueOf(props.get(ScoringPolicy.POLICY_ID)),
                String.valueOf(props.get(ScoringPolicy.POLICY_VERSION))));
    }

    void removeRules(SupervisionRules r) {
        rules.removeIf(x -> x.rules() == r);
    }

    /** @return the rules of the policy in force (its id and version; else its id; else any), or null */
    SupervisionRules rules() {
        List<RulesRef> all = List.copyOf(rules);
        if (all.isEmpty()) {
            return null;
        }
        ScoringService s = scoring;
        var inForce = s == null ? java.util.Optional.<org.ruralinfo.api.scoring.PolicyRef>empty() : s.policyInForce();
        if (inForce.isPresent()) {
            for (RulesRef r : all) {
                if (r.id().equals(inForce.get().id()) && r.version().equals(inForce.get().version())) {
                    return r.rules();
                }
            }
            for (RulesRef r : all) {
                if (r.id().equals(inForce.get().id())) {
                    return r.rules();
                }
            }
        }
        return all.get(0).rules();
    }

    Watch watch() {
        return watch;
    }

    // ---- who sees what -----------------------------------------------------------------------------------

    private static Predicate<String> visible(UserAccount actor) {
        if (actor.prefectureWide()) {
            return u -> true;
        }
        String own = actor.unit();
        return u -> u.equals(own);
    }

    private static void editor(UserAccount actor, String what) {
        if (!actor.has(Role.EDITOR)) {
            throw new SupervisionException(Kind.FORBIDDEN, what + " needs the role editor");
        }
    }

    // ---- supervision -------------------------------------------------------------------------------------

    @Override
    public SupervisionReport report(UserAccount actor, YearMonth month) {
        return watch.report(month, clock.instant(), visible(actor));
    }

    @Override
    public MonthlySummary summary(UserAccount actor, YearMonth month) {
        return watch.summary(month, clock.instant(), visible(actor));
    }

    @Override
    public List<Suggestion> suggestions(UserAccount actor) {
        editor(actor, "the suggested reminders");
        return db.read(c -> {
            List<Suggestion> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, unit, subject, reason, due_at, check_date "
                    + "FROM reminder_suggestions WHERE done_at IS NULL ORDER BY check_date DESC, unit, subject")) {
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Suggestion(rs.getLong("id"), rs.getString("unit"), rs.getString("subject"),
                                rs.getString("reason"), Columns.instant(rs, "due_at"), Columns.date(rs, "check_date")));
                    }
                }
            }
            return out;
        });
    }

    /** A suggestion found by the check, before it is queued. */
    record Finding(String unit, String subject, String reason, Instant due) {
    }

    @Override
    public List<Suggestion> check(UserAccount actor) {
        if (!actor.has(Role.EDITOR) && !actor.has(Role.ADMIN)) {
            throw new SupervisionException(Kind.FORBIDDEN, "running the check needs the role editor or admin");
        }
        Instant now = clock.instant();
        List<Finding> findings = findings(now);
        LocalDate today = watch.day(now);
        Settings s = settings;
        return db.transaction(c -> {
            List<Suggestion> queued = new ArrayList<>();
            for (Finding f : findings) {
                if (exists(c, "SELECT 1 FROM reminder_suggestions WHERE unit = ? AND subject = ? AND check_date = ?",
                        f.unit(), f.subject(), today)
                        || exists(c, "SELECT 1 FROM reminders WHERE unit = ? AND subject = ? AND reminded_at > ?",
                                f.unit(), f.subject(), now.minus(Duration.ofDays(s.quietDays())))) {
                    continue;
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO reminder_suggestions (unit, subject, reason, "
                        + "due_at, check_date, created_at) VALUES (?, ?, ?, ?, ?, ?)", new String[] { "id" })) {
                    ps.setString(1, f.unit());
                    ps.setString(2, f.subject());
                    ps.setString(3, f.reason());
                    Columns.instant(ps, 4, f.due());
                    Columns.date(ps, 5, today);
                    Columns.instant(ps, 6, now);
                    ps.executeUpdate();
                    queued.add(new Suggestion(Sql.generatedId(ps), f.unit(), f.subject(), f.reason(), f.due(), today));
                }
            }
            db.audit(c, actor.username(), "supervision.check", "supervision:" + today,
                    findings.size() + " found, " + queued.size() + " queued");
            return queued;
        });
    }

    /**
     * What the check finds at {@code now}: units behind the pace of the current month (quota, group summaries),
     * research obligations short within the warning days of their end, notices due within a few working days
     * with nothing sent yet or already missed, and time-bound items not sent by their deadline.
     */
    List<Finding> findings(Instant now) {
        Settings s = settings;
        YearMonth month = YearMonth.from(watch.day(now));
        Watch.Facts f = watch.facts(month.getYear(), now);
        List<Finding> out = new ArrayList<>();
        for (Obligation o : watch.obligations(f, month)) {
            if (!now.isBefore(o.ends()) || o.missing() == 0) {
                continue;
            }
            if (o.kind() == Obligation.Kind.RESEARCH) {
                if (Duration.between(now, o.ends()).toDays() < s.researchWarningDays()) {
                    out.add(new Finding(o.unit(), o.ref(), o.counted() + " of " + o.required()
                            + " qualifying research items, the period " + o.period() + " ends soon", o.ends()));
                }
                continue;
            }
            if (!o.period().equals(month.toString())) {
                continue;
            }
            int pace = watch.pace(o.required(), month, now, f.calendar());
            if (o.counted() < pace) {
                out.add(new Finding(o.unit(), o.ref(), o.counted() + " of " + o.required() + " items so far, "
                        + pace + " expected by now", o.ends()));
            }
        }
        LocalDate soon = f.calendar().workdaysAfter(watch.day(now), s.noticeSoonWorkdays());
        for (Notice n : f.records().notices()) {
            for (String unit : n.units()) {
                DeliveryStatus st = Watch.status(n, unit, f.records().items(), now);
                boolean sent = f.records().items().stream().anyMatch(i -> n.id().equals(i.notice())
                        && unit.equals(i.unit()) && i.submittedAt() != null);
                if (st == DeliveryStatus.MISSING) {
                    out.add(new Finding(unit, "notice:" + n.id() + ":" + unit,
                            "no accepted item for the notice \"" + n.title() + "\" by its deadline", n.deadline()));
                } else if (st == DeliveryStatus.PENDING && !sent && !watch.day(n.deadline()).isAfter(soon)) {
                    out.add(new Finding(unit, "notice:" + n.id() + ":" + unit,
                            "nothing sent yet for the notice \"" + n.title() + "\", due soon", n.deadline()));
                }
            }
        }
        for (Watch.OverdueItem i : watch.overdueItems(now, month.getYear())) {
            out.add(new Finding(i.unit(), "item:" + i.id(), "time-bound item \"" + i.title()
                    + "\" not sent by its deadline", i.deadline()));
        }
        return out;
    }

    private static boolean exists(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                if (args[i] instanceof Instant t) {
                    Columns.instant(ps, i + 1, t);
                } else {
                    ps.setObject(i + 1, args[i]);
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    // ---- reminders -----------------------------------------------------------------------------------------

    @Override
    public Reminder remind(UserAccount actor, NewReminder r) {
        editor(actor, "a reminder");
        List<ValidationError> errors = new ArrayList<>();
        if (r.unit() == null || r.unit().isBlank()) {
            errors.add(new ValidationError("$.unit", "is required"));
        }
        if (r.kind() == null) {
            errors.add(new ValidationError("$.kind", "phone or notice"));
        }
        check(errors, "$.note", r.note(), NOTE_MAX);
        check(errors, "$.caller", r.caller(), NAME_MAX);
        check(errors, "$.callee", r.callee(), NAME_MAX);
        if (!errors.isEmpty()) {
            throw new ValidationException("the reminder is not valid", errors);
        }
        Subject subject = Subject.parse(r.subject());
        Unit unit = store.unit(r.unit()).orElseThrow(() -> new ValidationException(
                new ValidationError("$.unit", "unknown unit \"" + r.unit() + "\"")));
        Instant now = clock.instant();
        Instant at = r.at() != null ? r.at() : now;
        if (at.isAfter(now.plusSeconds(300))) {
            throw new ValidationException(new ValidationError("$.at", "a reminder cannot be made in the future"));
        }
        Settings s = settings;
        byte[] template;
        if (r.kind() == ReminderKind.NOTICE) {
            try {
                template = Docx.template(s.template());
            } catch (IOException e) {
                throw new IllegalStateException("the reminder notice template cannot be read: " + e.getMessage(), e);
            }
        } else {
            template = null;
        }
        String caller = r.caller() != null && !r.caller().isBlank() ? r.caller().strip() : actor.name();
        long id = db.transaction(c -> {
            Watch.Standing standing = watch.standing(c, unit.id(), subject, now);
            String docNo = null;
            String document = null;
            if (r.kind() == ReminderKind.NOTICE) {
                int year = watch.day(now).getYear();
                docNo = "催办〔" + year + "〕" + Sql.next(c, "reminder:" + year) + "号";
                Map<String, String> values = new LinkedHashMap<>();
                values.put("doc_no", docNo);
                values.put("unit_name", unit.name());
                values.put("unit", unit.id());
                values.put("subject", subject.text());
                values.put("subject_text", standing.title() == null ? subject.words()
                        : subject.words() + "：" + standing.title());
                values.put("note", r.note() == null ? "" : r.note());
                values.put("date", watch.day(at).format(DateTimeFormatter.ofPattern("yyyy年M月d日")));
                values.put("issuer", s.issuer());
                values.put("caller", caller);
                try {
                    document = Base64.getEncoder().encodeToString(Docx.fill(template, values));
                } catch (IOException e) {
                    throw new ValidationException(new ValidationError("$.kind",
                            "the reminder notice template is not a DOCX: " + e.getMessage()));
                }
            }
            long rid;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO reminders (unit, kind, subject, note, caller, "
                    + "callee, reminded_at, doc_no, document, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    new String[] { "id" })) {
                ps.setString(1, unit.id());
                ps.setString(2, r.kind().wire());
                ps.setString(3, subject.text());
                Columns.text(ps, 4, r.note());
                Columns.text(ps, 5, caller);
                Columns.text(ps, 6, r.callee());
                Columns.instant(ps, 7, at);
                Columns.text(ps, 8, docNo);
                Columns.text(ps, 9, document);
                ps.setString(10, actor.username());
                Columns.instant(ps, 11, now);
                ps.executeUpdate();
                rid = Sql.generatedId(ps);
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE reminder_suggestions SET done_at = ? "
                    + "WHERE unit = ? AND subject = ? AND done_at IS NULL")) {
                Columns.instant(ps, 1, now);
                ps.setString(2, unit.id());
                ps.setString(3, subject.text());
                ps.executeUpdate();
            }
            db.audit(c, actor.username(), "reminder." + r.kind().wire(), "unit:" + unit.id(),
                    subject.text() + (docNo == null ? "" : " " + docNo));
            return rid;
        });
        return reminder(actor, id);
    }

    private static void check(List<ValidationError> errors, String path, String value, int max) {
        if (value != null && value.length() > max) {
            errors.add(new ValidationError(path, "at most " + max + " characters"));
        }
    }

    private static final String REMINDER_COLUMNS = "id, unit, kind, subject, note, caller, callee, reminded_at, doc_no, "
            + "created_by, created_at";

    private static Reminder reminder(ResultSet rs) throws SQLException {
        return new Reminder(rs.getLong("id"), rs.getString("unit"), Wire.parse(ReminderKind.class, rs.getString("kind")),
                rs.getString("subject"), rs.getString("note"), rs.getString("caller"), rs.getString("callee"),
                Columns.instant(rs, "reminded_at"), rs.getString("doc_no"), rs.getString("created_by"),
                Columns.instant(rs, "created_at"));
    }

    @Override
    public List<Reminder> reminders(UserAccount actor, String unit) {
        Predicate<String> visible = visible(actor);
        return db.read(c -> {
            List<Reminder> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + REMINDER_COLUMNS + " FROM reminders"
                    + (unit == null ? "" : " WHERE unit = ?") + " ORDER BY reminded_at DESC, id DESC")) {
                if (unit != null) {
                    ps.setString(1, unit);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Reminder r = reminder(rs);
                        if (visible.test(r.unit())) {
                            out.add(r);
                        }
                    }
                }
            }
            return out;
        });
    }

    @Override
    public Reminder reminder(UserAccount actor, long id) {
        Reminder r = db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + REMINDER_COLUMNS + " FROM reminders WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? reminder(rs) : null;
                }
            }
        });
        if (r == null || !visible(actor).test(r.unit())) {
            throw new SupervisionException(Kind.NOT_FOUND, "no reminder " + id);
        }
        return r;
    }

    @Override
    public byte[] document(UserAccount actor, long id) {
        reminder(actor, id);
        String doc = db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT document FROM reminders WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
        if (doc == null) {
            throw new SupervisionException(Kind.NOT_FOUND, "reminder " + id + " was a phone call: it has no document");
        }
        return Base64.getDecoder().decode(doc);
    }

    @Override
    public byte[] template(UserAccount actor) {
        editor(actor, "the reminder notice template");
        try {
            return Docx.template(settings.template());
        } catch (IOException e) {
            throw new IllegalStateException("the reminder notice template cannot be read: " + e.getMessage(), e);
        }
    }

    // ---- circulars -----------------------------------------------------------------------------------------

    @Override
    public Circular circular(UserAccount actor, NewCircular n) {
        editor(actor, "a circular");
        List<ValidationError> errors = new ArrayList<>();
        check(errors, "$.title", n.title(), TITLE_MAX);
        check(errors, "$.note", n.note(), NOTE_MAX);
        for (int i = 0; i < n.units().size(); i++) {
            String u = n.units().get(i);
            if (u == null || store.unit(u).isEmpty()) {
                errors.add(new ValidationError("$.units[" + i + "]", "unknown unit \"" + u + "\""));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException("the circular is not valid", errors);
        }
        Instant now = clock.instant();
        String title = n.title() != null && !n.title().isBlank() ? n.title().strip() : "关于信息报送督办后仍未完成单位的通报";
        long id = db.transaction(c -> {
            // every (unit, subject) reminded, its reminders oldest first
            Map<String, List<Reminder>> reminded = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + REMINDER_COLUMNS + " FROM reminders "
                    + "ORDER BY unit, subject, reminded_at, id")) {
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Reminder r = reminder(rs);
                        if (n.units().isEmpty() || n.units().contains(r.unit())) {
                            reminded.computeIfAbsent(r.unit() + "\u0000" + r.subject(), k -> new ArrayList<>()).add(r);
                        }
                    }
                }
            }
            List<Circular.Entry> entries = new ArrayList<>();
            for (List<Reminder> history : reminded.values()) {
                Reminder first = history.get(0);
                Watch.Standing st;
                try {
                    st = watch.standing(c, first.unit(), Subject.parse(first.subject()), now);
                } catch (SupervisionException e) {
                    continue; // the subject's record is gone: nothing to name
                }
                if (st.open()) {
                    entries.add(new Circular.Entry(first.unit(), store.unit(first.unit()).map(Unit::name).orElse(first.unit()),
                            first.subject(), history));
                }
            }
            for (String u : n.units()) {
                if (entries.stream().noneMatch(e -> e.unit().equals(u))) {
                    throw new SupervisionException(Kind.CONFLICT, "unit " + u + " has nothing still overdue after a reminder");
                }
            }
            if (entries.isEmpty()) {
                throw new SupervisionException(Kind.CONFLICT, "no unit remained overdue after reminders");
            }
            int year = watch.day(now).getYear();
            String docNo = "通报〔" + year + "〕" + Sql.next(c, "circular:" + year) + "号";
            long cid;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO circulars (doc_no, title, note, issued_by, issued_at) "
                    + "VALUES (?, ?, ?, ?, ?)", new String[] { "id" })) {
                ps.setString(1, docNo);
                ps.setString(2, title);
                Columns.text(ps, 3, n.note());
                ps.setString(4, actor.username());
                Columns.instant(ps, 5, now);
                ps.executeUpdate();
                cid = Sql.generatedId(ps);
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO circular_units (circular_id, unit, subject, history) "
                    + "VALUES (?, ?, ?, ?)")) {
                for (Circular.Entry e : entries) {
                    ArrayNode ids = JSON.createArrayNode();
                    e.history().forEach(r -> ids.add(r.id()));
                    ps.setLong(1, cid);
                    ps.setString(2, e.unit());
                    ps.setString(3, e.subject());
                    ps.setString(4, ids.toString());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            db.audit(c, actor.username(), "circular.issue", "circular:" + cid, docNo + " names "
                    + String.join(",", entries.stream().map(Circular.Entry::unit).distinct().toList()));
            return cid;
        });
        return circular(actor, id);
    }

    @Override
    public List<Circular> circulars(UserAccount actor) {
        List<Long> ids = db.read(c -> {
            List<Long> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM circulars ORDER BY issued_at DESC, id DESC");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
            return out;
        });
        List<Circular> out = new ArrayList<>();
        for (long id : ids) {
            Circular c = load(id, visible(actor));
            if (c != null && (actor.prefectureWide() || !c.units().isEmpty())) {
                out.add(c);
            }
        }
        return out;
    }

    @Override
    public Circular circular(UserAccount actor, long id) {
        Circular c = load(id, visible(actor));
        if (c == null || (!actor.prefectureWide() && c.units().isEmpty())) {
            throw new SupervisionException(Kind.NOT_FOUND, "no circular " + id);
        }
        return c;
    }

    /** @return the circular with the entries of the units {@code visible} lets through, or null */
    private Circular load(long id, Predicate<String> visible) {
        return db.read(c -> {
            String docNo;
            String title;
            String note;
            String by;
            Instant at;
            try (PreparedStatement ps = c.prepareStatement("SELECT doc_no, title, note, issued_by, issued_at FROM circulars "
                    + "WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return null;
                    }
                    docNo = rs.getString(1);
                    title = rs.getString(2);
                    note = rs.getString(3);
                    by = rs.getString(4);
                    at = Columns.instant(rs, "issued_at");
                }
            }
            List<Circular.Entry> entries = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT unit, subject, history FROM circular_units "
                    + "WHERE circular_id = ? ORDER BY unit, subject")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String unit = rs.getString(1);
                        if (!visible.test(unit)) {
                            continue;
                        }
                        List<Reminder> history = new ArrayList<>();
                        try {
                            for (var n : JSON.readTree(rs.getString(3))) {
                                try (PreparedStatement r = c.prepareStatement("SELECT " + REMINDER_COLUMNS
                                        + " FROM reminders WHERE id = ?")) {
                                    r.setLong(1, n.asLong());
                                    try (ResultSet rr = r.executeQuery()) {
                                        if (rr.next()) {
                                            history.add(reminder(rr));
                                        }
                                    }
                                }
                            }
                        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                            throw new SQLException("circular " + id + ": bad history", e);
                        }
                        entries.add(new Circular.Entry(unit, store.unit(unit).map(Unit::name).orElse(unit),
                                rs.getString(2), history));
                    }
                }
            }
            return new Circular(id, docNo, title, note, by, at, entries);
        });
    }
}

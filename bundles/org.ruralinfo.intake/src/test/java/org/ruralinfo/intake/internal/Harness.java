package org.ruralinfo.intake.internal;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.h2.jdbcx.JdbcDataSource;
import org.ruralinfo.api.CalendarYear;
import org.ruralinfo.api.ExchangeDocument;
import org.ruralinfo.api.Group;
import org.ruralinfo.api.Notice;
import org.ruralinfo.api.Role;
import org.ruralinfo.api.Unit;
import org.ruralinfo.api.UnitKind;
import org.ruralinfo.api.UserAccount;
import org.ruralinfo.store.internal.JdbcDatabase;
import org.ruralinfo.store.internal.JdbcRecordStore;
import org.ruralinfo.store.testing.TestDb;

/**
 * A real database for the tests (the store's {@link TestDb}: an in-memory H2 with every migration, the store's own
 * {@code Database} and {@code RecordStore}, and a clock the test sets), holding the units and the 2025/2026
 * calendars of the example year (National Day 2025-10-01..08, adjusted workdays 2025-09-28 and 2025-10-11).
 */
final class Harness {
    static final ZoneId LOCAL = ZoneId.of("Asia/Shanghai");

    static final UserAccount OFFICER = user("officer", "korla", Role.OFFICER);
    static final UserAccount REVIEWER = user("reviewer", "korla", Role.REVIEWER);
    static final UserAccount SIGNER = user("signer", "korla", Role.SIGNER);
    static final UserAccount EDITOR = user("editor", null, Role.EDITOR);
    static final UserAccount ADMIN = user("admin", null, Role.ADMIN);
    static final UserAccount LUNTAI_OFFICER = user("lt-officer", "luntai", Role.OFFICER);
    static final UserAccount LUNTAI_REVIEWER = user("lt-reviewer", "luntai", Role.REVIEWER);
    static final UserAccount LUNTAI_SIGNER = user("lt-signer", "luntai", Role.SIGNER);
    static final UserAccount AGRI_OFFICER = user("agri-officer", "agri", Role.OFFICER);
    static final UserAccount STATS_OFFICER = user("stats-officer", "stats", Role.OFFICER);

    private final TestDb t = new TestDb();
    final JdbcDataSource ds = t.ds;
    final JdbcDatabase db = t.db;
    final JdbcRecordStore store = t.store;
    final TestDb.MovableClock clock = t.clock;
    final IntakeService intake;

    Harness(Path home) throws Exception {
        this(home, Settings.defaults(LOCAL));
    }

    Harness(Path home, Settings settings) throws Exception {
        store.importDocument(new ExchangeDocument("bazhou", calendars(),
                List.of(new Unit("korla", "库尔勒市乡村振兴局", UnitKind.COUNTY),
                        new Unit("luntai", "轮台县乡村振兴局", UnitKind.COUNTY),
                        new Unit("agri", "州农业农村局", UnitKind.MEMBER),
                        new Unit("stats", "宣教统计科", UnitKind.DEPARTMENT)),
                List.of(new Group("industry", "产业发展专项组", "agri")), List.of(),
                List.of(new Notice("N-1", "关于报送设施农业情况的约稿通知", "1500字以内", at("2025-09-20T09:00:00+08:00"),
                        at("2025-10-20T18:00:00+08:00"), List.of("korla", "agri"))),
                List.of(), List.of(), List.of()), "test");
        intake = new IntakeService(db, store, settings, home, clock);
    }

    static UserAccount user(String name, String unit, Role... roles) {
        return new UserAccount(name, name, Set.of(roles), unit);
    }

    static Instant at(String iso) {
        return TestDb.at(iso);
    }

    static String local(Instant t) {
        return t.atZone(LOCAL).toOffsetDateTime().toString();
    }

    /** The 2025 and 2026 calendars of the public example year (the exchange bundle's {@code Examples.YEAR}). */
    static List<CalendarYear> calendars() {
        List<LocalDate> h2025 = new ArrayList<>();
        for (String d : List.of("2025-01-01", "2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31", "2025-02-01",
                "2025-02-02", "2025-02-03", "2025-02-04", "2025-04-04", "2025-04-05", "2025-04-06", "2025-05-01",
                "2025-05-02", "2025-05-03", "2025-05-04", "2025-05-05", "2025-05-31", "2025-06-01", "2025-06-02",
                "2025-10-01", "2025-10-02", "2025-10-03", "2025-10-04", "2025-10-05", "2025-10-06", "2025-10-07",
                "2025-10-08")) {
            h2025.add(LocalDate.parse(d));
        }
        List<LocalDate> w2025 = List.of("2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11").stream()
                .map(LocalDate::parse).toList();
        return List.of(new CalendarYear(2025, h2025, w2025),
                new CalendarYear(2026, List.of(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-01-02")),
                        List.of(LocalDate.parse("2026-01-04"))));
    }

    long count(String sql, Object... args) throws SQLException {
        return t.count(sql, args);
    }

    long revision() {
        return store.version();
    }

    void close() {
        intake.close();
        t.close();
    }
}

package org.ruralinfo.supervision.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.ruralinfo.api.CalendarYear;
import org.ruralinfo.api.ExchangeDocument;
import org.ruralinfo.api.Group;
import org.ruralinfo.api.Item;
import org.ruralinfo.api.ItemStatus;
import org.ruralinfo.api.ItemType;
import org.ruralinfo.api.Notice;
import org.ruralinfo.api.Role;
import org.ruralinfo.api.Unit;
import org.ruralinfo.api.UnitKind;
import org.ruralinfo.api.UserAccount;
import org.ruralinfo.api.WorkCalendar;
import org.ruralinfo.api.YearRecords;
import org.ruralinfo.api.scoring.Period;
import org.ruralinfo.api.scoring.PeriodFacts;
import org.ruralinfo.api.scoring.PolicyInfo;
import org.ruralinfo.api.scoring.PolicyRef;
import org.ruralinfo.api.scoring.RankingReport;
import org.ruralinfo.api.scoring.ScoringService;
import org.ruralinfo.scoring.bazhou.internal.BazhouParameters;
import org.ruralinfo.scoring.bazhou.internal.BazhouPolicy;
import org.ruralinfo.scoring.bazhou.internal.BazhouSupervision;
import org.ruralinfo.scoring.internal.Ranker;
import org.ruralinfo.store.testing.TestDb;

/**
 * The supervision service on a real store with the Bayingolin rules (defaults) and a scoring service that ranks
 * with the Bayingolin policy at the test's clock, as the engine does. Units: korla and luntai (counties), agri
 * (member unit, lead of the industry group), stats (department).
 */
final class Fixture {
    /** The local time of the example and of every test here (the site's setting in the product). */
    static final java.time.ZoneId ZONE = java.time.ZoneId.of("Asia/Shanghai");

    static final UserAccount EDITOR = new UserAccount("editor", "王编辑", Set.of(Role.EDITOR), null);
    static final UserAccount KORLA = new UserAccount("korla-officer", "officer", Set.of(Role.OFFICER), "korla");

    final TestDb t;
    final BazhouPolicy policy = new BazhouPolicy(BazhouParameters.defaults(ZONE));
    final BazhouSupervision rules = new BazhouSupervision(BazhouParameters.defaults(ZONE));
    final ScoringService scoring;
    final SupervisionService service;

    Fixture() throws Exception {
        this(SupervisionService.Settings.defaults(ZONE));
    }

    Fixture(SupervisionService.Settings settings) throws Exception {
        t = new TestDb();
        t.store.importDocument(new ExchangeDocument("bazhou",
                List.of(new CalendarYear(2025, List.of(LocalDate.parse("2025-04-04")), List.of())),
                List.of(new Unit("korla", "库尔勒市乡村振兴局", UnitKind.COUNTY),
                        new Unit("luntai", "轮台县乡村振兴局", UnitKind.COUNTY),
                        new Unit("agri", "州农业农村局", UnitKind.MEMBER),
                        new Unit("stats", "宣教统计科", UnitKind.DEPARTMENT)),
                List.of(new Group("industry", "产业发展专项组", "agri")), List.of(),
                List.of(new Notice("N-1", "关于报送设施农业情况的约稿通知", "1500字以内", TestDb.at("2025-03-01T09:00:00+08:00"),
                        TestDb.at("2025-03-10T18:00:00+08:00"), List.of("korla", "luntai"))),
                List.of(), List.of(), List.of()), "test");
        scoring = new ScoringService() {
            @Override
            public RankingReport ranking(Period period, String policyId) {
                YearRecords y = t.store.year(period.year());
                PeriodFacts facts = new PeriodFacts(period, t.clock.instant(), y.units(), y.groups(), y.outlets(),
                        new WorkCalendar(y.calendar()), y.notices(), y.items(), y.adoptions(), y.publicity());
                return Ranker.rank(period, new PolicyRef("bazhou", "2022.1.0"), y.units(), policy.score(facts),
                        policy.evaluation());
            }

            @Override
            public List<PolicyInfo> policies() {
                return List.of();
            }

            @Override
            public Optional<PolicyRef> policyInForce() {
                return Optional.of(new PolicyRef("bazhou", "2022.1.0"));
            }
        };
        service = new SupervisionService(t.db, t.store, settings, t.clock);
        service.setScoring(scoring);
        service.addRules(rules, java.util.Map.of("policy.id", "bazhou", "policy.version", "2022.1.0"));
    }

    void items(Item... items) {
        t.store.importDocument(new ExchangeDocument("bazhou", List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(items), List.of(), List.of()), "test");
    }

    static Item item(String id, String unit, ItemType type, String submitted, ItemStatus status) {
        return new Item(id, unit, type, "标题" + id, "正文", TestDb.at(submitted), null, null, null, null, status, false);
    }

    static Item commissioned(String id, String unit, String notice, String submitted) {
        return new Item(id, unit, ItemType.COMMISSIONED, "约稿" + id, "正文", TestDb.at(submitted), null, notice, null,
                null, ItemStatus.ACCEPTED, false);
    }

    static Instant at(String iso) {
        return TestDb.at(iso);
    }

    void close() {
        t.close();
    }
}

package org.ruralinfo.commissioning.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ruralinfo.api.ExchangeDocument;
import org.ruralinfo.api.Item;
import org.ruralinfo.api.ItemStatus;
import org.ruralinfo.api.ItemType;
import org.ruralinfo.api.Role;
import org.ruralinfo.api.Unit;
import org.ruralinfo.api.UnitKind;
import org.ruralinfo.api.UserAccount;
import org.ruralinfo.api.ValidationException;
import org.ruralinfo.commissioning.CommissioningException;
import org.ruralinfo.commissioning.DeliveryStatus;
import org.ruralinfo.commissioning.DeliveryStatus.Answer;
import org.ruralinfo.commissioning.NewNotice;
import org.ruralinfo.commissioning.NoticeView;
import org.ruralinfo.commissioning.UnitDelivery;
import org.ruralinfo.store.testing.TestDb;

/** Art. 9 notices and the delivery statuses of API v1, on a real store (H2). */
class CommissioningTest {
    static final UserAccount EDITOR = new UserAccount("editor", "编辑", Set.of(Role.EDITOR), null);
    static final UserAccount KORLA = new UserAccount("korla-officer", "officer", Set.of(Role.OFFICER), "korla");
    static final UserAccount LUNTAI = new UserAccount("luntai-officer", "officer", Set.of(Role.OFFICER), "luntai");
    static final UserAccount STATS = new UserAccount("stats-officer", "officer", Set.of(Role.OFFICER), "stats");
    static final Instant DEADLINE = TestDb.at("2025-10-20T18:00:00+08:00");

    TestDb t;
    CommissioningService service;

    @BeforeEach
    void setUp() throws Exception {
        t = new TestDb();
        t.store.importDocument(new ExchangeDocument("bazhou", List.of(),
                List.of(new Unit("korla", "库尔勒市乡村振兴局", UnitKind.COUNTY),
                        new Unit("luntai", "轮台县乡村振兴局", UnitKind.COUNTY),
                        new Unit("stats", "宣教统计科", UnitKind.DEPARTMENT)),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of()), "test");
        service = new CommissioningService(t.db, t.clock, "YG", ZoneId.of("Asia/Shanghai"), 500, 10_000, 500);
    }

    @AfterEach
    void tearDown() {
        t.close();
    }

    private static Answer accepted(String id, String submitted) {
        return new Answer(id, ItemStatus.ACCEPTED, TestDb.at(submitted));
    }

    @Test
    void deliveredExactlyAtTheDeadlineInstantLateOneSecondAfter_Art9() {
        Instant after = TestDb.at("2025-11-01T00:00:00+08:00");
        assertEquals(DeliveryStatus.DELIVERED,
                DeliveryStatus.of(DEADLINE, List.of(accepted("I-1", "2025-10-20T18:00:00+08:00")), after));
        assertEquals(DeliveryStatus.LATE,
                DeliveryStatus.of(DEADLINE, List.of(accepted("I-1", "2025-10-20T18:00:01+08:00")), after));
        // the same instant written in UTC
        assertEquals(DeliveryStatus.DELIVERED,
                DeliveryStatus.of(DEADLINE, List.of(accepted("I-1", "2025-10-20T10:00:00Z")), after));
    }

    @Test
    void pendingUntilTheDeadlineThenMissing_rejectedAndUnscreenedItemsCountForNothing_Art7_5() {
        List<Answer> none = List.of(new Answer("I-2", ItemStatus.REJECTED, TestDb.at("2025-10-19T10:00:00+08:00")),
                new Answer("I-3", ItemStatus.SIGNED, TestDb.at("2025-10-19T11:00:00+08:00")));
        assertEquals(DeliveryStatus.PENDING, DeliveryStatus.of(DEADLINE, none, DEADLINE));
        assertEquals(DeliveryStatus.MISSING, DeliveryStatus.of(DEADLINE, none, DEADLINE.plusSeconds(1)));
        // an on-time item wins over a late one
        assertEquals(DeliveryStatus.DELIVERED, DeliveryStatus.of(DEADLINE, List.of(
                accepted("I-5", "2025-10-21T09:00:00+08:00"), accepted("I-4", "2025-10-20T09:00:00+08:00")),
                DEADLINE.plusSeconds(1)));
    }

    @Test
    void editorIssuesANoticeTheStoreAndScoringSeeIt_unitsSeeTheirInboxOnly_Art9() throws Exception {
        long before = t.store.version();
        NoticeView n = service.issue(EDITOR, new NewNotice("关于报送设施农业情况的约稿通知", "1500字以内", DEADLINE,
                List.of("korla", "stats")));
        assertEquals("YG-2025-001", n.id());
        assertNotEquals(before, t.store.version(), "scoring's cached rankings are stale");
        assertEquals(List.of("korla", "stats"), t.store.notice(n.id()).orElseThrow().units());
        assertEquals(1, t.count("SELECT COUNT(*) FROM audit WHERE action = 'notice.create'"));
        assertEquals(List.of("pending", "pending"), n.units().stream().map(u -> u.status().wire()).toList());

        assertEquals(List.of(n.id()), service.list(KORLA).stream().map(NoticeView::id).toList());
        assertEquals(List.of("korla"), service.get(KORLA, n.id()).units().stream().map(UnitDelivery::unit).toList());
        assertTrue(service.list(LUNTAI).isEmpty());
        assertThrows(CommissioningException.class, () -> service.get(LUNTAI, n.id()));
        assertThrows(CommissioningException.class, () -> service.issue(KORLA,
                new NewNotice("x", null, DEADLINE, List.of("korla"))));
    }

    @Test
    void unknownUnitIs400AndNothingIsCreated() throws Exception {
        ValidationException e = assertThrows(ValidationException.class, () -> service.issue(EDITOR,
                new NewNotice("约稿", null, DEADLINE, List.of("korla", "nowhere"))));
        assertEquals("$.units[1]", e.errors().get(0).path());
        assertEquals(0, t.count("SELECT COUNT(*) FROM notices"));
        assertEquals(0, t.count("SELECT COUNT(*) FROM notice_units"));
        assertThrows(ValidationException.class, () -> service.issue(EDITOR,
                new NewNotice("约稿", null, DEADLINE, List.of("korla", "korla"))));
        assertThrows(ValidationException.class, () -> service.issue(EDITOR, new NewNotice("约稿", null, null, List.of())));
    }

    @Test
    void statusesFollowTheItemsAndTheClock_writerNamedByTheUnit() {
        NoticeView n = service.issue(EDITOR, new NewNotice("约稿", null, DEADLINE, List.of("korla", "luntai", "stats")));
        t.store.importDocument(new ExchangeDocument("bazhou", List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(item("I-1", "korla", "2025-10-20T18:00:00+08:00", n.id(), ItemStatus.ACCEPTED),
                        item("I-2", "luntai", "2025-10-20T18:00:01+08:00", n.id(), ItemStatus.ACCEPTED)),
                List.of(), List.of()), "test");
        t.clock.set("2025-10-20T18:00:00+08:00");
        assertEquals(List.of("delivered", "pending", "pending"), statuses(service.get(EDITOR, n.id())));
        t.clock.set("2025-10-21T09:00:00+08:00");
        NoticeView later = service.get(EDITOR, n.id());
        assertEquals(List.of("delivered", "late", "missing"), statuses(later));
        assertEquals(List.of("I-1"), later.units().get(0).items());

        assertNull(later.units().get(0).writer());
        NoticeView named = service.nameWriter(KORLA, n.id(), "korla", "张三");
        assertEquals("张三", named.units().get(0).writer());
        service.nameWriter(EDITOR, n.id(), "korla", "李四");
        assertEquals("李四", service.get(KORLA, n.id()).units().get(0).writer());
        assertThrows(CommissioningException.class, () -> service.nameWriter(KORLA, n.id(), "luntai", "王五"));
        assertThrows(CommissioningException.class, () -> service.nameWriter(EDITOR, n.id(), "nowhere", "王五"));
    }

    private static List<String> statuses(NoticeView n) {
        return n.units().stream().map(u -> u.status().wire()).toList();
    }

    private static Item item(String id, String unit, String submitted, String notice, ItemStatus status) {
        return new Item(id, unit, ItemType.COMMISSIONED, "约稿回复", "正文", TestDb.at(submitted), null, notice, null,
                null, status, false);
    }
}

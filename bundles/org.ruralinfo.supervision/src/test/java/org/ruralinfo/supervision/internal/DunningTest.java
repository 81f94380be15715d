package org.ruralinfo.supervision.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ruralinfo.api.ValidationException;
import org.ruralinfo.supervision.Circular;
import org.ruralinfo.supervision.NewCircular;
import org.ruralinfo.supervision.NewReminder;
import org.ruralinfo.supervision.Reminder;
import org.ruralinfo.supervision.ReminderKind;
import org.ruralinfo.supervision.Suggestion;
import org.ruralinfo.supervision.SupervisionException;
import org.ruralinfo.supervision.SupervisionReport;

/** Art. 10: the check's suggestions, phone reminders, the written 催办通知 and the circular of those still overdue. */
class DunningTest {
    Fixture f;

    @AfterEach
    void tearDown() {
        if (f != null) {
            f.close();
        }
    }

    @Test
    void checkSuggestsRemindersEscalateToACircularNamingOnlyTheUnitStillOverdue_Art10() throws Exception {
        f = new Fixture();
        f.t.clock.set("2025-03-12T08:30:00+08:00");
        List<Suggestion> queued = f.service.check(SupervisionService.SYSTEM);
        assertTrue(queued.stream().anyMatch(s -> s.subject().equals("notice:N-1:korla")), queued.toString());
        assertTrue(queued.stream().anyMatch(s -> s.subject().equals("notice:N-1:luntai")));
        assertTrue(f.service.check(SupervisionService.SYSTEM).isEmpty(), "once per unit, subject and day");

        Reminder phone = f.service.remind(Fixture.EDITOR, new NewReminder("korla", ReminderKind.PHONE, "notice:N-1:korla",
                "信息员称周五前报送", "王编辑", "库尔勒市信息员李四", Fixture.at("2025-03-12T08:00:00+08:00")));
        assertEquals("库尔勒市信息员李四", phone.callee());
        Reminder written = f.service.remind(Fixture.EDITOR, new NewReminder("korla", ReminderKind.NOTICE,
                "notice:N-1:korla", "请于3月14日前报送", null, null, null));
        assertEquals("催办〔2025〕1号", written.docNo());
        String text = Docx.text(f.service.document(Fixture.EDITOR, written.id()));
        assertTrue(text.contains("库尔勒市乡村振兴局："), text);
        assertTrue(text.contains("催办〔2025〕1号"));
        assertTrue(text.contains("关于报送设施农业情况的约稿通知"));
        assertTrue(text.contains("请于3月14日前报送"));
        assertTrue(text.contains("2025年3月12日"));
        assertTrue(f.service.suggestions(Fixture.EDITOR).stream().noneMatch(s -> s.subject().equals("notice:N-1:korla")),
                "a reminder settles the suggestion");
        assertThrows(SupervisionException.class, () -> f.service.document(Fixture.EDITOR, phone.id()), "a call has no document");

        // luntai is reminded too, then delivers (late): no longer overdue
        f.service.remind(Fixture.EDITOR, new NewReminder("luntai", ReminderKind.PHONE, "notice:N-1:luntai", "已提醒",
                null, null, null));
        f.items(Fixture.commissioned("C-1", "luntai", "N-1", "2025-03-12T11:00:00+08:00"));

        SupervisionReport.Row korla = f.service.report(Fixture.EDITOR, java.time.YearMonth.of(2025, 3)).units().get(0);
        assertEquals(List.of(ReminderKind.PHONE, ReminderKind.NOTICE),
                korla.reminders().stream().map(SupervisionReport.ReminderRef::kind).toList());

        f.t.clock.set("2025-03-17T10:00:00+08:00");
        assertThrows(SupervisionException.class, () -> f.service.circular(Fixture.EDITOR,
                new NewCircular(null, null, List.of("luntai"))), "luntai is not overdue any more");
        Circular c = f.service.circular(Fixture.EDITOR, new NewCircular(null, "经电话和书面催办仍未报送", List.of()));
        assertEquals("通报〔2025〕1号", c.docNo());
        assertEquals(1, c.units().size());
        Circular.Entry e = c.units().get(0);
        assertEquals("korla", e.unit());
        assertEquals("notice:N-1:korla", e.subject());
        assertEquals(List.of(ReminderKind.PHONE, ReminderKind.NOTICE), e.history().stream().map(Reminder::kind).toList());
        assertEquals(1, f.t.count("SELECT COUNT(*) FROM audit WHERE action = 'circular.issue'"));
        // korla's users see it, the circular names them
        assertEquals(1, f.service.circulars(Fixture.KORLA).size());
    }

    @Test
    void unknownUnitOrSubjectIsRefusedAndNothingIsHalfCreated() throws Exception {
        f = new Fixture();
        f.t.clock.set("2025-03-12T10:00:00+08:00");
        ValidationException bad = assertThrows(ValidationException.class, () -> f.service.remind(Fixture.EDITOR,
                new NewReminder("nowhere", ReminderKind.PHONE, "quota:nowhere:2025-03", null, null, null, null)));
        assertEquals("$.unit", bad.errors().get(0).path());
        SupervisionException missing = assertThrows(SupervisionException.class, () -> f.service.remind(Fixture.EDITOR,
                new NewReminder("korla", ReminderKind.NOTICE, "notice:N-404:korla", null, null, null, null)));
        assertEquals(SupervisionException.Kind.NOT_FOUND, missing.kind());
        assertThrows(ValidationException.class, () -> f.service.remind(Fixture.EDITOR,
                new NewReminder("korla", ReminderKind.PHONE, "whatever", null, null, null, null)));
        assertThrows(ValidationException.class, () -> f.service.remind(Fixture.EDITOR,
                new NewReminder("korla", ReminderKind.PHONE, "quota:luntai:2025-03", null, null, null, null)));
        assertThrows(SupervisionException.class, () -> f.service.remind(Fixture.KORLA,
                new NewReminder("korla", ReminderKind.PHONE, "quota:korla:2025-03", null, null, null, null)));
        assertEquals(0, f.t.count("SELECT COUNT(*) FROM reminders"));
        assertEquals(0, f.t.count("SELECT COUNT(*) FROM counters"), "no document number was used up");
        assertThrows(SupervisionException.class, () -> f.service.circular(Fixture.EDITOR, new NewCircular(null, null, List.of())));
        assertEquals(0, f.t.count("SELECT COUNT(*) FROM circulars"));
    }

    @Test
    void theBureauReplacesTheTemplate_placeholdersSplitByWordStillFill(@TempDir Path dir) throws Exception {
        Path template = dir.resolve("my-template.docx");
        String doc = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/"
                + "wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>催 {{</w:t></w:r><w:r><w:rPr><w:b/></w:rPr>"
                + "<w:t>unit_name}}</w:t></w:r></w:p><w:p><w:r><w:t>{{subject}} &amp; {{note}}</w:t></w:r></w:p></w:body></w:document>";
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(template))) {
            out.putNextEntry(new ZipEntry("word/document.xml"));
            out.write(doc.getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        f = new Fixture(new SupervisionService.Settings(ZoneId.of("Asia/Shanghai"), 2, 30, 3, template.toString(), "巴州"));
        f.t.clock.set("2025-03-12T10:00:00+08:00");
        Reminder r = f.service.remind(Fixture.EDITOR, new NewReminder("korla", ReminderKind.NOTICE, "quota:korla:2025-03",
                "<b>5 items</b>", null, null, null));
        String text = Docx.text(f.service.document(Fixture.EDITOR, r.id()));
        assertEquals("催 库尔勒市乡村振兴局\nquota:korla:2025-03 & <b>5 items</b>\n", text);
    }

    @Test
    void dailyCheckRunsOnWorkingDaysOnOneNodeOnly() throws Exception {
        f = new Fixture();
        DailyCheck a = new DailyCheck(f.service, f.t.store, f.t.db, LocalTime.of(8, 30), ZoneId.of("Asia/Shanghai"),
                Duration.ofMinutes(15), f.t.clock, false);
        DailyCheck b = new DailyCheck(f.service, f.t.store, f.t.db, LocalTime.of(8, 30), ZoneId.of("Asia/Shanghai"),
                Duration.ofMinutes(15), f.t.clock, false);
        try {
            f.t.clock.set("2025-03-15T08:30:00+08:00"); // a Saturday
            assertEquals(false, a.runIfDue());
            f.t.clock.set("2025-04-04T08:30:00+08:00"); // Qingming, a holiday of the loaded calendar
            assertEquals(false, a.runIfDue());
            f.t.clock.set("2025-03-17T08:30:00+08:00"); // a Monday
            assertEquals(true, a.runIfDue());
            assertEquals(false, b.runIfDue(), "the other node does not hold the lease");
            assertEquals(false, a.runIfDue(), "once a day");
            assertTrue(f.service.suggestions(Fixture.EDITOR).size() > 0);
            assertEquals(Fixture.at("2025-03-18T08:30:00+08:00"), a.next(Fixture.at("2025-03-17T08:30:00+08:00")));
            assertEquals(Fixture.at("2025-03-17T08:30:00+08:00"), a.next(Fixture.at("2025-03-17T08:29:59+08:00")));
        } finally {
            a.deactivate();
            b.deactivate();
        }
    }
}

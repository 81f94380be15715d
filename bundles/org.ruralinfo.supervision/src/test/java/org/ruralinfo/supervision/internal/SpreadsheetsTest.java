package org.ruralinfo.supervision.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ruralinfo.api.Channel;
import org.ruralinfo.api.ItemStatus;
import org.ruralinfo.api.ItemType;
import org.ruralinfo.api.OutletLevel;
import org.ruralinfo.api.Publicity;
import org.ruralinfo.api.scoring.Period;

/** The spreadsheets, written with fastexcel and read back from their sheet XML. */
class SpreadsheetsTest {
    Fixture f;
    final XlsxSpreadsheets xlsx = new XlsxSpreadsheets(Fixture.ZONE);

    @BeforeEach
    void setUp() throws Exception {
        f = new Fixture();
        f.items(Fixture.item("I-1", "korla", ItemType.WORK_RESULTS, "2025-03-03T10:00:00+08:00", ItemStatus.ACCEPTED),
                Fixture.item("I-2", "korla", ItemType.EXPERIENCE, "2025-03-04T10:00:00+08:00", ItemStatus.REJECTED));
        f.t.clock.set("2025-04-02T10:00:00+08:00");
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    @Test
    void summaryAndSupervisionListEveryUnitInTheFixedOrder() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        xlsx.summary(f.service.summary(Fixture.EDITOR, YearMonth.of(2025, 3)), out);
        List<List<String>> rows = XlsxReader.read(out.toByteArray()).get(0);
        assertTrue(rows.get(0).get(0).contains("2025-03"));
        assertEquals(List.of("序号", "单位", "类别", "报送", "采用", "退回", "简报采用", "自治区刊物采用", "自治区领导批示", "缺额"), rows.get(1));
        assertEquals(List.of("库尔勒市乡村振兴局", "轮台县乡村振兴局", "州农业农村局", "宣教统计科"),
                rows.subList(2, 6).stream().map(r -> r.get(1)).toList());
        assertEquals(List.of("2", "1", "1"), rows.get(2).subList(3, 6).stream().map(SpreadsheetsTest::n).toList());
        assertEquals("4", n(rows.get(2).get(9)));
        assertEquals("5", n(rows.get(3).get(9)), "luntai sent nothing and is still listed");

        out.reset();
        xlsx.supervision(f.service.report(Fixture.EDITOR, YearMonth.of(2025, 3)), out);
        rows = XlsxReader.read(out.toByteArray()).get(0);
        assertEquals("库尔勒市乡村振兴局", rows.get(2).get(1));
        assertEquals("5", n(rows.get(2).get(3)));
        assertEquals("1", n(rows.get(2).get(4)));
        assertEquals("-20", n(rows.get(2).get(13)), "the points the ranking deducts");
        assertTrue(rows.get(2).get(10).contains("notice:N-1:korla"));
    }

    @Test
    void rankingHasASheetPerKindAndTheExplainedLines() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        xlsx.ranking(f.scoring.ranking(Period.parse("2025-Q1"), null), out);
        List<List<List<String>>> sheets = XlsxReader.read(out.toByteArray());
        assertEquals(4, sheets.size());
        assertEquals(List.of("轮台县乡村振兴局", "库尔勒市乡村振兴局").size(), sheets.get(0).size() - 2);
        assertTrue(sheets.get(3).stream().anyMatch(r -> r.size() > 4 && r.get(4).equals("quota:korla:2025-03")));
    }

    @Test
    void publicityFormsListUnitsWithNothingToo_附件二_附件三() throws Exception {
        List<Publicity> reports = List.of(
                new Publicity("P-1", "luntai", Channel.NEWS, "新疆日报", OutletLevel.REGION, "光伏帮扶见闻", "M-1",
                        LocalDate.parse("2025-02-11"), Fixture.at("2025-04-03T17:00:00+08:00")),
                new Publicity("P-2", "luntai", Channel.ONLINE, "昆仑网", OutletLevel.REGION, "=1+1", null,
                        LocalDate.parse("2025-02-12"), Fixture.at("2025-04-03T17:00:00+08:00")));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        xlsx.publicity(Period.parse("2025-Q1"), Channel.NEWS, f.t.store.units(), reports, out);
        List<List<String>> rows = XlsxReader.read(out.toByteArray()).get(0);
        assertTrue(rows.get(0).get(0).startsWith("附件二"));
        assertEquals(List.of("库尔勒市乡村振兴局", "轮台县乡村振兴局", "州农业农村局", "宣教统计科"),
                rows.subList(2, 6).stream().map(r -> r.get(1)).toList());
        assertEquals("（本季度无）", rows.get(2).get(2));
        assertEquals(List.of("光伏帮扶见闻", "新疆日报", "自治区级", "2025-02-11"), rows.get(3).subList(2, 6));
        out.reset();
        xlsx.publicity(Period.parse("2025-Q1"), Channel.ONLINE, f.t.store.units(), reports, out);
        rows = XlsxReader.read(out.toByteArray()).get(0);
        assertTrue(rows.get(0).get(0).startsWith("附件三"));
        assertEquals("'=1+1", rows.get(3).get(2), "a formula is defused");
    }

    static String n(String s) {
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }
}

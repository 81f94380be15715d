package org.ruralinfo.supervision.internal;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;


import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.ruralinfo.api.AdoptionLevel;
import org.ruralinfo.api.Channel;
import org.ruralinfo.api.OutletLevel;
import org.ruralinfo.api.Publicity;
import org.ruralinfo.api.Site;
import org.ruralinfo.api.Unit;
import org.ruralinfo.api.UnitKind;
import org.ruralinfo.api.scoring.Period;
import org.ruralinfo.api.scoring.PointLine;
import org.ruralinfo.api.scoring.RankingReport;
import org.ruralinfo.api.scoring.RankingRow;
import org.ruralinfo.supervision.MonthlySummary;
import org.ruralinfo.supervision.Spreadsheets;
import org.ruralinfo.supervision.SupervisionReport;

/**
 * The spreadsheets with fastexcel (embedded privately in this bundle): a title row, a header row, then one
 * row per unit in the fixed order. Texts that a spreadsheet would take for a formula ({@code = + - @} first)
 * are defused with a leading apostrophe.
 */
@Component(service = Spreadsheets.class)
public class XlsxSpreadsheets implements Spreadsheets {
    /** The local time of the dates in the tables: the site's. */
    private final ZoneId local;

    @Activate
    public XlsxSpreadsheets(@Reference Site site) {
        this(site.zone());
    }

    XlsxSpreadsheets(ZoneId local) {
        this.local = local;
    }
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    static String kind(UnitKind k) {
        return switch (k) {
            case COUNTY -> "县市";
            case MEMBER -> "成员单位";
            case DEPARTMENT -> "局科室";
        };
    }

    static String level(OutletLevel l) {
        if (l == null) {
            return "";
        }
        return switch (l) {
            case NATIONAL -> "国家级";
            case REGION -> "自治区级";
            case PREFECTURE -> "自治州级";
        };
    }

    /** A workbook that does not close the caller's stream. */
    private static Workbook workbook(OutputStream out) {
        return new Workbook(new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                out.flush();
            }
        }, "ruralinfo", "1.0");
    }

    private static void header(Worksheet ws, String title, String... columns) {
        ws.value(0, 0, title);
        ws.style(0, 0).bold().fontSize(14).set();
        for (int c = 0; c < columns.length; c++) {
            ws.value(1, c, columns[c]);
            ws.style(1, c).bold().fillColor("DDEBF7").set();
            ws.width(c, c == 1 ? 28 : 12);
        }
        ws.freezePane(0, 2);
    }

    static String text(String s) {
        if (s == null) {
            return "";
        }
        return s.isEmpty() || "=+-@".indexOf(s.charAt(0)) < 0 ? s : "'" + s;
    }

    @Override
    public void supervision(SupervisionReport report, OutputStream out) throws IOException {
        try (Workbook wb = workbook(out)) {
            Worksheet ws = wb.newWorksheet("督办 " + report.month());
            header(ws, "信息报送督办表 " + report.month() + "（截至 " + TIME.format(report.asOf().atZone(local)) + "）",
                    "序号", "单位", "类别", "本月任务", "已计入", "缺额", "专项组汇总(任务/已计入)", "调研期间", "调研任务",
                    "调研已计入", "逾期事项", "催办次数", "是否落后", "已扣分");
            int r = 2;
            for (SupervisionReport.Row u : report.units()) {
                ws.value(r, 0, r - 1);
                ws.value(r, 1, text(u.name()));
                ws.value(r, 2, kind(u.kind()));
                if (u.quota() != null) {
                    ws.value(r, 3, u.quota().required());
                    ws.value(r, 4, u.quota().counted());
                    ws.value(r, 5, u.quota().missing());
                }
                List<String> groups = new ArrayList<>();
                u.groups().forEach(g -> groups.add(g.group() + " " + g.required() + "/" + g.counted()));
                ws.value(r, 6, String.join("; ", groups));
                if (u.research() != null) {
                    ws.value(r, 7, u.research().period());
                    ws.value(r, 8, u.research().required());
                    ws.value(r, 9, u.research().counted());
                }
                List<String> late = new ArrayList<>();
                u.overdue().forEach(o -> late.add(o.ref() + " (" + TIME.format(o.deadline().atZone(local)) + ")"));
                ws.value(r, 10, text(String.join("; ", late)));
                ws.value(r, 11, u.reminders().size());
                ws.value(r, 12, u.behind() ? "是" : "否");
                ws.value(r, 13, u.lost());
                r++;
            }
            wb.finish();
        }
    }

    @Override
    public void summary(MonthlySummary summary, OutputStream out) throws IOException {
        try (Workbook wb = workbook(out)) {
            Worksheet ws = wb.newWorksheet("汇总 " + summary.month());
            header(ws, "信息工作月度汇总表（一月一汇总）" + summary.month(), "序号", "单位", "类别", "报送", "采用", "退回",
                    "简报采用", "自治区刊物采用", "自治区领导批示", "缺额");
            int r = 2;
            for (MonthlySummary.Row u : summary.units()) {
                ws.value(r, 0, r - 1);
                ws.value(r, 1, text(u.name()));
                ws.value(r, 2, kind(u.kind()));
                ws.value(r, 3, u.submitted());
                ws.value(r, 4, u.accepted());
                ws.value(r, 5, u.rejected());
                ws.value(r, 6, u.adopted().getOrDefault(AdoptionLevel.PREFECTURE_BRIEFING, 0));
                ws.value(r, 7, u.adopted().getOrDefault(AdoptionLevel.REGION_PUBLICATION, 0));
                ws.value(r, 8, u.adopted().getOrDefault(AdoptionLevel.REGION_INSTRUCTION, 0));
                ws.value(r, 9, u.shortfall());
                r++;
            }
            wb.finish();
        }
    }

    @Override
    public void ranking(RankingReport report, OutputStream out) throws IOException {
        try (Workbook wb = workbook(out)) {
            String period = report.period().toString();
            for (UnitKind k : UnitKind.values()) {
                List<RankingRow> rows = report.kinds().getOrDefault(k, List.of());
                Worksheet ws = wb.newWorksheet(kind(k));
                header(ws, period + " 信息工作积分排名（" + kind(k) + "）", "排名", "单位", "总分", "信息积分", "新闻宣传积分",
                        "网络宣传积分", "扣分");
                int r = 2;
                for (RankingRow row : rows) {
                    ws.value(r, 0, row.rank());
                    ws.value(r, 1, text(row.name()));
                    ws.value(r, 2, row.score());
                    ws.value(r, 3, row.information());
                    ws.value(r, 4, row.news());
                    ws.value(r, 5, row.online());
                    ws.value(r, 6, row.deductions());
                    r++;
                }
            }
            Worksheet lines = wb.newWorksheet("明细");
            header(lines, period + " 积分明细", "单位", "类别", "分值", "条款", "来源", "说明");
            int r = 2;
            for (UnitKind k : UnitKind.values()) {
                for (RankingRow row : report.kinds().getOrDefault(k, List.of())) {
                    for (PointLine l : row.lines()) {
                        lines.value(r, 0, text(row.name()));
                        lines.value(r, 1, l.category().wire());
                        lines.value(r, 2, l.points());
                        lines.value(r, 3, l.rule());
                        lines.value(r, 4, text(l.ref()));
                        lines.value(r, 5, text(l.reason()));
                        r++;
                    }
                }
            }
            wb.finish();
        }
    }

    @Override
    public void publicity(Period quarter, Channel channel, List<Unit> units, List<Publicity> reports, OutputStream out)
            throws IOException {
        boolean news = channel == Channel.NEWS;
        String form = news ? "附件二" : "附件三";
        String title = form + " " + (news ? "新闻宣传" : "网络宣传") + "积分自评表（" + quarter.year() + "年第" + quarter.quarter()
                + "季度）";
        try (Workbook wb = workbook(out)) {
            Worksheet ws = wb.newWorksheet(form);
            header(ws, title, "序号", "单位", "稿件标题", news ? "刊发报刊" : "刊发网站/公众号", "级别", "刊发日期", "报送时间",
                    "稿件编号");
            int r = 2;
            int n = 1;
            for (Unit u : units.stream().sorted(Watch.ORDER).toList()) {
                List<Publicity> mine = reports.stream()
                        .filter(p -> p.unit().equals(u.id()) && p.channel() == channel && quarter.contains(p.published()))
                        .sorted(Comparator.comparing(Publicity::published).thenComparing(Publicity::id)).toList();
                if (mine.isEmpty()) {
                    ws.value(r, 0, n++);
                    ws.value(r, 1, text(u.name()));
                    ws.value(r, 2, "（本季度无）");
                    r++;
                    continue;
                }
                for (Publicity p : mine) {
                    ws.value(r, 0, n++);
                    ws.value(r, 1, text(u.name()));
                    ws.value(r, 2, text(p.title()));
                    ws.value(r, 3, text(p.outlet()));
                    ws.value(r, 4, level(p.level()));
                    ws.value(r, 5, p.published().toString());
                    ws.value(r, 6, TIME.format(p.reportedAt().atZone(local)));
                    ws.value(r, 7, text(p.manuscript()));
                    r++;
                }
            }
            wb.finish();
        }
    }

}

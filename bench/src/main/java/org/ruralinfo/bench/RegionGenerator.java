package org.ruralinfo.bench;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * A deterministic (by seed) generator of region-scale exchange documents v1: a region of prefectures
 * (Xinjiang: 14), each with 9 county bureaus, 32 member units, 8 departments of the bureau and 10 special
 * groups led by member units; a year of notices, items of every type (Chinese titles and bodies of varied
 * length, meetings and emergencies with {@code occurred_at} and follow-ups, commissioned answers, group
 * summaries, research, late items, rejected items), adoptions at the three levels and publicity reports
 * with manuscripts placed at several levels; the calendar 2025 of the shared example and 2026.
 * <p>
 * The same seed and shape always give the same bytes. The default shape gives about 690 units,
 * 31,000 items, 15,000 adoptions, 3,400 publicity reports and 19 MB (compact JSON).
 * <p>
 * {@code java -cp benchmarks.jar org.ruralinfo.bench.RegionGenerator out.json [seed] [prefectures]}
 */
public final class RegionGenerator {

    /** The shape of a region. */
    public record Shape(long seed, int prefectures, int year) {
        /** Xinjiang: 14 prefectures, the year 2025. */
        public static Shape xinjiang(long seed) {
            return new Shape(seed, 14, 2025);
        }
    }

    /** What a generated document holds, for reports and checks. */
    public record Counts(int units, int groups, int notices, int items, int adoptions, int publicity, long bytes) {
        @Override
        public String toString() {
            return String.format("%d units, %d groups, %d notices, %d items, %d adoptions, %d publicity reports, "
                    + "%.1f MB", units, groups, notices, items, adoptions, publicity, bytes / 1e6);
        }
    }

    static final int COUNTIES = 9;
    static final int MEMBERS = 32;
    static final int DEPARTMENTS = 8;
    static final int GROUPS = 10;

    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'+08:00'");

    /** The calendar 2025 of the public example year (the national schedule; BenchSmokeTest compares them). */
    static final String[] HOLIDAYS_2025 = {"2025-01-01", "2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31",
        "2025-02-01", "2025-02-02", "2025-02-03", "2025-02-04", "2025-04-04", "2025-04-05", "2025-04-06",
        "2025-05-01", "2025-05-02", "2025-05-03", "2025-05-04", "2025-05-05", "2025-05-31", "2025-06-01",
        "2025-06-02", "2025-10-01", "2025-10-02", "2025-10-03", "2025-10-04", "2025-10-05", "2025-10-06",
        "2025-10-07", "2025-10-08"};
    static final String[] WORKDAYS_2025 = {"2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11"};
    /** 2026 as far as a year's scores reach into it (the example's New Year, and the Spring Festival). */
    static final String[] HOLIDAYS_2026 = {"2026-01-01", "2026-01-02", "2026-02-16", "2026-02-17", "2026-02-18",
        "2026-02-19", "2026-02-20", "2026-02-23"};
    static final String[] WORKDAYS_2026 = {"2026-01-04", "2026-02-14", "2026-02-28"};

    private static final String[][] PREFECTURES = {
        {"wlmq", "乌鲁木齐市"}, {"klmy", "克拉玛依市"}, {"tlf", "吐鲁番市"}, {"hm", "哈密市"}, {"cj", "昌吉回族自治州"},
        {"be", "博尔塔拉蒙古自治州"}, {"bz", "巴音郭楞蒙古自治州"}, {"aks", "阿克苏地区"}, {"kz", "克孜勒苏柯尔克孜自治州"},
        {"ks", "喀什地区"}, {"ht", "和田地区"}, {"yl", "伊犁哈萨克自治州"}, {"tc", "塔城地区"}, {"alt", "阿勒泰地区"}};
    private static final String[] COUNTY_NAMES = {"库尔勒市", "轮台县", "尉犁县", "若羌县", "且末县", "焉耆县", "和静县",
        "和硕县", "博湖县", "阿克苏市", "温宿县", "库车市", "沙雅县", "新和县", "拜城县", "乌什县", "阿瓦提县", "柯坪县", "喀什市",
        "疏附县", "疏勒县", "英吉沙县", "泽普县", "莎车县", "叶城县", "麦盖提县", "岳普湖县", "伽师县", "巴楚县", "和田市", "墨玉县",
        "皮山县", "洛浦县", "策勒县", "于田县", "民丰县", "伊宁市", "奎屯市", "霍城县", "察布查尔县", "新源县", "昭苏县", "特克斯县",
        "尼勒克县", "塔城市", "乌苏市", "沙湾市", "托里县", "裕民县", "额敏县", "阿勒泰市", "布尔津县", "富蕴县", "福海县",
        "哈巴河县", "青河县", "吉木乃县", "昌吉市", "阜康市", "呼图壁县", "玛纳斯县", "奇台县", "吉木萨尔县", "木垒县", "高昌区",
        "鄯善县", "托克逊县", "伊州区", "巴里坤县", "伊吾县", "博乐市", "阿拉山口市", "精河县", "温泉县", "阿图什市", "阿克陶县",
        "阿合奇县", "乌恰县", "独山子区", "白碱滩区", "乌尔禾区", "达坂城区", "米东区", "乌鲁木齐县"};
    private static final String[] MEMBER_NAMES = {"委组织部", "委宣传部", "发展改革委", "教育局", "民政局", "财政局",
        "人力资源社会保障局", "自然资源局", "生态环境局", "住房城乡建设局", "交通运输局", "水利局", "农业农村局", "商务局",
        "文化体育广播电视和旅游局", "卫生健康委", "林业和草原局", "供销合作社", "妇联", "团委", "总工会", "统计局", "审计局",
        "医疗保障局", "市场监督管理局", "地方金融管理局", "气象局", "供电公司", "邮政分公司", "移动分公司", "农业发展银行分行",
        "农村商业银行"};
    private static final String[] DEPARTMENT_NAMES = {"办公室", "规划财务科", "开发指导科", "社会帮扶科", "宣教统计科",
        "政策法规科", "项目管理科", "考核评估科"};
    private static final String[] GROUP_NAMES = {"产业发展专项组", "就业帮扶专项组", "教育帮扶专项组", "健康帮扶专项组",
        "住房安全专项组", "饮水安全专项组", "消费帮扶专项组", "社会帮扶专项组", "乡村建设专项组", "乡村治理专项组"};
    private static final String[][] OUTLETS = {{"人民日报", "news", "national"}, {"经济日报", "news", "national"},
        {"新疆日报", "news", "region"}, {"今日新疆", "news", "region"}, {"巴音郭楞日报", "news", "prefecture"},
        {"人民网", "online", "national"}, {"新华网", "online", "national"}, {"学习强国", "online", "national"},
        {"昆仑网", "online", "region"}, {"天山网", "online", "region"}, {"小疆有话说", "online", "region"},
        {"巴州零距离", "online", "prefecture"}};
    private static final String[] TOPICS = {"特色林果提质增效", "农村饮水工程", "劳务输出", "村集体经济", "设施农业",
        "光伏帮扶", "人居环境整治", "乡村旅游", "庭院经济", "高标准农田建设", "防返贫动态监测", "易地搬迁后续扶持", "消费帮扶",
        "小额信贷", "畜牧养殖", "农产品加工", "电商直播带货", "乡村振兴示范村创建", "驻村工作队", "技能培训", "农村公路建设",
        "产业园区建设", "控辍保学", "医疗保障", "农村危房改造", "粮食生产", "棉花机采", "红枣产业", "葡萄种植", "冷链物流"};
    private static final String[] TYPE_TITLES = {"工作取得新进展", "探索形成新路径", "做法与成效", "经验做法", "典型案例",
        "调研报告", "会议精神传达落实", "突发情况报告", "舆情应对", "专项组工作汇总", "约稿：情况报告", "业务工作动态"};
    private static final String[] SENTENCES = {
        "今年以来，我们坚持把巩固拓展脱贫攻坚成果同乡村振兴有效衔接作为首要任务",
        "围绕产业、人才、文化、生态、组织五个振兴，统筹推进各项重点工作",
        "截至目前，累计投入衔接资金%d万元，实施项目%d个",
        "带动脱贫户和监测户%d户增收，户均增收%d元",
        "组织召开专题会议%d次，研究解决实际问题%d个",
        "通过“企业+合作社+农户”模式，有效拓宽了群众增收渠道",
        "建立健全防止返贫动态监测和帮扶机制，做到早发现、早干预、早帮扶",
        "组织开展技能培训%d期，培训农牧民%d人次，实现转移就业%d人",
        "村容村貌明显改善，群众获得感、幸福感、安全感不断增强",
        "下一步，我们将继续压实责任，细化措施，确保各项任务落地见效",
        "针对存在的短板弱项，逐项建立台账，明确责任人和完成时限",
        "积极协调金融机构发放小额信贷%d万元，惠及农户%d户",
        "新建和改造高标准农田%d亩，亩均增产%d公斤",
        "依托电商平台，线上销售农产品%d吨，销售额%d万元",
        "驻村工作队走访入户%d户次，收集意见建议%d条，办理实事%d件",
        "各乡镇结合实际，因地制宜发展特色种养殖业",
        "强化资金项目监管，确保衔接资金用在刀刃上",
        "坚持党建引领，充分发挥基层党组织战斗堡垒作用",
        "经核查，事件未造成人员伤亡，相关情况已妥善处置",
        "会议强调，要深入学习贯彻会议精神，切实把思想和行动统一到决策部署上来",
        "调研发现，部分村集体经济收入来源单一，持续增收能力不强",
        "建议进一步加大产业扶持力度，完善利益联结机制",
        "网络舆情发现后，第一时间核实情况并作出回应，未引发次生舆情",
        "专项组各成员单位按照职责分工，协同推进重点任务"};

    private final Shape shape;
    private final SplittableRandom rnd;
    private final int year;
    private final LocalDate yearStart;
    private final Set<LocalDate> off = new HashSet<>();
    private final Set<LocalDate> on = new HashSet<>();

    private int unitCount;
    private int groupCount;
    private int noticeCount;
    private int itemCount;
    private int adoptionCount;
    private int publicityCount;

    private record UnitRec(String id, String name, String kind, int prefecture) {
    }

    private record GroupRec(String id, String name, String lead) {
    }

    private record NoticeRec(String id, LocalDateTime issued, LocalDateTime deadline, List<String> units) {
    }

    /** An item as far as adoptions need it. */
    private record ItemRec(String id, LocalDateTime submitted, boolean accepted) {
    }

    private RegionGenerator(Shape shape) {
        this.shape = shape;
        this.rnd = new SplittableRandom(shape.seed());
        this.year = shape.year();
        this.yearStart = LocalDate.of(year, 1, 1);
        for (String d : HOLIDAYS_2025) {
            off.add(LocalDate.parse(d));
        }
        for (String d : HOLIDAYS_2026) {
            off.add(LocalDate.parse(d));
        }
        for (String d : WORKDAYS_2025) {
            on.add(LocalDate.parse(d));
        }
        for (String d : WORKDAYS_2026) {
            on.add(LocalDate.parse(d));
        }
    }

    /** Writes the region's document to {@code out} (not closed). */
    public static Counts write(Shape shape, OutputStream out) {
        try {
            CountingStream counting = new CountingStream(out);
            RegionGenerator g = new RegionGenerator(shape);
            try (JsonGenerator json = new JsonFactory().createGenerator(counting, JsonEncoding.UTF8)) {
                json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                g.document(json);
            }
            return new Counts(g.unitCount, g.groupCount, g.noticeCount, g.itemCount, g.adoptionCount,
                    g.publicityCount, counting.count);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the region's document as bytes */
    public static byte[] bytes(Shape shape) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(24 << 20);
        write(shape, out);
        return out.toByteArray();
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: RegionGenerator OUT.json [seed] [prefectures]");
            System.exit(2);
        }
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 9L;
        int prefectures = args.length > 2 ? Integer.parseInt(args[2]) : 14;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(Path.of(args[0])))) {
            Counts c = write(new Shape(seed, prefectures, 2025), out);
            System.out.println(args[0] + ": " + c);
        }
    }

    // ---- the document ---------------------------------------------------------------------------------

    private void document(JsonGenerator j) throws IOException {
        List<UnitRec> units = new ArrayList<>();
        List<GroupRec> groups = new ArrayList<>();
        for (int p = 0; p < shape.prefectures(); p++) {
            prefecture(p, units, groups);
        }
        j.writeStartObject();
        j.writeStringField("format", "ruralinfo-exchange/1");
        j.writeStringField("prefecture", shape.prefectures() == 1 ? PREFECTURES[0][0] : "xinjiang");
        j.writeArrayFieldStart("calendar");
        calendarYear(j, 2025, HOLIDAYS_2025, WORKDAYS_2025);
        calendarYear(j, 2026, HOLIDAYS_2026, WORKDAYS_2026);
        j.writeEndArray();

        j.writeArrayFieldStart("units");
        for (UnitRec u : units) {
            j.writeStartObject();
            j.writeStringField("id", u.id());
            j.writeStringField("name", u.name());
            j.writeStringField("kind", u.kind());
            j.writeEndObject();
        }
        j.writeEndArray();
        unitCount = units.size();

        j.writeArrayFieldStart("groups");
        for (GroupRec g : groups) {
            j.writeStartObject();
            j.writeStringField("id", g.id());
            j.writeStringField("name", g.name());
            j.writeStringField("lead", g.lead());
            j.writeEndObject();
        }
        j.writeEndArray();
        groupCount = groups.size();

        j.writeArrayFieldStart("outlets");
        for (String[] o : OUTLETS) {
            j.writeStartObject();
            j.writeStringField("name", o[0]);
            j.writeStringField("channel", o[1]);
            j.writeStringField("level", o[2]);
            j.writeEndObject();
        }
        j.writeEndArray();

        // notices, per prefecture one a month, to some of its units
        List<NoticeRec> notices = new ArrayList<>();
        for (int p = 0; p < shape.prefectures(); p++) {
            List<UnitRec> own = ofPrefecture(units, p);
            for (int m = 1; m <= 12; m++) {
                LocalDateTime issued = workTime(LocalDate.of(year, m, 1 + rnd.nextInt(20)));
                LocalDateTime deadline = workdaysAfter(issued.toLocalDate(), 4 + rnd.nextInt(5)).atTime(18, 0);
                int n = 6 + rnd.nextInt(5);
                List<String> addressed = new ArrayList<>();
                Set<Integer> picked = new HashSet<>();
                while (addressed.size() < n) {
                    int k = rnd.nextInt(own.size());
                    if (picked.add(k)) {
                        addressed.add(own.get(k).id());
                    }
                }
                notices.add(new NoticeRec(String.format("N-%s-%d-%02d", PREFECTURES[p][0], year, m), issued,
                        deadline, addressed));
            }
        }
        j.writeArrayFieldStart("notices");
        for (NoticeRec n : notices) {
            j.writeStartObject();
            j.writeStringField("id", n.id());
            j.writeStringField("title", "关于报送" + pick(TOPICS) + "情况的约稿通知");
            j.writeStringField("requirements", "1500字以内，数据准确，请于截止时间前报送");
            j.writeStringField("issued_at", ts(n.issued()));
            j.writeStringField("deadline", ts(n.deadline()));
            j.writeArrayFieldStart("units");
            for (String u : n.units()) {
                j.writeString(u);
            }
            j.writeEndArray();
            j.writeEndObject();
        }
        j.writeEndArray();
        noticeCount = notices.size();

        // items, unit by unit
        Map<String, List<NoticeRec>> noticesOf = new LinkedHashMap<>();
        for (NoticeRec n : notices) {
            for (String u : n.units()) {
                noticesOf.computeIfAbsent(u, k -> new ArrayList<>()).add(n);
            }
        }
        Map<String, List<GroupRec>> led = new LinkedHashMap<>();
        for (GroupRec g : groups) {
            led.computeIfAbsent(g.lead(), k -> new ArrayList<>()).add(g);
        }
        List<ItemRec> adoptable = new ArrayList<>();
        j.writeArrayFieldStart("items");
        for (UnitRec u : units) {
            unitItems(j, u, noticesOf.getOrDefault(u.id(), List.of()), led.getOrDefault(u.id(), List.of()),
                    adoptable);
        }
        j.writeEndArray();

        j.writeArrayFieldStart("adoptions");
        for (ItemRec i : adoptable) {
            adoptions(j, i);
        }
        j.writeEndArray();

        j.writeArrayFieldStart("publicity");
        for (UnitRec u : units) {
            publicity(j, u);
        }
        j.writeEndArray();
        j.writeEndObject();
    }

    private void prefecture(int p, List<UnitRec> units, List<GroupRec> groups) {
        String code = PREFECTURES[p % PREFECTURES.length][0] + (p >= PREFECTURES.length ? p : "");
        String name = PREFECTURES[p % PREFECTURES.length][1];
        String shortName = name.length() > 4 ? name.substring(0, 2) : name.substring(0, name.length() - 1);
        for (int k = 0; k < COUNTIES; k++) {
            units.add(new UnitRec(code + "-c" + (k + 1), COUNTY_NAMES[(p * COUNTIES + k) % COUNTY_NAMES.length]
                    + "乡村振兴局", "county", p));
        }
        for (int k = 0; k < MEMBERS; k++) {
            units.add(new UnitRec(String.format("%s-m%02d", code, k + 1), shortName + MEMBER_NAMES[k], "member", p));
        }
        for (int k = 0; k < DEPARTMENTS; k++) {
            units.add(new UnitRec(code + "-d" + (k + 1), shortName + "乡村振兴局" + DEPARTMENT_NAMES[k], "department", p));
        }
        for (int k = 0; k < GROUPS; k++) {
            // leads: member units 2, 5, 8 … (one group each)
            groups.add(new GroupRec(String.format("%s-g%02d", code, k + 1), shortName + GROUP_NAMES[k],
                    String.format("%s-m%02d", code, (k * 3 + 1) % MEMBERS + 1)));
        }
    }

    private static List<UnitRec> ofPrefecture(List<UnitRec> units, int p) {
        return units.stream().filter(u -> u.prefecture() == p).toList();
    }

    private static void calendarYear(JsonGenerator j, int y, String[] holidays, String[] workdays) throws IOException {
        j.writeStartObject();
        j.writeNumberField("year", y);
        j.writeArrayFieldStart("holidays");
        for (String d : holidays) {
            j.writeString(d);
        }
        j.writeEndArray();
        j.writeArrayFieldStart("workdays");
        for (String d : workdays) {
            j.writeString(d);
        }
        j.writeEndArray();
        j.writeEndObject();
    }

    // ---- items ----------------------------------------------------------------------------------------

    private int seq;

    private void unitItems(JsonGenerator j, UnitRec u, List<NoticeRec> notices, List<GroupRec> leads,
            List<ItemRec> adoptable) throws IOException {
        boolean county = u.kind().equals("county");
        boolean member = u.kind().equals("member");
        for (int m = 1; m <= 12; m++) {
            YearMonth month = YearMonth.of(year, m);
            if (county || member) {
                int quota = county ? 5 : 2;
                int n = Math.max(0, quota + delta(county ? new int[] {-2, -1, -1, 0, 0, 0, 0, 1, 1, 2}
                        : new int[] {-1, -1, 0, 0, 0, 0, 1, 1, 1, 2}));
                for (int k = 0; k < n; k++) {
                    item(j, u, rnd.nextInt(3) < 2 ? "work_results" : "experience", inMonth(month), null, null, null,
                            null, false, adoptable);
                }
                if (rnd.nextInt(100) < (county ? 45 : 15)) {
                    meeting(j, u, month, adoptable);
                }
                if (county && rnd.nextInt(100) < 12) {
                    emergency(j, u, month, adoptable);
                }
                if (rnd.nextInt(100) < (county ? 20 : 6)) {
                    item(j, u, "opinion", inMonth(month), null, null, null, null, false, adoptable);
                }
            } else {
                int n = Math.max(0, 1 + delta(new int[] {-1, -1, 0, 0, 0, 0, 0, 0, 1, 1}));
                for (int k = 0; k < n; k++) {
                    item(j, u, "business", inMonth(month), null, null, null, null, false, adoptable);
                }
            }
            for (GroupRec g : leads) {
                int n = Math.max(0, 3 + delta(new int[] {-2, -1, -1, 0, 0, 0, 0, 0, 0, 1}));
                for (int k = 0; k < n; k++) {
                    item(j, u, "group_summary", inMonth(month), null, null, g.id(), null, false, adoptable);
                }
            }
        }
        // research: per half-year for counties and members, per year for departments
        int halves = u.kind().equals("department") ? 1 : 2;
        for (int h = 0; h < halves; h++) {
            int n = delta(new int[] {0, 1, 1, 1, 1, 1, 1, 2, 2, 1});
            for (int k = 0; k < n; k++) {
                int monthsIn = halves == 1 ? 12 : 6;
                YearMonth month = YearMonth.of(year, 1 + h * 6 + rnd.nextInt(monthsIn));
                item(j, u, "research", inMonth(month), null, null, null, null, rnd.nextInt(10) < 7, adoptable);
            }
        }
        // commissioned answers, now and then late or missing
        for (NoticeRec n : notices) {
            int r = rnd.nextInt(100);
            if (r < 12) {
                continue; // missing
            }
            LocalDateTime at = r < 20 ? n.deadline().plusHours(2 + rnd.nextInt(60))
                    : n.issued().plusMinutes(30 + rnd.nextLong(Math.max(60,
                            ChronoUnit.MINUTES.between(n.issued(), n.deadline()) - 30)));
            item(j, u, "commissioned", at, null, n.id(), null, null, false, adoptable);
        }
    }

    private void meeting(JsonGenerator j, UnitRec u, YearMonth month, List<ItemRec> adoptable) throws IOException {
        LocalDate day = workday(month.atDay(1 + rnd.nextInt(month.lengthOfMonth())));
        LocalDateTime occurred = day.atTime(9 + rnd.nextInt(8), 0);
        // mostly within 3 working days, about 15% later
        LocalDateTime submitted = rnd.nextInt(100) < 15
                ? workdaysAfter(day, 4 + rnd.nextInt(3)).atTime(10, 30)
                : workdaysAfter(day, rnd.nextInt(3)).atTime(17, 45).plusMinutes(rnd.nextInt(300));
        item(j, u, "meeting", submitted, occurred, null, null, null, false, adoptable);
    }

    private void emergency(JsonGenerator j, UnitRec u, YearMonth month, List<ItemRec> adoptable) throws IOException {
        LocalDateTime occurred = month.atDay(1 + rnd.nextInt(month.lengthOfMonth())).atTime(rnd.nextInt(24), 30);
        // mostly within 2 hours, about 25% later
        LocalDateTime submitted = occurred.plusMinutes(rnd.nextInt(100) < 25 ? 125 + rnd.nextInt(300)
                : 20 + rnd.nextInt(100));
        String first = item(j, u, "emergency", submitted, occurred, null, null, null, false, adoptable);
        int followUps = rnd.nextInt(3);
        for (int k = 1; k <= followUps; k++) {
            LocalDateTime later = occurred.plusHours(4L * k);
            item(j, u, "emergency", later.plusMinutes(30 + rnd.nextInt(80)), later, null, null, first, false,
                    adoptable);
        }
    }

    /** @return the item's id */
    private String item(JsonGenerator j, UnitRec u, String type, LocalDateTime submitted, LocalDateTime occurred,
            String notice, String group, String follows, boolean qualified, List<ItemRec> adoptable)
            throws IOException {
        String id = String.format("I-%s-%06d", u.id().substring(0, u.id().indexOf('-')), ++seq);
        boolean accepted = rnd.nextInt(100) >= 5;
        j.writeStartObject();
        j.writeStringField("id", id);
        j.writeStringField("unit", u.id());
        j.writeStringField("type", type);
        j.writeStringField("title", title(type));
        j.writeStringField("body", body());
        j.writeStringField("submitted_at", ts(submitted));
        if (occurred != null) {
            j.writeStringField("occurred_at", ts(occurred));
        } else {
            j.writeNullField("occurred_at");
        }
        nullable(j, "notice", notice);
        nullable(j, "group", group);
        nullable(j, "follows", follows);
        j.writeStringField("status", accepted ? "accepted" : "rejected");
        j.writeBooleanField("research_qualified", qualified);
        j.writeEndObject();
        itemCount++;
        if (accepted) {
            adoptable.add(new ItemRec(id, submitted, true));
        }
        return id;
    }

    private static void nullable(JsonGenerator j, String field, String value) throws IOException {
        if (value == null) {
            j.writeNullField(field);
        } else {
            j.writeStringField(field, value);
        }
    }

    private String title(String type) {
        String what = switch (type) {
            case "research" -> TYPE_TITLES[5];
            case "meeting" -> TYPE_TITLES[6];
            case "emergency" -> TYPE_TITLES[7];
            case "opinion" -> TYPE_TITLES[8];
            case "group_summary" -> TYPE_TITLES[9];
            case "commissioned" -> TYPE_TITLES[10];
            case "business" -> TYPE_TITLES[11];
            default -> TYPE_TITLES[rnd.nextInt(5)];
        };
        return pick(TOPICS) + what;
    }

    /** A body of 2 to 12 sentences (about 40 to 400 characters), numbers varied, so no two are alike. */
    private String body() {
        int n = 2 + (int) Math.min(10, Math.round(-Math.log(1 - rnd.nextDouble()) * 1.3));
        StringBuilder b = new StringBuilder(n * 32);
        b.append(pick(TOPICS)).append("方面：");
        for (int k = 0; k < n; k++) {
            String s = pick(SENTENCES);
            if (s.contains("%d")) {
                s = s.replaceFirst("%d", Integer.toString(1 + rnd.nextInt(900)))
                        .replaceFirst("%d", Integer.toString(1 + rnd.nextInt(5000)))
                        .replaceFirst("%d", Integer.toString(1 + rnd.nextInt(300)));
            }
            b.append(s).append(k == n - 1 ? "。" : "，");
        }
        return b.toString();
    }

    // ---- adoptions and publicity ----------------------------------------------------------------------

    private void adoptions(JsonGenerator j, ItemRec i) throws IOException {
        int r = rnd.nextInt(1000);
        LocalDate submitted = i.submitted().toLocalDate();
        if (r < 380) {
            adoption(j, i.id(), "prefecture_briefing", submitted.plusDays(1 + rnd.nextInt(20)));
        }
        if (r >= 320 && r < 420) {
            adoption(j, i.id(), "region_publication", submitted.plusDays(5 + rnd.nextInt(40)));
        }
        if (r >= 400 && r < 425) {
            adoption(j, i.id(), "region_instruction", submitted.plusDays(10 + rnd.nextInt(50)));
        }
    }

    private void adoption(JsonGenerator j, String item, String level, LocalDate at) throws IOException {
        j.writeStartObject();
        j.writeStringField("item", item);
        j.writeStringField("level", level);
        j.writeStringField("at", at.toString());
        if (level.equals("prefecture_briefing")) {
            j.writeStringField("issue", at.getYear() + "年第" + (1 + at.getDayOfYear() / 7) + "期");
        } else {
            j.writeNullField("issue");
        }
        j.writeEndObject();
        adoptionCount++;
    }

    private int publicitySeq;

    private void publicity(JsonGenerator j, UnitRec u) throws IOException {
        int manuscripts = switch (u.kind()) {
            case "county" -> 6 + rnd.nextInt(3);
            case "member" -> 2 + rnd.nextInt(3);
            default -> 1 + rnd.nextInt(2);
        };
        for (int k = 0; k < manuscripts; k++) {
            String manuscript = "M-" + u.id() + "-" + k;
            boolean hasManuscript = rnd.nextInt(10) < 8;
            LocalDate published = yearStart.plusDays(rnd.nextInt(360));
            int placements = 1 + (rnd.nextInt(10) < 4 ? 1 + rnd.nextInt(2) : 0);
            for (int p = 0; p < placements; p++) {
                LocalDate day = published.plusDays(p * (1 + rnd.nextInt(12)));
                if (day.getYear() != year) {
                    break;
                }
                String[] outlet;
                String level;
                if (rnd.nextInt(10) < 8) {
                    outlet = OUTLETS[rnd.nextInt(OUTLETS.length)];
                    level = rnd.nextInt(10) < 2 ? null : outlet[2];
                } else {
                    // an outlet the table does not know: the report gives its level
                    outlet = new String[] {u.name().substring(0, 2) + (rnd.nextBoolean() ? "发布" : "日报"),
                        rnd.nextBoolean() ? "online" : "news", "prefecture"};
                    level = "prefecture";
                }
                LocalDate quarterEnd = day.withDayOfMonth(1).withMonth(((day.getMonthValue() - 1) / 3) * 3 + 1)
                        .plusMonths(3).minusDays(1);
                LocalDate reported = rnd.nextInt(100) < 8 ? quarterEnd.plusDays(12 + rnd.nextInt(20))
                        : day.plusDays(rnd.nextInt(Math.max(1, (int) ChronoUnit.DAYS.between(day, quarterEnd) + 3)));
                j.writeStartObject();
                j.writeStringField("id", String.format("P-%06d", ++publicitySeq));
                j.writeStringField("unit", u.id());
                j.writeStringField("channel", outlet[1]);
                j.writeStringField("outlet", outlet[0]);
                nullable(j, "level", level);
                j.writeStringField("title", pick(TOPICS) + "见闻");
                nullable(j, "manuscript", hasManuscript ? manuscript : null);
                j.writeStringField("published", day.toString());
                j.writeStringField("reported_at", ts(reported.atTime(17, 0)));
                j.writeEndObject();
                publicityCount++;
                if (!hasManuscript) {
                    break;
                }
            }
        }
    }

    // ---- time -----------------------------------------------------------------------------------------

    private int delta(int[] choices) {
        return choices[rnd.nextInt(choices.length)];
    }

    private String pick(String[] values) {
        return values[rnd.nextInt(values.length)];
    }

    private boolean isWorkday(LocalDate d) {
        if (on.contains(d)) {
            return true;
        }
        if (off.contains(d)) {
            return false;
        }
        return d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    private LocalDate workday(LocalDate d) {
        LocalDate x = d;
        while (!isWorkday(x)) {
            x = x.plusDays(1);
        }
        return x;
    }

    private LocalDate workdaysAfter(LocalDate d, int n) {
        LocalDate x = d;
        for (int left = n; left > 0;) {
            x = x.plusDays(1);
            if (isWorkday(x)) {
                left--;
            }
        }
        return x;
    }

    /** A working moment of the month (09:30 to 19:30 local on a working day; now and then late at night). */
    private LocalDateTime inMonth(YearMonth month) {
        LocalDate d = month.atDay(1 + rnd.nextInt(month.lengthOfMonth()));
        LocalDate w = workday(d);
        if (w.getMonthValue() != month.getMonthValue()) {
            w = d; // the month's last days are off: a weekend submission
        }
        if (rnd.nextInt(100) < 4) {
            return w.atTime(23, 30 + rnd.nextInt(29)); // late evening local
        }
        return workTime(w);
    }

    private LocalDateTime workTime(LocalDate d) {
        return d.atTime(LocalTime.of(9, 30).plusMinutes(rnd.nextInt(600)));
    }

    private static String ts(LocalDateTime t) {
        return TS.format(t);
    }

    /** Counts the bytes written. */
    private static final class CountingStream extends OutputStream {
        private final OutputStream out;
        long count;

        CountingStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }
    }
}

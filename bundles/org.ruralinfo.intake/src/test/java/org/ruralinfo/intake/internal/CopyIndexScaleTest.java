package org.ruralinfo.intake.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.ruralinfo.intake.CopyCheck;

/**
 * The copy check over a region's year: 20,000 earlier items of 600–1,200 characters made of rural
 * revitalization phrases in random order (so they share many 3-grams, as real items do). Prints the time to
 * index them and the time of one check; a measurement, not a benchmark.
 */
class CopyIndexScaleTest {
    static final String[] PHRASES = {"乡村振兴", "产业发展", "庭院经济", "特色林果", "提质增效", "劳务输出", "稳岗就业",
        "农村饮水", "人居环境", "整治提升", "脱贫攻坚成果", "巩固拓展", "防止返贫", "动态监测", "帮扶措施", "落实到位",
        "农民专业合作社", "高标准农田", "设施农业", "冷链物流", "电商直播", "带货销售", "技术培训", "农户增收", "村集体经济",
        "壮大", "易地搬迁", "后续扶持", "基础设施", "补短板", "驻村工作队", "结对帮扶", "棉花", "香梨", "红枣", "白杏",
        "畜牧养殖", "光伏发电", "文旅融合", "民宿", "农产品加工", "品牌建设", "金融支持", "小额信贷", "医疗保障", "义务教育",
        "，", "。", "；", "今年以来", "截至目前", "全县", "全市", "累计", "万元", "亿元", "人次", "户", "个", "座"};

    static String text(Random r, int chars) {
        StringBuilder sb = new StringBuilder();
        while (sb.length() < chars) {
            sb.append(PHRASES[r.nextInt(PHRASES.length)]);
            if (r.nextInt(6) == 0) {
                sb.append(r.nextInt(10_000));
            }
        }
        return sb.toString();
    }

    @Test
    void twentyThousandItemsIndexAndCheckFast() {
        Random r = new Random(2025);
        Map<String, String> bodies = new HashMap<>();
        CopyChecker checker = new CopyChecker(new CopyIndex(), 0.6);
        long t0 = System.nanoTime();
        for (int i = 0; i < 20_000; i++) {
            String id = "I-" + i;
            String body = text(r, 600 + r.nextInt(600));
            bodies.put(id, body);
            checker.add(id, body);
        }
        long indexed = System.nanoTime() - t0;
        CopyChecker.Bodies source = ids -> {
            Map<String, String> m = new HashMap<>();
            ids.forEach(id -> m.put(id, bodies.get(id)));
            return m;
        };
        String original = bodies.get("I-12345");
        String copy = "据悉，" + original.substring(0, original.length() / 2) + "。另外" + original.substring(
                original.length() / 2 + 20);
        String fresh = text(new Random(7), 900);
        // warm up, then measure
        for (int i = 0; i < 20; i++) {
            checker.check("new", fresh, source, Instant.EPOCH);
            checker.check("new", copy, source, Instant.EPOCH);
        }
        int runs = 100;
        long t1 = System.nanoTime();
        CopyCheck found = null;
        CopyCheck none = null;
        for (int i = 0; i < runs; i++) {
            found = checker.check("new", copy, source, Instant.EPOCH);
            none = checker.check("new", fresh, source, Instant.EPOCH);
        }
        double perCheck = (System.nanoTime() - t1) / 1e6 / (2 * runs);
        System.out.printf("copy check: 20,000 items indexed in %d ms; %.3f ms per check%n", indexed / 1_000_000,
                perCheck);
        assertNotNull(found);
        assertEquals("I-12345", found.similarTo());
        assertNull(none);
        assertEquals(20_000, checker.index().size());
        assertTrue(perCheck < 50, "a check takes " + perCheck + " ms");
    }

    @Test
    void aReplacedSignatureIsNoLongerFound() {
        CopyChecker checker = new CopyChecker(new CopyIndex(), 0.6);
        String a = text(new Random(1), 800);
        checker.add("A", a);
        CopyChecker.Bodies source = ids -> Map.of("A", text(new Random(2), 800));
        checker.add("A", text(new Random(2), 800));
        assertNull(checker.check("B", a, source, Instant.EPOCH));
        assertEquals(List.of(), checker.index().candidates(MinHash.signature(Shingles.set(Shingles.normalize(a))),
                null, 0.6, 5));
    }
}

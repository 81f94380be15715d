package org.ruralinfo.intake.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ruralinfo.intake.internal.Harness.EDITOR;
import static org.ruralinfo.intake.internal.Harness.LUNTAI_OFFICER;
import static org.ruralinfo.intake.internal.Harness.LUNTAI_REVIEWER;
import static org.ruralinfo.intake.internal.Harness.OFFICER;


import org.junit.jupiter.api.Test;
import org.ruralinfo.api.ItemType;
import org.ruralinfo.api.UserAccount;
import org.ruralinfo.intake.Action;
import org.ruralinfo.intake.CopyCheck;
import org.ruralinfo.intake.Draft;
import org.ruralinfo.intake.ItemView;
import org.ruralinfo.intake.TransitionRequest;

/** Art. 7(5) 不得照抄照搬: on submission the body is compared with earlier items of every unit. */
class CopyCheckTest extends HarnessTest {
    static final String COURTYARD = "今年以来，库尔勒市坚持把发展庭院经济作为促进农民增收的重要抓手，因地制宜引导农户利用房前屋后"
            + "闲置土地种植蔬菜、林果，发展家禽养殖和手工编织。市乡村振兴局联合农业农村部门开展技术培训12期，培训农户860人次，"
            + "推广“小菜园、小果园、小养殖”模式，带动2300余户农户户均增收3200元。下一步，我市将进一步完善利益联结机制，"
            + "推动庭院经济由分散经营向规模化、品牌化发展。";
    static final String APRICOTS = "轮台县依托白杏产业优势，持续做好“土特产”文章。县里引进冷链物流企业3家，建成产地预冷库"
            + "16座，打通了鲜杏外销的“最先一公里”。今年白杏节期间，全县接待游客4.6万人次，线上直播带货销售鲜杏1100吨，"
            + "实现销售收入1.2亿元。同时，县乡村振兴局组织脱贫户参与采摘、分拣、包装等环节，吸纳就业1500余人，"
            + "让群众在家门口端稳“就业碗”。";
    /** {@link #COURTYARD} with the place, a few numbers and a phrase changed: 照抄照搬. */
    static final String COURTYARD_COPY = "今年以来，轮台县坚持把发展庭院经济作为促进农民增收的重要抓手，因地制宜引导农户利用房前屋后"
            + "闲置土地种植蔬菜、林果，发展家禽养殖和手工编织。县乡村振兴局联合农业农村部门开展技术培训10期，培训农户720人次，"
            + "推广“小菜园、小果园、小养殖”模式，带动2100余户农户户均增收3000元。下一步，我县将进一步完善利益联结机制，"
            + "推动庭院经济由分散经营向规模化、品牌化发展。";


    private ItemView submit(UserAccount officer, String title, String body) {
        String id = h.intake.create(officer, new Draft(null, ItemType.EXPERIENCE, title, body, null, null, null, null))
                .item().id();
        return h.intake.transition(officer, id, TransitionRequest.of(Action.SUBMIT));
    }

    @Test
    void differentParagraphsPassAndALightlyEditedCopyIsShownWithTheOverlap_Art7_5() {
        ItemView courtyard = submit(OFFICER, "库尔勒市大力发展庭院经济", COURTYARD);
        ItemView apricots = submit(LUNTAI_OFFICER, "轮台县白杏产业助农增收", APRICOTS);
        assertNull(h.intake.get(EDITOR, courtyard.item().id()).copyCheck());
        assertNull(h.intake.get(EDITOR, apricots.item().id()).copyCheck());
        double different = Shingles.jaccard(Shingles.set(Shingles.normalize(COURTYARD)),
                Shingles.set(Shingles.normalize(APRICOTS)));
        assertTrue(different < 0.1, "two genuinely different paragraphs: " + different);

        ItemView copy = submit(LUNTAI_OFFICER, "轮台县发展庭院经济", COURTYARD_COPY);
        CopyCheck c = h.intake.get(LUNTAI_REVIEWER, copy.item().id()).copyCheck();
        assertNotNull(c, "the reviewer sees it");
        System.out.printf("copy check: different paragraphs %.3f; lightly edited copy %.3f, overlap \"%s\"%n",
                different, c.similarity(), c.overlap());
        assertEquals(courtyard.item().id(), c.similarTo());
        assertTrue(c.similarity() >= 0.6 && c.similarity() < 1, "similarity " + c.similarity());
        assertTrue(COURTYARD_COPY.contains(c.overlap()) && c.overlap().length() >= 40, c.overlap());
        assertTrue(c.overlap().contains("因地制宜引导农户利用房前屋后"), c.overlap());
        assertEquals(c, h.intake.get(EDITOR, copy.item().id()).copyCheck(), "the editor sees it");
        assertNull(h.intake.get(LUNTAI_OFFICER, copy.item().id()).copyCheck(), "shown to the reviewing roles");
    }

    @Test
    void resubmittingAnItemDoesNotCompareItWithItself() {
        ItemView first = submit(OFFICER, "库尔勒市大力发展庭院经济", COURTYARD);
        String id = first.item().id();
        h.intake.transition(Harness.REVIEWER, id, new TransitionRequest(Action.RETURN, "补充数据", null, null));
        ItemView again = h.intake.transition(OFFICER, id, TransitionRequest.of(Action.SUBMIT));
        assertNull(h.intake.get(EDITOR, again.item().id()).copyCheck());
    }

    @Test
    void importedEarlierItemsAreComparedToo() throws Exception {
        h.store.importDocument(new org.ruralinfo.api.ExchangeDocument(null, java.util.List.of(), java.util.List.of(),
                java.util.List.of(), java.util.List.of(), java.util.List.of(),
                java.util.List.of(new org.ruralinfo.api.Item("I-1", "korla", ItemType.EXPERIENCE, "庭院经济", COURTYARD,
                        Harness.at("2025-08-01T10:00:00+08:00"), null, null, null, null,
                        org.ruralinfo.api.ItemStatus.ACCEPTED, false)),
                java.util.List.of(), java.util.List.of()), "test");
        ItemView copy = submit(LUNTAI_OFFICER, "轮台县发展庭院经济", COURTYARD_COPY);
        assertEquals("I-1", h.intake.get(EDITOR, copy.item().id()).copyCheck().similarTo());
    }
}

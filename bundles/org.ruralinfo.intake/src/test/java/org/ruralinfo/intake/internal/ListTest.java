package org.ruralinfo.intake.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.ruralinfo.intake.internal.Harness.EDITOR;
import static org.ruralinfo.intake.internal.Harness.LUNTAI_OFFICER;
import static org.ruralinfo.intake.internal.Harness.OFFICER;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ruralinfo.api.ItemStatus;
import org.ruralinfo.api.ItemType;
import org.ruralinfo.intake.Action;
import org.ruralinfo.intake.Draft;
import org.ruralinfo.intake.ItemPage;
import org.ruralinfo.intake.ItemQuery;
import org.ruralinfo.intake.ItemSummary;
import org.ruralinfo.intake.TransitionRequest;

/** Lists: filters, full-text {@code q} on title and body, newest first, paged. */
class ListTest {
    @TempDir
    Path home;
    Harness h;

    @BeforeEach
    void setUp() throws Exception {
        h = new Harness(home);
        String[][] items = {
            {"2025-09-01T10:00:00+08:00", "korla", "库尔勒市棉花丰收", "棉花机采率提高到95%"},
            {"2025-09-02T10:00:00+08:00", "korla", "Korla Fruit Exports", "香梨出口欧洲"},
            {"2025-09-03T10:00:00+08:00", "luntai", "轮台县白杏节", "白杏采摘游客增多"},
            {"2025-09-04T10:00:00+08:00", "korla", "库尔勒市人居环境整治", "庭院经济与棉花套种"},
        };
        for (String[] i : items) {
            h.clock.set(i[0]);
            h.intake.create(i[1].equals("korla") ? OFFICER : LUNTAI_OFFICER,
                    new Draft(null, ItemType.WORK_RESULTS, i[2], i[3], null, null, null, null));
        }
    }

    @AfterEach
    void tearDown() {
        h.close();
    }

    private List<String> titles(ItemPage p) {
        return p.items().stream().map(ItemSummary::title).toList();
    }

    @Test
    void newestFirstAndPaged() {
        ItemPage p1 = h.intake.list(EDITOR, new ItemQuery(null, null, null, null, null, null, 1, 3));
        assertEquals(4, p1.total());
        assertEquals(List.of("库尔勒市人居环境整治", "轮台县白杏节", "Korla Fruit Exports"), titles(p1));
        ItemPage p2 = h.intake.list(EDITOR, new ItemQuery(null, null, null, null, null, null, 2, 3));
        assertEquals(List.of("库尔勒市棉花丰收"), titles(p2));
    }

    @Test
    void qSearchesTitleAndBodyCaseInsensitively() {
        assertEquals(List.of("库尔勒市人居环境整治", "库尔勒市棉花丰收"),
                titles(h.intake.list(EDITOR, new ItemQuery(null, null, null, null, null, "棉花", 1, 20))));
        assertEquals(List.of("Korla Fruit Exports"),
                titles(h.intake.list(EDITOR, new ItemQuery(null, null, null, null, null, "fruit", 1, 20))));
        assertEquals(List.of("库尔勒市棉花丰收"),
                titles(h.intake.list(EDITOR, new ItemQuery(null, null, null, null, null, "95%", 1, 20))),
                "a % in q is a character, not a wildcard");
    }

    @Test
    void filtersByUnitStatusTypeAndDays() {
        assertEquals(3, h.intake.list(EDITOR, new ItemQuery("korla", null, null, null, null, null, 1, 20)).total());
        assertEquals(2, h.intake.list(EDITOR, new ItemQuery(null, null, null, LocalDate.parse("2025-09-02"),
                LocalDate.parse("2025-09-03"), null, 1, 20)).total());
        String id = h.intake.list(OFFICER, ItemQuery.all()).items().get(0).id();
        h.intake.transition(OFFICER, id, TransitionRequest.of(Action.SUBMIT));
        assertEquals(1, h.intake.list(EDITOR, new ItemQuery(null, ItemStatus.SUBMITTED, null, null, null, null, 1, 20))
                .total());
        assertEquals(0, h.intake.list(EDITOR, new ItemQuery(null, null, ItemType.MEETING, null, null, null, 1, 20))
                .total());
    }
}

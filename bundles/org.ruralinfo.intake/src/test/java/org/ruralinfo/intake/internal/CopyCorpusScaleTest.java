package org.ruralinfo.intake.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.ruralinfo.intake.internal.Harness.EDITOR;
import static org.ruralinfo.intake.internal.Harness.OFFICER;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ruralinfo.api.ItemType;
import org.ruralinfo.intake.Action;
import org.ruralinfo.intake.CopyCheck;
import org.ruralinfo.intake.Draft;
import org.ruralinfo.intake.TransitionRequest;

/**
 * The copy check on the real database with 20,000 earlier (imported) items: the time to rebuild the index
 * at activation and the time of a whole submission (copy check, transaction, history, audit). Printed, not
 * asserted beyond a generous bound: a measurement, not a benchmark.
 */
class CopyCorpusScaleTest {
    @TempDir
    Path home;

    @Test
    void submissionsStayFastWithTwentyThousandEarlierItems() throws Exception {
        Harness h = new Harness(home);
        Random r = new Random(2026);
        String original = null;
        try (Connection c = h.ds.getConnection(); PreparedStatement ps = c.prepareStatement("INSERT INTO items (id, "
                + "unit, type, title, body, submitted_at, status, research_qualified) VALUES (?, 'luntai', "
                + "'work_results', ?, ?, ?, 'accepted', FALSE)")) {
            for (int i = 0; i < 20_000; i++) {
                String body = CopyIndexScaleTest.text(r, 600 + r.nextInt(600));
                if (i == 4321) {
                    original = body;
                }
                ps.setString(1, "I-" + i);
                ps.setString(2, "标题" + i);
                ps.setString(3, body);
                ps.setObject(4, OffsetDateTime.parse("2025-06-01T10:00:00+08:00").plusMinutes(i));
                ps.addBatch();
                if (i % 1000 == 999) {
                    ps.executeBatch();
                }
            }
        }
        // a new service on these rows: the index is rebuilt at activation
        IntakeService intake = new IntakeService(h.db, h.store, Settings.defaults(Harness.LOCAL), home, h.clock);
        try {
            long t0 = System.nanoTime();
            assertEquals(20_000, intake.copyIndexSize());
            long rebuild = (System.nanoTime() - t0) / 1_000_000;
            int runs = 50;
            String copy = "据悉，" + original.substring(0, original.length() / 2) + "。" + original.substring(
                    original.length() / 2 + 30);
            long total = 0;
            CopyCheck found = null;
            for (int i = 0; i < runs + 10; i++) {
                String body = i % 2 == 0 ? copy : CopyIndexScaleTest.text(new Random(i), 900);
                String id = intake.create(OFFICER, new Draft(null, ItemType.WORK_RESULTS, "t" + i, body, null, null,
                        null, null)).item().id();
                long s = System.nanoTime();
                intake.transition(OFFICER, id, TransitionRequest.of(Action.SUBMIT));
                if (i >= 10) {
                    total += System.nanoTime() - s;
                }
                if (i == 0) {
                    found = intake.get(EDITOR, id).copyCheck();
                }
            }
            System.out.printf("copy corpus on H2: 20,000 items indexed at activation in %d ms; "
                    + "%.2f ms per submission (copy check + transaction)%n", rebuild, total / 1e6 / runs);
            assertNotNull(found);
            assertEquals("I-4321", found.similarTo());
        } finally {
            intake.close();
            h.close();
        }
    }
}

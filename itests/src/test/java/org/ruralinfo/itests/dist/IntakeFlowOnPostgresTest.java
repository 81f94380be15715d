package org.ruralinfo.itests.dist;

import org.junit.jupiter.api.BeforeAll;

/**
 * Issue #11: the whole intake flow of {@link IntakeFlowTest} (draft to adoption and withdrawal, the
 * explained ranking, another unit kept out, attachments) on a real PostgreSQL database.
 */
class IntakeFlowOnPostgresTest extends IntakeFlowTest {
    private static final String PASSWORD = "Itest-Secret-2026";

    /** Hides {@link IntakeFlowTest#start()}: the same tests, the distribution on a fresh PostgreSQL database. */
    @BeforeAll
    static void start() throws Exception {
        dist = new Distribution(Distribution.work("intake-pg"), PASSWORD).on(Postgres.freshDatabase("intake")).start();
        admin = dist.login("admin", PASSWORD);
    }
}

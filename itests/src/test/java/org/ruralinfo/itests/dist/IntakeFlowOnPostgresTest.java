package org.ruralinfo.itests.dist;

import java.util.Map;

/**
 * Issue #11: the whole intake flow of {@link IntakeFlowTest} (draft to adoption and withdrawal, the
 * explained ranking, another unit kept out, attachments) on a real PostgreSQL database.
 */
class IntakeFlowOnPostgresTest extends IntakeFlowTest {
    @Override
    Map<String, String> database() throws Exception {
        return Postgres.freshDatabase("intake");
    }
}

package org.ruralinfo.intake.internal;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A test on a fresh {@link Harness} for each test: a real H2 database in a temporary folder. */
abstract class HarnessTest {
    @TempDir
    Path home;
    Harness h;

    @BeforeEach
    void openHarness() throws Exception {
        h = new Harness(home);
    }

    @AfterEach
    void closeHarness() {
        h.close();
    }
}

package org.ruralinfo.exchange.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The quick reading of common timestamps gives what ISO_OFFSET_DATE_TIME gives, or leaves it to it. */
class CommonInstantTest {
    private static Instant iso(String s) {
        try {
            return OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    @Test
    void theCommonFormsAreReadAsTheFormatterReadsThem() {
        for (String s : List.of("2025-07-03T10:00:00+08:00", "2025-07-03T10:00:00Z", "2025-12-31T23:59:59.999999999-05:30",
                "2024-02-29T00:00:00.1+00:00", "2025-01-01T00:00:00.123456+14:00", "2025-01-01T00:00:00-18:00")) {
            assertNotNull(JsonInput.commonInstant(s), s);
            assertEquals(iso(s), JsonInput.commonInstant(s), s);
        }
    }

    @Test
    void everythingElseIsLeftToTheFormatter() {
        for (String s : List.of("2025-02-29T10:00:00+08:00", "2025-13-01T10:00:00+08:00", "2025-07-03T24:00:00+08:00",
                "2025-07-03T10:00:00+19:00", "2025-07-03T10:00:00", "2025-07-03 10:00:00+08:00", "2025-07-03t10:00:00Z",
                "2025-07-03T10:00:00z", "2025-07-03T10:00:00.+08:00", "2025-07-03T10:00:00.1234567890+08:00",
                "2025-07-03T10:00:00+08:00:00", "2025-07-03T10:00+08:00", "+12025-07-03T10:00:00Z", "２０２５-07-03T10:00:00Z",
                "2025-07-03T10:00:00+0800", "2025-07-03T10:00:00+08:60")) {
            assertNull(JsonInput.commonInstant(s), s);
        }
    }

    @Test
    void randomTimestampsAgree() {
        Random random = new Random(3);
        String digits = "0123456789";
        for (int k = 0; k < 20_000; k++) {
            StringBuilder b = new StringBuilder("2025-07-03T10:00:00.123+08:00");
            // change one to three characters to a digit or a separator
            for (int c = 0; c < 1 + random.nextInt(3); c++) {
                int at = random.nextInt(b.length());
                String pool = digits + "-:.+TZ";
                b.setCharAt(at, pool.charAt(random.nextInt(pool.length())));
            }
            String s = b.toString();
            Instant quick = JsonInput.commonInstant(s);
            if (quick != null) {
                assertEquals(iso(s), quick, s);
            }
        }
    }
}

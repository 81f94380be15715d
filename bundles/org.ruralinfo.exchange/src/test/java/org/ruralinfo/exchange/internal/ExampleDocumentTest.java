package org.ruralinfo.exchange.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.ruralinfo.api.ExchangeDocument;
import org.ruralinfo.api.Notice;
import org.ruralinfo.exchange.ExchangeCodec;
import org.ruralinfo.exchange.ExistingRecords;
import org.ruralinfo.exchange.examples.Examples;

/** The public example year ({@link Examples#YEAR}) reads, and round-trips through the writer. */
class ExampleDocumentTest {

    private final ExchangeCodec codec = new JsonExchangeCodec();

    private ExchangeDocument readExample() throws IOException {
        try (InputStream in = Examples.open(Examples.YEAR)) {
            return codec.read(in, ExistingRecords.NONE);
        }
    }

    @Test
    void readsTheExample() throws IOException {
        ExchangeDocument d = readExample();
        assertEquals("bazhou", d.prefecture());
        assertEquals(2, d.calendar().size());
        assertEquals(23, d.units().size());
        assertEquals(3, d.groups().size());
        assertEquals(12, d.outlets().size());
        assertEquals(8, d.notices().size());
        assertEquals(780, d.items().size());
        assertEquals(392, d.adoptions().size());
        assertEquals(140, d.publicity().size());
    }

    @Test
    void aTimestampInUtcIsThatInstant() throws IOException {
        Notice n = readExample().notices().stream().filter(x -> x.id().equals("N-2025-02")).findFirst().orElseThrow();
        assertEquals(Instant.parse("2025-10-22T10:00:00Z"), n.deadline());
    }

    @Test
    void writeThenReadGivesEqualRecords() throws IOException {
        ExchangeDocument d = readExample();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        codec.write(d, out);
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("\"format\": \"ruralinfo-exchange/1\""), text.substring(0, 200));
        assertTrue(text.contains("\"deadline\": \"2025-10-22T18:00:00+08:00\""));
        assertTrue(text.contains("\"occurred_at\": null"));
        assertTrue(text.contains("库尔勒市乡村振兴局"), "UTF-8, not escaped");
        ExchangeDocument again = codec.read(new ByteArrayInputStream(out.toByteArray()), ExistingRecords.NONE);
        assertEquals(d, again);
    }
}

package org.ruralinfo.exchange.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ruralinfo.exchange.internal.TestDocs.doc;
import static org.ruralinfo.exchange.internal.TestDocs.item;
import static org.ruralinfo.exchange.internal.TestDocs.items;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ruralinfo.api.ValidationError;
import org.ruralinfo.api.ValidationException;
import org.ruralinfo.exchange.ExistingRecords;

/** Input that is not a JSON object, or too much of one, is refused cleanly at path {@code $}. */
class MalformedInputTest {

    private static ValidationError refusedAtRoot(byte[] input, Limits limits) {
        InputStream in = new ByteArrayInputStream(input);
        ValidationException e = assertThrows(ValidationException.class,
                () -> new JsonExchangeCodec(limits).read(in, ExistingRecords.NONE));
        List<ValidationError> errors = e.errors();
        assertEquals("$", errors.get(errors.size() - 1).path(), TestDocs.describe(errors));
        return errors.get(errors.size() - 1);
    }

    private static ValidationError refusedAtRoot(String input) {
        return refusedAtRoot(input.getBytes(StandardCharsets.UTF_8), Limits.DEFAULT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "[1, 2]", "\"ruralinfo-exchange/1\"", "42", "null", "hello"})
    void notAnObject(String input) {
        refusedAtRoot(input);
    }

    @Test
    void truncated() {
        String full = doc(items(item("I-1", "korla", "work_results")));
        ValidationError e = refusedAtRoot(full.substring(0, full.length() / 2));
        assertTrue(e.message().contains("line"), e.message());
    }

    @Test
    void malformedBytes() {
        byte[] good = doc().getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream bad = new ByteArrayOutputStream();
        bad.write(good, 0, good.length - 1);
        bad.writeBytes(new byte[] {',', '"', 'x', '"', ':', '"', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '"', '}'});
        refusedAtRoot(bad.toByteArray(), Limits.DEFAULT);
    }

    @Test
    void notJsonAtAll() {
        refusedAtRoot(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F'},
                Limits.DEFAULT);
    }

    @Test
    void trailingContent() {
        refusedAtRoot(doc() + " {}");
    }

    @Test
    void deepNestingInAnIgnoredField() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        ValidationError e = refusedAtRoot(doc("'x-deep': " + deep));
        assertTrue(e.message().contains("nesting"), e.message());
    }

    @Test
    void deepNestingAtTheTop() {
        refusedAtRoot("{\"a\":".repeat(10_000));
    }

    @Test
    void hugeString() {
        String huge = "x".repeat(Limits.DEFAULT.maxStringLength() + 1);
        refusedAtRoot(doc(items(item("I-1", "korla", "work_results").replace("正文", huge))));
    }

    @Test
    void hugeStringInAnIgnoredFieldIsSkippedWithoutBeingHeld() {
        String huge = "x".repeat(Limits.DEFAULT.maxStringLength() + 1);
        TestDocs.read(doc("'x-huge': '" + huge + "'"));
    }

    @Test
    void hugeDocument() {
        Limits small = new Limits(100, 64, 1_000_000, 10_000);
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            many.append(i == 0 ? "" : ",").append(item("I-" + i, "korla", "work_results"));
        }
        refusedAtRoot(doc(items(many.toString())).getBytes(StandardCharsets.UTF_8), small);
    }
}

package org.ruralinfo.exchange.internal;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.ruralinfo.api.ExchangeDocument;
import org.ruralinfo.api.ValidationError;
import org.ruralinfo.api.ValidationException;
import org.ruralinfo.exchange.ExistingRecords;

/**
 * Small documents for tests, written with single quotes for readability: a valid base (three
 * units of each kind, a group, an outlet, a notice) whose sections a test replaces or adds.
 */
final class TestDocs {

    static final String TS = "2026-07-03T10:00:00+08:00";

    private static Map<String, String> base() {
        Map<String, String> base = new LinkedHashMap<>();
        base.put("format", "'format': 'ruralinfo-exchange/1'");
        base.put("prefecture", "'prefecture': 'bazhou'");
        base.put("units", "'units': ["
                + "{'id': 'korla', 'name': '库尔勒市乡村振兴局', 'kind': 'county'},"
                + "{'id': 'agri', 'name': '州农业农村局', 'kind': 'member'},"
                + "{'id': 'stats', 'name': '宣教统计科', 'kind': 'department'}]");
        base.put("groups", "'groups': [{'id': 'industry', 'name': '产业发展专项组', 'lead': 'agri'}]");
        base.put("outlets", "'outlets': [{'name': '人民日报', 'channel': 'news', 'level': 'national'}]");
        base.put("notices", "'notices': [{'id': 'N-1', 'title': '约稿', 'requirements': '1500字以内',"
                + " 'issued_at': '2026-07-01T09:00:00+08:00', 'deadline': '2026-07-10T18:00:00+08:00',"
                + " 'units': ['korla', 'agri']}]");
        return base;
    }

    private TestDocs() {
    }

    /**
     * @param sections sections such as {@code 'items': [...]}, replacing the base's section of that
     *                 name; {@code "-format"} leaves a base section out
     * @return the JSON text of the document
     */
    static String doc(String... sections) {
        Map<String, String> all = base();
        for (String s : sections) {
            if (s.startsWith("-")) {
                all.remove(s.substring(1));
            } else {
                all.put(s.substring(s.indexOf('\'') + 1, s.indexOf('\'', 1)), s);
            }
        }
        return json("{" + String.join(",\n", all.values()) + "}");
    }

    /** @return the text with single quotes turned into double quotes */
    static String json(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }

    /** @return the items section with these items */
    static String items(String... items) {
        return "'items': [" + String.join(",", items) + "]";
    }

    /** @return an accepted item of a unit with the given type, plus extra fields such as {@code 'notice': 'N-1'} */
    static String item(String id, String unit, String type, String... extra) {
        StringBuilder b = new StringBuilder("{'id': '").append(id).append("', 'unit': '").append(unit)
                .append("', 'type': '").append(type).append("', 'title': '标题', 'body': '正文', 'submitted_at': '")
                .append(TS).append("', 'status': 'accepted'");
        for (String e : extra) {
            b.append(", ").append(e);
        }
        return b.append('}').toString();
    }

    static ExchangeDocument read(String json) {
        return read(json, ExistingRecords.NONE);
    }

    static ExchangeDocument read(String json, ExistingRecords existing) {
        return new JsonExchangeCodec().read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), existing);
    }

    static List<ValidationError> refuse(String json) {
        return refuse(json, ExistingRecords.NONE);
    }

    static List<ValidationError> refuse(String json, ExistingRecords existing) {
        return assertThrows(ValidationException.class, () -> read(json, existing)).errors();
    }

    /**
     * Asserts that the document is refused with exactly one problem, at {@code path}, whose message
     * contains every one of {@code words}.
     */
    static ValidationError refusedAt(String json, String path, String... words) {
        return refusedAt(json, ExistingRecords.NONE, path, words);
    }

    static ValidationError refusedAt(String json, ExistingRecords existing, String path, String... words) {
        List<ValidationError> errors = refuse(json, existing);
        if (errors.size() != 1 || !errors.get(0).path().equals(path)) {
            fail("expected one problem at " + path + ", got " + describe(errors));
        }
        ValidationError e = errors.get(0);
        for (String w : words) {
            if (!e.message().contains(w)) {
                fail("message of " + e + " does not name " + w);
            }
        }
        return e;
    }

    static String describe(List<ValidationError> errors) {
        return errors.stream().map(ValidationError::toString).collect(Collectors.joining("\n  ", "\n  ", ""));
    }
}

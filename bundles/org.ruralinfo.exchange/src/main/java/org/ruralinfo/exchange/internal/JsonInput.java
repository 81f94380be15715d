package org.ruralinfo.exchange.internal;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.ruralinfo.api.Wire;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Typed reading of JSON values from a streaming parser, reporting every bad value by its path
 * instead of failing at the first.
 * <p>
 * Convention of every method: on entry the parser stands on the first token of the value; on exit
 * it stands on the value's last token (the scalar itself, or the closing bracket). A method that
 * finds a bad value reports it, skips it and returns {@code null}; JSON {@code null} also gives
 * {@code null}, without a report (whether the field is required is checked by the caller).
 */
final class JsonInput {

    /** Reads one field of an object. */
    @FunctionalInterface
    interface FieldReader {
        /** @return whether the field is known; unknown fields are skipped */
        boolean field(String name, JsonPath path) throws IOException;
    }

    /** Reads one element of an array. */
    @FunctionalInterface
    interface ElementReader {
        void element(int index, JsonPath path) throws IOException;
    }

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final String TIMESTAMP_EXAMPLE = "2026-07-03T10:00:00+08:00";

    private final JsonParser parser;
    private final Problems problems;
    /** One instance of each reference string, so 30,000 items share their unit ids. */
    private final Map<String, String> canonical = new HashMap<>();

    JsonInput(JsonParser parser, Problems problems) {
        this.parser = parser;
        this.problems = problems;
    }

    Problems problems() {
        return problems;
    }

    /**
     * Reads an object field by field.
     *
     * @return the names of the fields given with a non-null value, or {@code null} when the value
     *         is not an object (reported) or is JSON null (not reported)
     */
    Set<String> object(JsonPath path, FieldReader reader) throws IOException {
        if (!expect(path, JsonToken.START_OBJECT, "an object")) {
            return null;
        }
        Set<String> seen = new HashSet<>();
        Set<String> given = new HashSet<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonPath fieldPath = path.field(name);
            JsonToken value = parser.nextToken();
            if (!seen.add(name)) {
                problems.add(fieldPath, "field \"" + name + "\" is given twice");
                parser.skipChildren();
                continue;
            }
            if (value != JsonToken.VALUE_NULL) {
                given.add(name);
            }
            if (!reader.field(name, fieldPath)) {
                parser.skipChildren();
            }
        }
        return given;
    }

    /**
     * Reports every name of {@code required} that is not in {@code given}.
     *
     * @return whether all were given
     */
    boolean require(JsonPath path, Set<String> given, String... required) {
        boolean all = true;
        for (String name : required) {
            if (!given.contains(name)) {
                problems.add(path.field(name), "required field \"" + name + "\" is missing or null");
                all = false;
            }
        }
        return all;
    }

    /**
     * Reads an array element by element.
     *
     * @return whether the value was an array
     */
    boolean array(JsonPath path, ElementReader reader) throws IOException {
        if (!expect(path, JsonToken.START_ARRAY, "an array")) {
            return false;
        }
        int index = 0;
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY && t != null; t = parser.nextToken()) {
            reader.element(index, path.index(index));
            index++;
        }
        return true;
    }

    /** @return a string of at most {@code max} characters */
    String text(JsonPath path, int max) throws IOException {
        if (!expect(path, JsonToken.VALUE_STRING, "a string")) {
            return null;
        }
        String s = parser.getText();
        if (s.length() > max) {
            problems.add(path, "too long: " + s.length() + " characters, at most " + max + " allowed");
            return null;
        }
        return s;
    }

    /** @return a non-empty id of at most {@link TextLimits#ID} characters */
    String id(JsonPath path) throws IOException {
        String s = text(path, TextLimits.ID);
        if (s != null && s.isBlank()) {
            problems.add(path, "must not be empty");
            return null;
        }
        return s;
    }

    /** @return a non-empty code of at most {@code max} characters, e.g. a leader's level */
    String code(JsonPath path, int max) throws IOException {
        String s = text(path, max);
        if (s != null && s.isBlank()) {
            problems.add(path, "must not be empty");
            return null;
        }
        return s;
    }

    /** @return like {@link #id}, one shared instance per distinct value */
    String ref(JsonPath path) throws IOException {
        String s = id(path);
        return s == null ? null : canonical.computeIfAbsent(s, k -> k);
    }

    /** @return a list of references, or {@code null} when bad or null */
    List<String> refs(JsonPath path) throws IOException {
        List<String> list = new ArrayList<>();
        boolean[] bad = {false};
        boolean isArray = array(path, (i, p) -> {
            String s = ref(p);
            if (s == null) {
                if (parser.currentToken() == JsonToken.VALUE_NULL) {
                    problems.add(p, "must not be null");
                }
                bad[0] = true;
            }
            list.add(s);
        });
        return isArray && !bad[0] ? list : null;
    }

    /** @return the constant of {@code type} whose wire name is the string, if it is one of {@code allowed} */
    <E extends Enum<E> & Wire> E constant(JsonPath path, String what, Class<E> type, Set<E> allowed)
            throws IOException {
        String s = text(path, TextLimits.ID);
        if (s == null) {
            return null;
        }
        E e = Wire.parse(type, s);
        if (e == null || !allowed.contains(e)) {
            problems.add(path, "unknown " + what + " \"" + s + "\" (expected " + wireNames(type, allowed) + ")");
            return null;
        }
        return e;
    }

    /** @return like {@link #constant(String, String, Class, Set)}, any constant of {@code type} */
    <E extends Enum<E> & Wire> E constant(JsonPath path, String what, Class<E> type) throws IOException {
        return constant(path, what, type, Set.of(type.getEnumConstants()));
    }

    /** @return an ISO-8601 timestamp that carries an offset, as an instant */
    Instant instant(JsonPath path) throws IOException {
        String s = text(path, TextLimits.ID);
        if (s == null) {
            return null;
        }
        Instant common = commonInstant(s);
        if (common != null) {
            return common;
        }
        try {
            return OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            if (isLocalDateTime(s)) {
                problems.add(path, "timestamp \"" + s + "\" has no offset (expected e.g. " + TIMESTAMP_EXAMPLE + ")");
            } else {
                problems.add(path, "bad timestamp \"" + s + "\" (expected ISO-8601 with an offset, e.g. "
                        + TIMESTAMP_EXAMPLE + ")");
            }
            return null;
        }
    }

    /**
     * The timestamps of nearly every document, {@code 2025-07-03T10:00:00+08:00} (with or without a
     * fraction of 1 to 9 digits, or {@code Z}), read without {@link DateTimeFormatter}, which is slow to
     * start and slow to run for half a million values (issue #9). Any other form, and any such form
     * out of range, is left to {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME}, which gives the same
     * instant or the problem.
     *
     * @return the instant, or {@code null} when {@code s} is not of the common form
     */
    static Instant commonInstant(String s) {
        int n = s.length();
        if (n < 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
                || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 7);
        int day = digits(s, 8, 10);
        int hour = digits(s, 11, 13);
        int minute = digits(s, 14, 16);
        int second = digits(s, 17, 19);
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        int at = 19;
        int nanos = 0;
        if (s.charAt(at) == '.') {
            int end = at + 1;
            while (end < n && end - at <= 9 && s.charAt(end) >= '0' && s.charAt(end) <= '9') {
                end++;
            }
            int width = end - at - 1;
            if (width < 1 || width > 9) {
                return null;
            }
            nanos = digits(s, at + 1, end);
            for (int k = width; k < 9; k++) {
                nanos *= 10;
            }
            at = end;
        }
        java.time.ZoneOffset offset;
        if (at == n - 1 && s.charAt(at) == 'Z') {
            offset = java.time.ZoneOffset.UTC;
        } else if (at == n - 6 && (s.charAt(at) == '+' || s.charAt(at) == '-') && s.charAt(at + 3) == ':') {
            int oh = digits(s, at + 1, at + 3);
            int om = digits(s, at + 4, at + 6);
            if ((oh | om) < 0) {
                return null;
            }
            int sign = s.charAt(at) == '-' ? -1 : 1;
            try {
                offset = java.time.ZoneOffset.ofHoursMinutes(sign * oh, sign * om);
            } catch (java.time.DateTimeException e) {
                return null;
            }
        } else {
            return null;
        }
        try {
            return OffsetDateTime.of(year, month, day, hour, minute, second, nanos, offset).toInstant();
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    /** @return the number written in {@code s[from, to)} with ASCII digits only, or -1 */
    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int k = from; k < to; k++) {
            char c = s.charAt(k);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** @return a date {@code YYYY-MM-DD} */
    LocalDate date(JsonPath path) throws IOException {
        String s = text(path, TextLimits.ID);
        if (s == null) {
            return null;
        }
        if (DATE.matcher(s).matches()) {
            try {
                return LocalDate.parse(s);
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        problems.add(path, "bad date \"" + s + "\" (expected YYYY-MM-DD, e.g. 2026-07-03)");
        return null;
    }

    /** @return a list of dates, or {@code null} when bad or null */
    List<LocalDate> dates(JsonPath path) throws IOException {
        List<LocalDate> list = new ArrayList<>();
        boolean[] bad = {false};
        boolean isArray = array(path, (i, p) -> {
            LocalDate d = date(p);
            if (d == null) {
                if (parser.currentToken() == JsonToken.VALUE_NULL) {
                    problems.add(p, "must not be null");
                }
                bad[0] = true;
            }
            list.add(d);
        });
        return isArray && !bad[0] ? list : null;
    }

    /** @return an integer from {@code min} to {@code max} */
    Integer integer(JsonPath path, int min, int max) throws IOException {
        if (!expect(path, JsonToken.VALUE_NUMBER_INT, "an integer")) {
            return null;
        }
        if (parser.getNumberType() != JsonParser.NumberType.INT || parser.getIntValue() < min
                || parser.getIntValue() > max) {
            problems.add(path, "out of range: " + parser.getText() + " (expected " + min + " to " + max + ")");
            return null;
        }
        return parser.getIntValue();
    }

    /** @return a boolean */
    Boolean bool(JsonPath path) throws IOException {
        JsonToken t = parser.currentToken();
        if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
            return t == JsonToken.VALUE_TRUE;
        }
        expect(path, JsonToken.VALUE_TRUE, "true or false");
        return null;
    }

    /**
     * @return whether the current token is {@code expected}; JSON null gives false without a
     *         report, any other token is reported and skipped
     */
    private boolean expect(JsonPath path, JsonToken expected, String what) throws IOException {
        JsonToken t = parser.currentToken();
        if (t == expected) {
            return true;
        }
        if (t != JsonToken.VALUE_NULL) {
            problems.add(path, "expected " + what + ", found " + describe(t));
            parser.skipChildren();
        }
        return false;
    }

    /** @return a person's name for a token, e.g. "an array" */
    static String describe(JsonToken t) {
        if (t == null) {
            return "the end of the input";
        }
        return switch (t) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> t.name();
        };
    }

    private static boolean isLocalDateTime(String s) {
        try {
            LocalDateTime.parse(s);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static <E extends Enum<E> & Wire> String wireNames(Class<E> type, Set<E> allowed) {
        List<String> names = Arrays.stream(type.getEnumConstants()).filter(allowed::contains).map(Wire::wire)
                .collect(Collectors.toList());
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }
}

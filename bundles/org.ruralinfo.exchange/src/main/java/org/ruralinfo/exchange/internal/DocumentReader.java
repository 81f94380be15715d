package org.ruralinfo.exchange.internal;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.ruralinfo.api.Adoption;
import org.ruralinfo.api.AdoptionLevel;
import org.ruralinfo.api.CalendarYear;
import org.ruralinfo.api.Channel;
import org.ruralinfo.api.ExchangeDocument;
import org.ruralinfo.api.Group;
import org.ruralinfo.api.Item;
import org.ruralinfo.api.ItemStatus;
import org.ruralinfo.api.ItemType;
import org.ruralinfo.api.Notice;
import org.ruralinfo.api.Outlet;
import org.ruralinfo.api.OutletLevel;
import org.ruralinfo.api.Publicity;
import org.ruralinfo.api.Unit;
import org.ruralinfo.api.UnitKind;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Reads the JSON of a document, token by token, into {@link Sections}: the form of every record
 * (JSON types, required fields, enum values, timestamps, dates, text lengths). The rules across
 * records are {@link DocumentValidator}'s.
 */
final class DocumentReader {

    /** Reads the value of one field. */
    @FunctionalInterface
    private interface Value {
        Object read(JsonInput in, JsonPath path) throws IOException;
    }

    /** The fields of one kind of record: how to read each, and which are required. */
    private record Shape(Map<String, Value> fields, String... required) {
    }

    private static final Value ID = JsonInput::id;
    private static final Value REF = JsonInput::ref;
    private static final Value INSTANT = JsonInput::instant;
    private static final Value DATE = JsonInput::date;

    private static Value text(int max) {
        return (in, path) -> in.text(path, max);
    }

    private static final Shape CALENDAR = new Shape(Map.of(
            "year", (in, p) -> in.integer(p, 1000, 9999),
            "holidays", JsonInput::dates,
            "workdays", JsonInput::dates),
            "year");

    private static final Shape UNIT = new Shape(Map.of(
            "id", ID,
            "name", text(TextLimits.NAME),
            "kind", (in, p) -> in.constant(p, "unit kind", UnitKind.class)),
            "id", "name", "kind");

    private static final Shape GROUP = new Shape(Map.of(
            "id", ID,
            "name", text(TextLimits.NAME),
            "lead", REF),
            "id", "name", "lead");

    private static final Shape OUTLET = new Shape(Map.of(
            "name", text(TextLimits.NAME),
            "channel", (in, p) -> in.constant(p, "channel", Channel.class),
            "level", (in, p) -> in.constant(p, "outlet level", OutletLevel.class)),
            "name", "channel", "level");

    private static final Shape NOTICE = new Shape(Map.of(
            "id", ID,
            "title", text(TextLimits.TITLE),
            "requirements", text(TextLimits.REQUIREMENTS),
            "issued_at", INSTANT,
            "deadline", INSTANT,
            "units", JsonInput::refs),
            "id", "deadline", "units");

    private static final Shape ITEM = new Shape(Map.ofEntries(
            Map.entry("id", ID),
            Map.entry("unit", REF),
            Map.entry("type", (in, p) -> in.constant(p, "item type", ItemType.class)),
            Map.entry("title", text(TextLimits.TITLE)),
            Map.entry("body", text(TextLimits.BODY)),
            Map.entry("submitted_at", INSTANT),
            Map.entry("occurred_at", INSTANT),
            Map.entry("notice", REF),
            Map.entry("group", REF),
            Map.entry("follows", ID),
            Map.entry("status", (in, p) -> in.constant(p, "item status", ItemStatus.class,
                    Set.of(ItemStatus.ACCEPTED, ItemStatus.REJECTED))),
            Map.entry("research_qualified", JsonInput::bool)),
            "id", "unit", "type", "title", "submitted_at", "status");

    /** {@code units} and {@code leader} are optional additions of v1 (a combined adoption, the leader's level). */
    private static final Shape ADOPTION = new Shape(Map.of(
            "item", ID,
            "level", (in, p) -> in.constant(p, "adoption level", AdoptionLevel.class),
            "at", DATE,
            "issue", text(TextLimits.ID),
            "units", JsonInput::refs,
            "leader", (in, p) -> in.code(p, TextLimits.LEADER)),
            "item", "level", "at");

    private static final Shape PUBLICITY = new Shape(Map.of(
            "id", ID,
            "unit", REF,
            "channel", (in, p) -> in.constant(p, "channel", Channel.class),
            "outlet", text(TextLimits.NAME),
            "level", (in, p) -> in.constant(p, "outlet level", OutletLevel.class),
            "title", text(TextLimits.TITLE),
            "manuscript", text(TextLimits.ID),
            "published", DATE,
            "reported_at", INSTANT),
            "id", "unit", "channel", "outlet", "published", "reported_at");

    private final JsonInput in;
    private final JsonParser parser;

    DocumentReader(JsonParser parser, Problems problems) {
        this.parser = parser;
        this.in = new JsonInput(parser, problems);
    }

    /**
     * Reads the whole input: one JSON object and nothing after it.
     *
     * @throws IOException when the input is not JSON (a {@code JsonProcessingException}) or cannot be read
     */
    Sections read() throws IOException {
        Problems problems = in.problems();
        Sections doc = new Sections();
        JsonToken first = parser.nextToken();
        if (first != JsonToken.START_OBJECT) {
            problems.add("$", "expected a JSON object with \"format\": \"" + ExchangeDocument.FORMAT
                    + "\", found " + JsonInput.describe(first));
            return doc;
        }
        String[] format = {null};
        Set<String> given = in.object(JsonPath.ROOT, (name, path) -> {
            switch (name) {
                case "format" -> format[0] = in.text(path, TextLimits.ID);
                case "prefecture" -> doc.prefecture = in.id(path);
                case "calendar" -> section(path, doc.calendar, CALENDAR, DocumentReader::calendarYear);
                case "units" -> section(path, doc.units, UNIT,
                        f -> new Unit((String) f.get("id"), (String) f.get("name"), (UnitKind) f.get("kind")));
                case "groups" -> section(path, doc.groups, GROUP,
                        f -> new Group((String) f.get("id"), (String) f.get("name"), (String) f.get("lead")));
                case "outlets" -> section(path, doc.outlets, OUTLET, f -> new Outlet((String) f.get("name"),
                        (Channel) f.get("channel"), (OutletLevel) f.get("level")));
                case "notices" -> section(path, doc.notices, NOTICE, DocumentReader::notice);
                case "items" -> section(path, doc.items, ITEM, DocumentReader::item);
                case "adoptions" -> section(path, doc.adoptions, ADOPTION, DocumentReader::adoption);
                case "publicity" -> section(path, doc.publicity, PUBLICITY, DocumentReader::publicity);
                default -> {
                    return false;
                }
            }
            return true;
        });
        if (given.contains("format") && format[0] != null && !ExchangeDocument.FORMAT.equals(format[0])) {
            problems.add("$.format", "unsupported format \"" + format[0] + "\" (expected \""
                    + ExchangeDocument.FORMAT + "\")");
        } else if (!given.contains("format")) {
            problems.add("$.format", "required field \"format\" is missing or null (expected \""
                    + ExchangeDocument.FORMAT + "\")");
        }
        JsonToken after = parser.nextToken();
        if (after != null) {
            problems.add("$", "unexpected " + JsonInput.describe(after) + " after the document's object");
        }
        return doc;
    }

    /** Reads an array of records; an element that is not an object is reported and listed as null. */
    private <T> void section(JsonPath path, List<T> into, Shape shape, Function<Map<String, Object>, T> build)
            throws IOException {
        in.array(path, (index, elementPath) -> {
            if (parser.currentToken() != JsonToken.START_OBJECT) {
                in.problems().add(elementPath, "expected an object, found " + JsonInput.describe(parser.currentToken()));
                parser.skipChildren();
                into.add(null);
                return;
            }
            Map<String, Object> values = new HashMap<>();
            Set<String> given = in.object(elementPath, (name, fieldPath) -> {
                Value value = shape.fields().get(name);
                if (value == null) {
                    return false;
                }
                Object v = value.read(in, fieldPath);
                if (v != null) {
                    values.put(name, v);
                }
                return true;
            });
            in.require(elementPath, given, shape.required());
            into.add(build.apply(values));
        });
    }

    private static CalendarYear calendarYear(Map<String, Object> f) {
        Integer year = (Integer) f.get("year");
        return new CalendarYear(year == null ? 0 : year, list(f, "holidays"), list(f, "workdays"));
    }

    private static Notice notice(Map<String, Object> f) {
        return new Notice((String) f.get("id"), (String) f.get("title"), (String) f.get("requirements"),
                (Instant) f.get("issued_at"), (Instant) f.get("deadline"), list(f, "units"));
    }

    private static Item item(Map<String, Object> f) {
        return new Item((String) f.get("id"), (String) f.get("unit"), (ItemType) f.get("type"),
                (String) f.get("title"), (String) f.get("body"), (Instant) f.get("submitted_at"),
                (Instant) f.get("occurred_at"), (String) f.get("notice"), (String) f.get("group"),
                (String) f.get("follows"), (ItemStatus) f.get("status"),
                Boolean.TRUE.equals(f.get("research_qualified")));
    }

    private static Adoption adoption(Map<String, Object> f) {
        return new Adoption((String) f.get("item"), (AdoptionLevel) f.get("level"), (LocalDate) f.get("at"),
                (String) f.get("issue"), list(f, "units"), (String) f.get("leader"));
    }

    private static Publicity publicity(Map<String, Object> f) {
        return new Publicity((String) f.get("id"), (String) f.get("unit"), (Channel) f.get("channel"),
                (String) f.get("outlet"), (OutletLevel) f.get("level"), (String) f.get("title"),
                (String) f.get("manuscript"), (LocalDate) f.get("published"), (Instant) f.get("reported_at"));
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> list(Map<String, Object> f, String name) {
        Object v = f.get(name);
        return v == null ? List.of() : (List<T>) v;
    }
}

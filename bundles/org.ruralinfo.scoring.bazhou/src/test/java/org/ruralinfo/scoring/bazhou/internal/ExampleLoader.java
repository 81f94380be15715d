package org.ruralinfo.scoring.bazhou.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

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
import org.ruralinfo.api.Wire;
import org.ruralinfo.exchange.examples.Examples;

/** A small test-only reader of exchange documents v1 into the API records (no validation). */
final class ExampleLoader {
    static final ObjectMapper JSON = new ObjectMapper();

    private ExampleLoader() {
    }

    /** @param name {@link Examples#YEAR} or {@link Examples#EXPECTED}, from the exchange bundle's test jar */
    static JsonNode read(String name) throws IOException {
        try (InputStream in = Examples.open(name)) {
            return JSON.readTree(in);
        }
    }

    static ExchangeDocument load(String name) throws IOException {
        JsonNode d = read(name);
        return new ExchangeDocument(d.path("prefecture").asText(null),
                list(d, "calendar", n -> new CalendarYear(n.get("year").asInt(), dates(n.path("holidays")),
                        dates(n.path("workdays")))),
                list(d, "units", n -> new Unit(text(n, "id"), text(n, "name"), wire(UnitKind.class, n, "kind"))),
                list(d, "groups", n -> new Group(text(n, "id"), text(n, "name"), text(n, "lead"))),
                list(d, "outlets", n -> new Outlet(text(n, "name"), wire(Channel.class, n, "channel"),
                        wire(OutletLevel.class, n, "level"))),
                list(d, "notices", n -> new Notice(text(n, "id"), text(n, "title"), text(n, "requirements"),
                        instant(n, "issued_at"), instant(n, "deadline"), strings(n.path("units")))),
                list(d, "items", n -> new Item(text(n, "id"), text(n, "unit"), wire(ItemType.class, n, "type"),
                        text(n, "title"), text(n, "body"), instant(n, "submitted_at"), instant(n, "occurred_at"),
                        text(n, "notice"), text(n, "group"), text(n, "follows"), wire(ItemStatus.class, n, "status"),
                        n.path("research_qualified").asBoolean(false))),
                list(d, "adoptions", n -> new Adoption(text(n, "item"), wire(AdoptionLevel.class, n, "level"),
                        LocalDate.parse(text(n, "at")), text(n, "issue"))),
                list(d, "publicity", n -> new Publicity(text(n, "id"), text(n, "unit"),
                        wire(Channel.class, n, "channel"), text(n, "outlet"), wire(OutletLevel.class, n, "level"),
                        text(n, "title"), text(n, "manuscript"), LocalDate.parse(text(n, "published")),
                        instant(n, "reported_at"))));
    }

    private static <T> List<T> list(JsonNode doc, String section, Function<JsonNode, T> read) {
        List<T> out = new ArrayList<>();
        doc.path(section).forEach(n -> out.add(read.apply(n)));
        return out;
    }

    static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    static Instant instant(JsonNode n, String field) {
        String t = text(n, field);
        return t == null ? null : OffsetDateTime.parse(t).toInstant();
    }

    private static <E extends Enum<E> & Wire> E wire(Class<E> type, JsonNode n, String field) {
        return Wire.parse(type, text(n, field));
    }

    private static List<LocalDate> dates(JsonNode array) {
        List<LocalDate> out = new ArrayList<>();
        array.forEach(n -> out.add(LocalDate.parse(n.asText())));
        return out;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}

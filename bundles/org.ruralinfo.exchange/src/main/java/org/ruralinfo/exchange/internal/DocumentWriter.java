package org.ruralinfo.exchange.internal;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.ruralinfo.api.Adoption;
import org.ruralinfo.api.CalendarYear;
import org.ruralinfo.api.ExchangeDocument;
import org.ruralinfo.api.Group;
import org.ruralinfo.api.Item;
import org.ruralinfo.api.Notice;
import org.ruralinfo.api.Outlet;
import org.ruralinfo.api.Publicity;
import org.ruralinfo.api.Unit;
import org.ruralinfo.api.Wire;

import com.fasterxml.jackson.core.JsonGenerator;

/**
 * Writes a document in the format v1, section by section and field by field in the order of the
 * specification; absent values are written as {@code null}.
 */
final class DocumentWriter {

    /** Local time of every rule of the format (+08:00). */
    static final ZoneId LOCAL_TIME = ZoneId.of("Asia/Shanghai");

    @FunctionalInterface
    private interface RecordWriter<T> {
        void write(T record) throws IOException;
    }

    private final JsonGenerator out;

    DocumentWriter(JsonGenerator out) {
        this.out = out;
    }

    void write(ExchangeDocument doc) throws IOException {
        out.writeStartObject();
        out.writeStringField("format", ExchangeDocument.FORMAT);
        text("prefecture", doc.prefecture());
        section("calendar", doc.calendar(), this::calendarYear);
        section("units", doc.units(), this::unit);
        section("groups", doc.groups(), this::group);
        section("outlets", doc.outlets(), this::outlet);
        section("notices", doc.notices(), this::notice);
        section("items", doc.items(), this::item);
        section("adoptions", doc.adoptions(), this::adoption);
        section("publicity", doc.publicity(), this::publicity);
        out.writeEndObject();
    }

    private <T> void section(String name, List<T> records, RecordWriter<T> writer) throws IOException {
        out.writeArrayFieldStart(name);
        for (T record : records) {
            out.writeStartObject();
            writer.write(record);
            out.writeEndObject();
        }
        out.writeEndArray();
    }

    private void calendarYear(CalendarYear y) throws IOException {
        out.writeNumberField("year", y.year());
        dates("holidays", y.holidays());
        dates("workdays", y.workdays());
    }

    private void unit(Unit u) throws IOException {
        text("id", u.id());
        text("name", u.name());
        constant("kind", u.kind());
    }

    private void group(Group g) throws IOException {
        text("id", g.id());
        text("name", g.name());
        text("lead", g.lead());
    }

    private void outlet(Outlet o) throws IOException {
        text("name", o.name());
        constant("channel", o.channel());
        constant("level", o.level());
    }

    private void notice(Notice n) throws IOException {
        text("id", n.id());
        text("title", n.title());
        text("requirements", n.requirements());
        instant("issued_at", n.issuedAt());
        instant("deadline", n.deadline());
        out.writeArrayFieldStart("units");
        for (String unit : n.units()) {
            out.writeString(unit);
        }
        out.writeEndArray();
    }

    private void item(Item it) throws IOException {
        text("id", it.id());
        text("unit", it.unit());
        constant("type", it.type());
        text("title", it.title());
        text("body", it.body());
        instant("submitted_at", it.submittedAt());
        instant("occurred_at", it.occurredAt());
        text("notice", it.notice());
        text("group", it.group());
        text("follows", it.follows());
        constant("status", it.status());
        out.writeBooleanField("research_qualified", it.researchQualified());
    }

    private void adoption(Adoption a) throws IOException {
        text("item", a.item());
        constant("level", a.level());
        date("at", a.at());
        text("issue", a.issue());
        // optional additions of v1: written only when given, so documents without them stay as before
        if (!a.units().isEmpty()) {
            out.writeArrayFieldStart("units");
            for (String unit : a.units()) {
                out.writeString(unit);
            }
            out.writeEndArray();
        }
        if (a.leader() != null) {
            text("leader", a.leader());
        }
    }

    private void publicity(Publicity p) throws IOException {
        text("id", p.id());
        text("unit", p.unit());
        constant("channel", p.channel());
        text("outlet", p.outlet());
        constant("level", p.level());
        text("title", p.title());
        text("manuscript", p.manuscript());
        date("published", p.published());
        instant("reported_at", p.reportedAt());
    }

    private void text(String name, String value) throws IOException {
        out.writeFieldName(name);
        if (value == null) {
            out.writeNull();
        } else {
            out.writeString(value);
        }
    }

    private void constant(String name, Wire value) throws IOException {
        text(name, value == null ? null : value.wire());
    }

    private void instant(String name, Instant value) throws IOException {
        text(name, value == null ? null
                : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value.atZone(LOCAL_TIME).toOffsetDateTime()));
    }

    private void date(String name, LocalDate value) throws IOException {
        text(name, value == null ? null : value.toString());
    }

    private void dates(String name, List<LocalDate> values) throws IOException {
        out.writeArrayFieldStart(name);
        for (LocalDate d : values) {
            out.writeString(d.toString());
        }
        out.writeEndArray();
    }
}

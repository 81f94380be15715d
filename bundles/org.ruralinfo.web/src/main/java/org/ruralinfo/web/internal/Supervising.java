package org.ruralinfo.web.internal;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.ruralinfo.api.AdoptionLevel;
import org.ruralinfo.commissioning.CommissioningException;
import org.ruralinfo.commissioning.NoticeView;
import org.ruralinfo.commissioning.UnitDelivery;
import org.ruralinfo.supervision.Circular;
import org.ruralinfo.supervision.MonthlySummary;
import org.ruralinfo.supervision.Reminder;
import org.ruralinfo.supervision.Spreadsheets;
import org.ruralinfo.supervision.Suggestion;
import org.ruralinfo.supervision.SupervisionException;
import org.ruralinfo.supervision.SupervisionReport;
import org.ruralinfo.supervision.Training;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What the commissioning and supervision servlets share: their refusals as API errors, the month and
 * timestamp parameters, the spreadsheet negotiation and the JSON shapes of API v1 (fixed fields first, in the
 * spec's order).
 */
final class Supervising {
    private Supervising() {
    }

    /** Runs a call of the commissioning or supervision services, their refusals as 403/404/409. */
    static <T> T call(Supplier<T> work) {
        try {
            return work.get();
        } catch (CommissioningException e) {
            throw switch (e.kind()) {
                case NOT_FOUND -> ApiException.notFound(e.getMessage());
                case FORBIDDEN -> ApiException.forbidden(e.getMessage());
            };
        } catch (SupervisionException e) {
            throw switch (e.kind()) {
                case NOT_FOUND -> ApiException.notFound(e.getMessage());
                case FORBIDDEN -> ApiException.forbidden(e.getMessage());
                case CONFLICT -> new ApiException(409, "Conflict", e.getMessage());
            };
        }
    }

    static YearMonth month(HttpServletRequest req) {
        String v = req.getParameter("month");
        try {
            if (v != null && v.matches("\\d{4}-\\d{2}")) {
                return YearMonth.parse(v);
            }
        } catch (DateTimeParseException e) {
            // below
        }
        throw ApiException.badRequest("month", "a month like 2025-07 is required");
    }

    static Instant instant(JsonNode body, String field, boolean required) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw ApiException.badRequest("$." + field, "is required");
            }
            return null;
        }
        try {
            return OffsetDateTime.parse(v.asText()).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("$." + field, "a timestamp with an offset, e.g. 2026-07-03T10:00:00+08:00");
        }
    }

    static LocalDate date(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            throw ApiException.badRequest("$." + field, "is required (YYYY-MM-DD)");
        }
        try {
            return LocalDate.parse(v.asText());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("$." + field, "a date like 2025-07-03");
        }
    }

    static String optionalText(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw ApiException.badRequest("$." + field, "must be a string");
        }
        return v.asText();
    }

    static List<String> strings(JsonNode body, String field, boolean required) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw ApiException.badRequest("$." + field, "is required");
            }
            return List.of();
        }
        if (!v.isArray()) {
            throw ApiException.badRequest("$." + field, "must be an array of strings");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            if (!v.get(i).isTextual()) {
                throw ApiException.badRequest("$." + field + "[" + i + "]", "must be a string");
            }
            out.add(v.get(i).asText());
        }
        return out;
    }

    /** @return whether the client asked for a spreadsheet ({@code Accept} or {@code format=xlsx}) */
    static boolean xlsx(HttpServletRequest req) {
        return "xlsx".equals(req.getParameter("format"))
                || String.valueOf(req.getHeader("Accept")).contains(Spreadsheets.XLSX);
    }

    /** Sends a workbook the writer makes. */
    static void sendXlsx(HttpServletResponse resp, String filename, XlsxWriter writer) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        writer.write(bytes);
        resp.setStatus(200);
        resp.setContentType(Spreadsheets.XLSX);
        resp.setHeader("Cache-Control", "no-store");
        resp.setHeader("Content-Disposition", "attachment; filename=\"" + filename + "\"");
        resp.setContentLength(bytes.size());
        bytes.writeTo(resp.getOutputStream());
    }

    @FunctionalInterface
    interface XlsxWriter {
        void write(java.io.OutputStream out) throws IOException;
    }

    // ---- shapes ---------------------------------------------------------------------------------------

    static Map<String, Object> notice(NoticeView n) {
        List<Object> units = new ArrayList<>();
        for (UnitDelivery u : n.units()) {
            units.add(Documents.ordered("unit", u.unit(), "status", u.status().wire(), "items", u.items(),
                    "writer", u.writer()));
        }
        return Documents.ordered("id", n.id(), "title", n.title(), "deadline", ItemDocuments.time(n.deadline()),
                "units", units, "requirements", n.requirements(), "issued_at", ItemDocuments.time(n.issuedAt()),
                "issued_by", n.issuedBy());
    }

    static Map<String, Object> progress(SupervisionReport.Progress p, boolean withGroup) {
        if (p == null) {
            return null;
        }
        Map<String, Object> m = Documents.ordered("required", p.required(), "counted", p.counted());
        if (withGroup) {
            m.put("group", p.group());
        }
        m.put("period", p.period());
        m.put("ref", p.ref());
        m.put("ended", p.ended());
        m.put("missing", p.missing());
        m.put("lost", p.lost());
        return m;
    }

    static Map<String, Object> supervision(SupervisionReport r) {
        List<Object> units = new ArrayList<>();
        for (SupervisionReport.Row u : r.units()) {
            Map<String, Object> research = null;
            if (u.research() != null) {
                research = Documents.ordered("period", u.research().period(), "required", u.research().required(),
                        "counted", u.research().counted(), "ref", u.research().ref(), "ended", u.research().ended(),
                        "lost", u.research().lost());
            }
            units.add(Documents.ordered("unit", u.unit(), "kind", u.kind().wire(),
                    "quota", progress(u.quota(), false), "research", research,
                    "overdue", u.overdue().stream().map(o -> (Object) Documents.ordered("ref", o.ref(),
                            "deadline", ItemDocuments.time(o.deadline()), "title", o.title())).toList(),
                    "reminders", u.reminders().stream().map(x -> (Object) Documents.ordered("kind", x.kind().wire(),
                            "at", ItemDocuments.time(x.at()), "id", x.id(), "subject", x.subject())).toList(),
                    "name", u.name(), "groups", u.groups().stream().map(g -> (Object) progress(g, true)).toList(),
                    "behind", u.behind(), "lost", u.lost()));
        }
        return Documents.ordered("month", r.month().toString(), "units", units, "as_of", ItemDocuments.time(r.asOf()),
                "policy", r.policy());
    }

    static Map<String, Object> summary(MonthlySummary s) {
        List<Object> units = new ArrayList<>();
        for (MonthlySummary.Row u : s.units()) {
            units.add(Documents.ordered("unit", u.unit(), "submitted", u.submitted(), "accepted", u.accepted(),
                    "rejected", u.rejected(), "adopted", Documents.ordered(
                            "prefecture_briefing", u.adopted().getOrDefault(AdoptionLevel.PREFECTURE_BRIEFING, 0),
                            "region_publication", u.adopted().getOrDefault(AdoptionLevel.REGION_PUBLICATION, 0),
                            "region_instruction", u.adopted().getOrDefault(AdoptionLevel.REGION_INSTRUCTION, 0)),
                    "shortfall", u.shortfall(), "name", u.name(), "kind", u.kind().wire()));
        }
        return Documents.ordered("month", s.month().toString(), "units", units);
    }

    static Map<String, Object> reminder(Reminder r) {
        return Documents.ordered("id", r.id(), "unit", r.unit(), "kind", r.kind().wire(), "subject", r.subject(),
                "note", r.note(), "caller", r.caller(), "callee", r.callee(), "at", ItemDocuments.time(r.at()),
                "doc_no", r.docNo(), "document", r.docNo() == null ? null : "/api/v1/reminders/" + r.id() + "/document",
                "created_by", r.createdBy(), "created_at", ItemDocuments.time(r.createdAt()));
    }

    static Map<String, Object> suggestion(Suggestion s) {
        return Documents.ordered("id", s.id(), "unit", s.unit(), "subject", s.subject(), "reason", s.reason(),
                "due", ItemDocuments.time(s.due()), "check_date", s.checkDate().toString());
    }

    static Map<String, Object> circular(Circular c) {
        return Documents.ordered("id", c.id(), "doc_no", c.docNo(), "title", c.title(), "note", c.note(),
                "issued_by", c.issuedBy(), "issued_at", ItemDocuments.time(c.issuedAt()),
                "units", c.units().stream().map(e -> (Object) Documents.ordered("unit", e.unit(), "name", e.name(),
                        "subject", e.subject(), "history", e.history().stream()
                                .map(r -> (Object) Documents.ordered("id", r.id(), "kind", r.kind().wire(),
                                        "at", ItemDocuments.time(r.at()), "caller", r.caller(), "callee", r.callee(),
                                        "note", r.note(), "doc_no", r.docNo())).toList())).toList());
    }

    static Map<String, Object> training(Training.Session s) {
        return Documents.ordered("id", s.id(), "unit", s.unit(), "form", s.form().wire(), "date", s.date().toString(),
                "title", s.title(), "attendees", s.attendees(), "attendee_count", s.attendees().size(), "note", s.note(),
                "created_by", s.createdBy(), "created_at", ItemDocuments.time(s.createdAt()));
    }
}

package org.ruralinfo.web.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.ruralinfo.api.Adoption;
import org.ruralinfo.api.Item;
import org.ruralinfo.intake.Action;
import org.ruralinfo.intake.Attachment;
import org.ruralinfo.intake.CopyCheck;
import org.ruralinfo.intake.Deadline;
import org.ruralinfo.intake.HistoryEntry;
import org.ruralinfo.intake.ItemPage;
import org.ruralinfo.intake.ItemSummary;
import org.ruralinfo.intake.ItemView;
import org.ruralinfo.intake.Signoff;

/**
 * The JSON shapes of the items API (API v1 {@code /api/v1/items}): field names as in exchange v1 where
 * they are the same record, timestamps as ISO-8601 with the Asia/Shanghai offset.
 */
final class ItemDocuments {
    /**
     * The offset every timestamp of the API carries: that of the exchange format (docs/spec/exchange-v1.md,
     * Asia/Shanghai, +08:00), a rule of the wire format shared with other installations, not the site's setting.
     */
    private static final ZoneId WIRE = ZoneId.of("Asia/Shanghai");

    private ItemDocuments() {
    }

    static String time(Instant t) {
        return t == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t.atZone(WIRE).toOffsetDateTime());
    }

    static Map<String, Object> item(ItemView v) {
        Item i = v.item();
        String base = "/api/v1/items/" + i.id();
        return Documents.ordered(
                "id", i.id(),
                "unit", i.unit(),
                "type", i.type().wire(),
                "title", i.title(),
                "body", i.body(),
                "status", i.status().wire(),
                "occurred_at", time(i.occurredAt()),
                "notice", i.notice(),
                "group", i.group(),
                "follows", i.follows(),
                "research_qualified", i.researchQualified(),
                "created_by", v.createdBy(),
                "created_at", time(v.createdAt()),
                "updated_at", time(v.updatedAt()),
                "submitted_at", time(i.submittedAt()),
                "deadline", deadline(v.deadline()),
                "late", v.deadline() != null && v.deadline().late(),
                "confidentiality_check", signoff(v.confidentiality(), "reviewer", "verdict"),
                "signed", signoff(v.signed(), "signer", null),
                "screened", signoff(v.screened(), "editor", "reject_reason"),
                "forwarded", signoff(v.forwarded(), "by", null),
                "copy_check", copyCheck(v.copyCheck()),
                "adoptions", adoptions(v.adoptions()),
                "attachments", attachments(base, v.attachments()),
                "history", history(v.history()),
                "actions", v.actions().stream().map(Action::wire).toList());
    }

    static Map<String, Object> page(ItemPage p) {
        List<Object> items = new ArrayList<>();
        for (ItemSummary s : p.items()) {
            items.add(Documents.ordered(
                    "id", s.id(),
                    "unit", s.unit(),
                    "type", s.type().wire(),
                    "title", s.title(),
                    "status", s.status().wire(),
                    "created_at", time(s.createdAt()),
                    "submitted_at", time(s.submittedAt()),
                    "deadline", deadline(s.deadline()),
                    "late", s.deadline() != null && s.deadline().late()));
        }
        return Documents.ordered("items", items, "page", p.page(), "size", p.size(), "total", p.total());
    }

    private static Map<String, Object> deadline(Deadline d) {
        return d == null ? null : Documents.ordered("due", time(d.due()), "rule", d.rule(), "late", d.late());
    }

    private static Map<String, Object> signoff(Signoff s, String who, String note) {
        if (s == null) {
            return null;
        }
        return note == null ? Documents.ordered(who, s.by(), "at", time(s.at()))
                : Documents.ordered(who, s.by(), "at", time(s.at()), note, s.note());
    }

    private static Map<String, Object> copyCheck(CopyCheck c) {
        return c == null ? null : Documents.ordered("similar_to", c.similarTo(), "similarity", c.similarity(),
                "overlap", c.overlap(), "checked_at", time(c.checkedAt()));
    }

    static List<Object> adoptions(List<Adoption> adoptions) {
        List<Object> out = new ArrayList<>();
        for (Adoption a : adoptions) {
            out.add(Documents.ordered("level", a.level().wire(), "at", a.at().toString(), "issue", a.issue()));
        }
        return out;
    }

    static List<Object> attachments(String base, List<Attachment> list) {
        List<Object> out = new ArrayList<>();
        for (Attachment a : list) {
            out.add(attachment(base, a));
        }
        return out;
    }

    static Map<String, Object> attachment(String base, Attachment a) {
        return Documents.ordered("n", a.seq(), "name", a.name(), "type", a.mediaType(), "size", a.size(),
                "sha256", a.sha256(), "created_at", time(a.createdAt()), "created_by", a.createdBy(),
                "href", base + "/attachments/" + a.seq());
    }

    private static List<Object> history(List<HistoryEntry> entries) {
        List<Object> out = new ArrayList<>();
        for (HistoryEntry h : entries) {
            out.add(Documents.ordered("at", time(h.at()), "actor", h.actor(), "action", h.action(),
                    "from", h.from() == null ? null : h.from().wire(), "to", h.to().wire(), "comment", h.comment()));
        }
        return out;
    }
}

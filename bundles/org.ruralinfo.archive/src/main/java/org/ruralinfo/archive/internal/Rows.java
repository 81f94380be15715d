package org.ruralinfo.archive.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ruralinfo.api.Columns;
import org.ruralinfo.api.Adoption;
import org.ruralinfo.api.AdoptionLevel;
import org.ruralinfo.api.Item;
import org.ruralinfo.api.ItemStatus;
import org.ruralinfo.api.ItemType;
import org.ruralinfo.api.Wire;

/**
 * Reads what the archive files from the tables of the store (V1, V3, V4): items with their forwarding,
 * adoptions, attachments, history and audit rows. Read only; the archive writes only its own tables.
 */
final class Rows {
    static final String REGIONAL = "('region_publication', 'region_instruction')";
    private static final String ITEM_COLUMNS = "i.id, i.unit, i.type, i.title, i.body, i.submitted_at, i.occurred_at, "
            + "i.notice, i.group_id, i.follows, i.status, i.research_qualified, i.forwarded_at, i.forwarded_by";

    /** An item with its forwarding to the region. */
    record ItemRow(Item item, Instant forwardedAt, String forwardedBy) {
    }

    record AttachmentRow(String item, int seq, String name, String mediaType, long size, String sha256,
            Instant createdAt, String createdBy) {
    }

    private Rows() {
    }

    /**
     * Art. 12: the accepted items submitted in [from, to) that were forwarded to the region or adopted at
     * a regional level: an open volume's content.
     */
    static List<ItemRow> volumeItems(Connection c, Instant from, Instant to) throws SQLException {
        return items(c, "i.status = 'accepted' AND i.submitted_at >= ? AND i.submitted_at < ? AND (i.forwarded_at "
                + "IS NOT NULL OR EXISTS (SELECT 1 FROM adoptions a WHERE a.item = i.id AND a.level IN " + REGIONAL
                + "))", from, to);
    }

    /** The items of a closed volume (its lock rows). */
    static List<ItemRow> closedItems(Connection c, int year) throws SQLException {
        return items(c, "i.id IN (SELECT item FROM archive_items WHERE vol_year = ?)", year);
    }

    /** A unit's screened items submitted in [from, to): an exchange package's content. */
    static List<ItemRow> unitItems(Connection c, String unit, Instant from, Instant to) throws SQLException {
        return items(c, "i.unit = ? AND i.status IN ('accepted', 'rejected') AND i.submitted_at >= ? "
                + "AND i.submitted_at < ?", unit, from, to);
    }

    static List<ItemRow> byId(Connection c, String id) throws SQLException {
        return items(c, "i.id = ?", id);
    }

    private static List<ItemRow> items(Connection c, String where, Object... args) throws SQLException {
        List<ItemRow> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + ITEM_COLUMNS + " FROM items i WHERE " + where
                + " ORDER BY i.id")) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Item item = new Item(rs.getString("id"), rs.getString("unit"),
                            Wire.parse(ItemType.class, rs.getString("type")), rs.getString("title"),
                            rs.getString("body"), Columns.instant(rs, "submitted_at"), Columns.instant(rs, "occurred_at"),
                            rs.getString("notice"), rs.getString("group_id"), rs.getString("follows"),
                            Wire.parse(ItemStatus.class, rs.getString("status")), rs.getBoolean("research_qualified"));
                    out.add(new ItemRow(item, Columns.instant(rs, "forwarded_at"), rs.getString("forwarded_by")));
                }
            }
        }
        return out;
    }

    /** Regional items submitted in [from, to) that a closed volume does not hold (came after it closed). */
    static List<String> pending(Connection c, int year, Instant from, Instant to) throws SQLException {
        List<String> out = new ArrayList<>();
        for (ItemRow r : volumeItems(c, from, to)) {
            out.add(r.item().id());
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT item FROM archive_items WHERE vol_year = ?")) {
            ps.setInt(1, year);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.remove(rs.getString(1));
                }
            }
        }
        return out;
    }

    static Map<String, List<Adoption>> adoptions(Connection c, Set<String> ids) throws SQLException {
        Map<String, List<Adoption>> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT item, level, at, issue, credited_units, leader_level FROM adoptions ORDER BY item, level");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String item = rs.getString("item");
                if (ids.contains(item)) {
                    String credited = rs.getString("credited_units");
                    List<String> units = credited == null || credited.isEmpty() ? List.of()
                            : List.of(credited.split(","));
                    out.computeIfAbsent(item, k -> new ArrayList<>()).add(new Adoption(item,
                            Wire.parse(AdoptionLevel.class, rs.getString("level")), Columns.date(rs, "at"),
                            rs.getString("issue"), units, rs.getString("leader_level")));
                }
            }
        }
        return out;
    }

    static Map<String, List<AttachmentRow>> attachments(Connection c, Set<String> ids) throws SQLException {
        Map<String, List<AttachmentRow>> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT item, seq, name, media_type, size_bytes, sha256, "
                + "created_at, created_by FROM attachments ORDER BY item, seq"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String item = rs.getString("item");
                if (ids.contains(item)) {
                    out.computeIfAbsent(item, k -> new ArrayList<>()).add(new AttachmentRow(item, rs.getInt("seq"),
                            rs.getString("name"), rs.getString("media_type"), rs.getLong("size_bytes"),
                            rs.getString("sha256"), Columns.instant(rs, "created_at"), rs.getString("created_by")));
                }
            }
        }
        return out;
    }

    /** @return each item's workflow history (item_history), oldest first, as JSON-ready maps */
    static Map<String, List<Map<String, Object>>> history(Connection c, Set<String> ids, Json json)
            throws SQLException {
        Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT item, at, actor, action, from_status, to_status, note "
                + "FROM item_history ORDER BY id"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String item = rs.getString("item");
                if (ids.contains(item)) {
                    out.computeIfAbsent(item, k -> new ArrayList<>()).add(Json.ordered("at",
                            json.time(Columns.instant(rs, "at")), "actor", rs.getString("actor"), "action",
                            rs.getString("action"), "from", rs.getString("from_status"), "to",
                            rs.getString("to_status"), "note", rs.getString("note")));
                }
            }
        }
        return out;
    }

    /** @return each item's audit rows ({@code target = item:<id>}), oldest first */
    static Map<String, List<Map<String, Object>>> audit(Connection c, Set<String> ids, Json json) throws SQLException {
        Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, at, actor, action, target, detail FROM audit "
                + "WHERE target LIKE 'item:%' ORDER BY id"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String item = rs.getString("target").substring("item:".length());
                if (ids.contains(item)) {
                    out.computeIfAbsent(item, k -> new ArrayList<>()).add(Json.ordered("id", rs.getLong("id"), "at",
                            json.time(Columns.instant(rs, "at")), "actor", rs.getString("actor"), "action",
                            rs.getString("action"), "detail", rs.getString("detail")));
                }
            }
        }
        return out;
    }

    static boolean closed(Connection c, int year) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM archive_volumes WHERE vol_year = ?")) {
            ps.setInt(1, year);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            if (a instanceof Instant t) {
                Columns.instant(ps, i + 1, t);
            } else if (a instanceof java.time.LocalDate d) {
                Columns.date(ps, i + 1, d);
            } else if (a instanceof Integer n) {
                ps.setInt(i + 1, n);
            } else if (a instanceof Long n) {
                ps.setLong(i + 1, n);
            } else if (a instanceof Boolean b) {
                ps.setBoolean(i + 1, b);
            } else {
                Columns.text(ps, i + 1, (String) a);
            }
        }
    }
}

package org.ruralinfo.intake.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.ruralinfo.api.Columns;
import org.ruralinfo.api.Adoption;
import org.ruralinfo.api.AdoptionLevel;
import org.ruralinfo.api.Item;
import org.ruralinfo.api.ItemStatus;
import org.ruralinfo.api.ItemType;
import org.ruralinfo.api.Wire;
import org.ruralinfo.intake.Attachment;
import org.ruralinfo.intake.CopyCheck;
import org.ruralinfo.intake.HistoryEntry;

/** The SQL of items and their history, adoptions, attachments and copy checks (V1, V3). */
final class ItemRows {
    static final String COLUMNS = "id, unit, type, title, body, submitted_at, occurred_at, notice, group_id, "
            + "follows, status, research_qualified, created_by, created_at, updated_at, deadline_at, deadline_rule, "
            + "checked_by, checked_at, check_verdict, signed_by, screened_by, screened_at, reject_reason, "
            + "forwarded_at, forwarded_by";

    /** The width of {@code item_history.note} (V3). */
    static final int NOTE_WIDTH = 4000;

    private ItemRows() {
    }

    static Optional<Row> find(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM items WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    /** @return whether an item with this id exists (imported items may have taken a number) */
    static boolean exists(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM items WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    static Row row(ResultSet rs) throws SQLException {
        Item item = new Item(rs.getString("id"), rs.getString("unit"), Wire.parse(ItemType.class, rs.getString("type")),
                rs.getString("title"), rs.getString("body"), Columns.instant(rs, "submitted_at"),
                Columns.instant(rs, "occurred_at"), rs.getString("notice"), rs.getString("group_id"),
                rs.getString("follows"), Wire.parse(ItemStatus.class, rs.getString("status")),
                rs.getBoolean("research_qualified"));
        return new Row(item, rs.getString("created_by"), Columns.instant(rs, "created_at"), Columns.instant(rs, "updated_at"),
                Columns.instant(rs, "deadline_at"), rs.getString("deadline_rule"), rs.getString("checked_by"),
                Columns.instant(rs, "checked_at"), rs.getString("check_verdict"), rs.getString("signed_by"),
                rs.getString("screened_by"), Columns.instant(rs, "screened_at"), rs.getString("reject_reason"),
                Columns.instant(rs, "forwarded_at"), rs.getString("forwarded_by"));
    }

    static void insert(Connection c, Item i, String by, Instant now, Deadlines.Due due) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO items (id, unit, type, title, body, submitted_at, "
                + "occurred_at, notice, group_id, follows, status, research_qualified, created_by, created_at, "
                + "updated_at, deadline_at, deadline_rule) VALUES (?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, FALSE, ?, ?, ?, ?, ?)")) {
            ps.setString(1, i.id());
            ps.setString(2, i.unit());
            ps.setString(3, i.type().wire());
            ps.setString(4, i.title());
            ps.setString(5, i.body());
            Columns.instant(ps, 6, i.occurredAt());
            Columns.text(ps, 7, i.notice());
            Columns.text(ps, 8, i.group());
            Columns.text(ps, 9, i.follows());
            ps.setString(10, i.status().wire());
            ps.setString(11, by);
            Columns.instant(ps, 12, now);
            Columns.instant(ps, 13, now);
            Columns.instant(ps, 14, due == null ? null : due.at());
            Columns.text(ps, 15, due == null ? null : due.rule());
            ps.executeUpdate();
        }
    }

    /** Replaces what the officer wrote of an editable item; @return whether it was still in {@code status} */
    static boolean edit(Connection c, Item i, ItemStatus status, Instant now, Deadlines.Due due) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE items SET type = ?, title = ?, body = ?, occurred_at = ?, "
                + "notice = ?, group_id = ?, follows = ?, updated_at = ?, deadline_at = ?, deadline_rule = ? "
                + "WHERE id = ? AND status = ?")) {
            ps.setString(1, i.type().wire());
            ps.setString(2, i.title());
            ps.setString(3, i.body());
            Columns.instant(ps, 4, i.occurredAt());
            Columns.text(ps, 5, i.notice());
            Columns.text(ps, 6, i.group());
            Columns.text(ps, 7, i.follows());
            Columns.instant(ps, 8, now);
            Columns.instant(ps, 9, due == null ? null : due.at());
            Columns.text(ps, 10, due == null ? null : due.rule());
            ps.setString(11, i.id());
            ps.setString(12, status.wire());
            return ps.executeUpdate() == 1;
        }
    }

    /**
     * Moves an item from {@code from} to {@code to} and sets {@code assignments} (column = ? pairs) in the same
     * statement; @return whether the item was still in {@code from} (else someone was first)
     */
    static boolean move(Connection c, String id, ItemStatus from, ItemStatus to, Instant now, String assignments,
            Object... values) throws SQLException {
        String set = "status = ?, updated_at = ?" + (assignments.isEmpty() ? "" : ", " + assignments);
        try (PreparedStatement ps = c.prepareStatement("UPDATE items SET " + set + " WHERE id = ? AND status = ?")) {
            int n = 1;
            ps.setString(n++, to.wire());
            Columns.instant(ps, n++, now);
            for (Object v : values) {
                if (v instanceof Instant t) {
                    Columns.instant(ps, n++, t);
                } else if (v instanceof Boolean b) {
                    ps.setBoolean(n++, b);
                } else {
                    Columns.text(ps, n++, (String) v);
                }
            }
            ps.setString(n++, id);
            ps.setString(n, from.wire());
            return ps.executeUpdate() == 1;
        }
    }

    static void history(Connection c, String item, Instant at, String actor, String action, ItemStatus from,
            ItemStatus to, String note) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO item_history (item, at, actor, action, from_status, "
                + "to_status, note) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, item);
            Columns.instant(ps, 2, at);
            ps.setString(3, actor);
            ps.setString(4, action);
            Columns.text(ps, 5, from == null ? null : from.wire());
            ps.setString(6, to.wire());
            Columns.text(ps, 7, note == null || note.length() <= NOTE_WIDTH ? note : note.substring(0, NOTE_WIDTH));
            ps.executeUpdate();
        }
    }

    static List<HistoryEntry> history(Connection c, String item) throws SQLException {
        List<HistoryEntry> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT at, actor, action, from_status, to_status, note "
                + "FROM item_history WHERE item = ? ORDER BY id")) {
            ps.setString(1, item);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String from = rs.getString("from_status");
                    out.add(new HistoryEntry(Columns.instant(rs, "at"), rs.getString("actor"), rs.getString("action"),
                            from == null ? null : Wire.parse(ItemStatus.class, from),
                            Wire.parse(ItemStatus.class, rs.getString("to_status")), rs.getString("note")));
                }
            }
        }
        return out;
    }

    static List<Adoption> adoptions(Connection c, String item) throws SQLException {
        List<Adoption> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT item, level, at, issue FROM adoptions WHERE item = ? "
                + "ORDER BY at, level")) {
            ps.setString(1, item);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Adoption(rs.getString("item"), Wire.parse(AdoptionLevel.class, rs.getString("level")),
                            Columns.date(rs, "at"), rs.getString("issue")));
                }
            }
        }
        return out;
    }

    static List<Attachment> attachments(Connection c, String item) throws SQLException {
        List<Attachment> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT seq, name, media_type, size_bytes, sha256, created_at, "
                + "created_by FROM attachments WHERE item = ? ORDER BY seq")) {
            ps.setString(1, item);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Attachment(rs.getInt("seq"), rs.getString("name"), rs.getString("media_type"),
                            rs.getLong("size_bytes"), rs.getString("sha256"), Columns.instant(rs, "created_at"),
                            rs.getString("created_by")));
                }
            }
        }
        return out;
    }

    static Optional<CopyCheck> copyCheck(Connection c, String item) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT similar_to, similarity, overlap, checked_at "
                + "FROM item_copy_checks WHERE item = ?")) {
            ps.setString(1, item);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new CopyCheck(rs.getString("similar_to"), rs.getDouble("similarity"),
                        rs.getString("overlap"), Columns.instant(rs, "checked_at"))) : Optional.empty();
            }
        }
    }

    /** Replaces the copy check of an item (none: deleted). */
    static void copyCheck(Connection c, String item, CopyCheck check) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM item_copy_checks WHERE item = ?")) {
            ps.setString(1, item);
            ps.executeUpdate();
        }
        if (check == null) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO item_copy_checks (item, checked_at, similar_to, "
                + "similarity, overlap) VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, item);
            Columns.instant(ps, 2, check.checkedAt());
            ps.setString(3, check.similarTo());
            ps.setDouble(4, check.similarity());
            Columns.text(ps, 5, check.overlap());
            ps.executeUpdate();
        }
    }

    /** @return a new item id, {@code IN-2026-000001}, numbered under the counter row's lock */
    static String nextId(Connection c, int year) throws SQLException {
        while (true) {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE intake_counter SET next_item = next_item + 1 WHERE id = 1")) {
                ps.executeUpdate();
            }
            long n;
            try (PreparedStatement ps = c.prepareStatement("SELECT next_item FROM intake_counter WHERE id = 1");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                n = rs.getLong(1) - 1;
            }
            String id = String.format("IN-%d-%06d", year, n);
            if (!exists(c, id)) {
                return id;
            }
        }
    }
}

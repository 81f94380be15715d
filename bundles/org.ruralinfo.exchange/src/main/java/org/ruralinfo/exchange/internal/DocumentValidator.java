package org.ruralinfo.exchange.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

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
import org.ruralinfo.api.Publicity;
import org.ruralinfo.api.Unit;
import org.ruralinfo.api.UnitKind;
import org.ruralinfo.exchange.ExistingRecords;

/**
 * The rules across the records of a parsed document: duplicate ids, references that neither the
 * document nor the installation can resolve, and the rules of the format (commissioned items,
 * meetings and emergencies, group summaries, follow-ups, business items, adoptions, group leads).
 * Resolves the level of each publicity report from the outlets table.
 */
final class DocumentValidator {

    private record OutletKey(String name, Channel channel) {
    }

    private record AdoptionKey(String item, AdoptionLevel level) {
    }

    private final Sections doc;
    private final Problems problems;
    private final Index<String, Unit> units;
    private final Index<String, Group> groups;
    private final Index<String, Notice> notices;
    private final Index<String, Item> items;
    private final Index<OutletKey, Outlet> outlets;

    DocumentValidator(Sections doc, ExistingRecords existing, Problems problems) {
        this.doc = doc;
        this.problems = problems;
        this.units = new Index<>(existing::unit);
        this.groups = new Index<>(existing::group);
        this.notices = new Index<>(existing::notice);
        this.items = new Index<>(existing::item);
        this.outlets = new Index<>(k -> existing.outlet(k.name(), k.channel()));
    }

    /**
     * Checks every rule and reports each broken one to the problems.
     *
     * @return the document with publicity levels resolved, or null when any problem was found
     *         (here or while parsing)
     */
    ExchangeDocument validate() {
        indexRecords();
        checkGroups();
        checkNotices();
        checkItems();
        checkAdoptions();
        List<Publicity> publicity = resolvePublicity();
        if (!problems.isEmpty()) {
            return null;
        }
        return new ExchangeDocument(doc.prefecture, doc.calendar, doc.units, doc.groups, doc.outlets, doc.notices,
                doc.items, doc.adoptions, publicity);
    }

    private void indexRecords() {
        Map<Integer, Integer> years = new HashMap<>();
        for (int i = 0; i < doc.calendar.size(); i++) {
            CalendarYear y = doc.calendar.get(i);
            if (y != null && y.year() != 0) {
                Integer first = years.putIfAbsent(y.year(), i);
                if (first != null) {
                    problems.add("$.calendar[" + i + "].year",
                            "duplicate year " + y.year() + " (first at $.calendar[" + first + "])");
                }
            }
        }
        for (int i = 0; i < doc.units.size(); i++) {
            Unit u = doc.units.get(i);
            if (u != null && u.id() != null) {
                duplicate(units.add(u.id(), u, i), "units", i, ".id", "unit id \"" + u.id() + "\"");
            }
        }
        for (int i = 0; i < doc.groups.size(); i++) {
            Group g = doc.groups.get(i);
            if (g != null && g.id() != null) {
                duplicate(groups.add(g.id(), g, i), "groups", i, ".id", "group id \"" + g.id() + "\"");
            }
        }
        for (int i = 0; i < doc.outlets.size(); i++) {
            Outlet o = doc.outlets.get(i);
            if (o != null && o.name() != null && o.channel() != null) {
                duplicate(outlets.add(new OutletKey(o.name(), o.channel()), o, i), "outlets", i, ".name",
                        "outlet \"" + o.name() + "\" on channel " + o.channel().wire());
            }
        }
        for (int i = 0; i < doc.notices.size(); i++) {
            Notice n = doc.notices.get(i);
            if (n != null && n.id() != null) {
                duplicate(notices.add(n.id(), n, i), "notices", i, ".id", "notice id \"" + n.id() + "\"");
            }
        }
        for (int i = 0; i < doc.items.size(); i++) {
            Item it = doc.items.get(i);
            if (it != null && it.id() != null) {
                duplicate(items.add(it.id(), it, i), "items", i, ".id", "item id \"" + it.id() + "\"");
            }
        }
        Map<String, Integer> publicityIds = new HashMap<>();
        for (int i = 0; i < doc.publicity.size(); i++) {
            Publicity p = doc.publicity.get(i);
            if (p != null && p.id() != null) {
                Integer first = publicityIds.putIfAbsent(p.id(), i);
                duplicate(first == null ? -1 : first, "publicity", i, ".id", "publicity id \"" + p.id() + "\"");
            }
        }
    }

    private void duplicate(int first, String section, int i, String field, String what) {
        if (first >= 0) {
            problems.add("$." + section + "[" + i + "]" + field,
                    "duplicate " + what + " (first at $." + section + "[" + first + "])");
        }
    }

    private void checkGroups() {
        for (int i = 0; i < doc.groups.size(); i++) {
            Group g = doc.groups.get(i);
            if (g == null) {
                continue;
            }
            String path = "$.groups[" + i + "].lead";
            Unit lead = resolve(units, g.lead(), path, "unit");
            if (lead != null && lead.kind() != null && lead.kind() != UnitKind.MEMBER) {
                problems.add(path, "unit \"" + lead.id() + "\" is a " + lead.kind().wire()
                        + "; the lead of group \"" + g.id() + "\" must be a member unit");
            }
        }
    }

    private void checkNotices() {
        for (int i = 0; i < doc.notices.size(); i++) {
            Notice n = doc.notices.get(i);
            if (n == null) {
                continue;
            }
            Set<String> seen = new HashSet<>();
            for (int k = 0; k < n.units().size(); k++) {
                String path = "$.notices[" + i + "].units[" + k + "]";
                String unit = n.units().get(k);
                if (!seen.add(unit)) {
                    problems.add(path, "unit \"" + unit + "\" is listed twice");
                } else {
                    resolve(units, unit, path, "unit");
                }
            }
        }
    }

    private void checkItems() {
        for (int i = 0; i < doc.items.size(); i++) {
            Item it = doc.items.get(i);
            if (it != null) {
                checkItem(it, "$.items[" + i + "]");
            }
        }
    }

    private void checkItem(Item it, String path) {
        Unit unit = resolve(units, it.unit(), path + ".unit", "unit");
        Notice notice = resolve(notices, it.notice(), path + ".notice", "notice");
        Group group = resolve(groups, it.group(), path + ".group", "group");
        Item followed = resolve(items, it.follows(), path + ".follows", "item");
        if (it.type() != null) {
            switch (it.type()) {
                case BUSINESS -> {
                    if (unit != null && unit.kind() != null && unit.kind() != UnitKind.DEPARTMENT) {
                        problems.add(path + ".type", "type \"business\" is for departments only; unit \""
                                + unit.id() + "\" is a " + unit.kind().wire());
                    }
                }
                case COMMISSIONED -> {
                    if (it.notice() == null) {
                        requireFor(path + ".notice", "a commissioned item needs the notice it answers");
                    } else if (notice != null && it.unit() != null && !notice.units().contains(it.unit())) {
                        problems.add(path + ".unit", "unit \"" + it.unit() + "\" is not addressed by notice \""
                                + notice.id() + "\", so it cannot answer it");
                    }
                }
                case MEETING, EMERGENCY -> {
                    if (it.occurredAt() == null) {
                        requireFor(path + ".occurred_at",
                                "a " + it.type().wire() + " item needs occurred_at, when it happened");
                    }
                }
                case GROUP_SUMMARY -> {
                    if (it.group() == null) {
                        requireFor(path + ".group", "a group_summary item needs the group it summarizes");
                    } else if (group != null && it.unit() != null && !it.unit().equals(group.lead())) {
                        problems.add(path + ".unit", "unit \"" + it.unit() + "\" does not lead group \""
                                + group.id() + "\" (its lead is \"" + group.lead() + "\")");
                    }
                }
                default -> {
                    // no rule of its own
                }
            }
        }
        if (followed != null) {
            if (it.follows().equals(it.id())) {
                problems.add(path + ".follows", "item \"" + it.id() + "\" cannot follow itself");
            } else if (followed.type() != null && (followed.type() != ItemType.EMERGENCY
                    || !Objects.equals(followed.unit(), it.unit()))) {
                problems.add(path + ".follows", "item \"" + it.follows() + "\" is not an emergency of unit \""
                        + it.unit() + "\" (it is a " + followed.type().wire() + " item of unit \"" + followed.unit()
                        + "\")");
            }
        }
    }

    private void checkAdoptions() {
        Map<AdoptionKey, Integer> seen = new HashMap<>();
        for (int i = 0; i < doc.adoptions.size(); i++) {
            Adoption a = doc.adoptions.get(i);
            if (a == null) {
                continue;
            }
            String path = "$.adoptions[" + i + "]";
            Item item = resolve(items, a.item(), path + ".item", "item");
            if (item != null && item.status() == ItemStatus.REJECTED) {
                problems.add(path + ".item", "item \"" + a.item() + "\" was rejected by the editor and cannot be adopted");
            }
            // a combined (综合) adoption: every credited unit is known, and none is listed twice
            Set<String> credited = new HashSet<>();
            for (int k = 0; k < a.units().size(); k++) {
                String unitPath = path + ".units[" + k + "]";
                String unit = a.units().get(k);
                if (!credited.add(unit)) {
                    problems.add(unitPath, "unit \"" + unit + "\" is listed twice");
                } else {
                    resolve(units, unit, unitPath, "unit");
                }
            }
            if (a.item() != null && a.level() != null) {
                Integer first = seen.putIfAbsent(new AdoptionKey(a.item(), a.level()), i);
                if (first != null) {
                    problems.add(path, "a second adoption of item \"" + a.item() + "\" at level "
                            + a.level().wire() + " (first at $.adoptions[" + first + "])");
                }
            }
        }
    }

    /** Checks the publicity reports and gives each the level of its outlet where the table has it. */
    private List<Publicity> resolvePublicity() {
        List<Publicity> resolved = new ArrayList<>(doc.publicity.size());
        for (int i = 0; i < doc.publicity.size(); i++) {
            Publicity p = doc.publicity.get(i);
            resolved.add(p);
            if (p == null) {
                continue;
            }
            String path = "$.publicity[" + i + "]";
            resolve(units, p.unit(), path + ".unit", "unit");
            if (p.outlet() == null || p.channel() == null) {
                continue;
            }
            Outlet outlet = outlets.find(new OutletKey(p.outlet(), p.channel()));
            if (outlet != null) {
                if (outlet.level() != p.level()) {
                    resolved.set(i, new Publicity(p.id(), p.unit(), p.channel(), p.outlet(), outlet.level(),
                            p.title(), p.manuscript(), p.published(), p.reportedAt()));
                }
            } else if (p.level() == null) {
                requireFor(path + ".level", "outlet \"" + p.outlet() + "\" on channel " + p.channel().wire()
                        + " is not in the outlets table, so the level is required");
            }
        }
        return resolved;
    }

    /** @return the record {@code id} names, or null when id is null or (reported) unknown */
    private <T> T resolve(Index<String, T> index, String id, String path, String what) {
        if (id == null) {
            return null;
        }
        T found = index.find(id);
        if (found == null) {
            problems.add(path, "unknown " + what + " \"" + id + "\"");
        }
        return found;
    }

    /** Reports a field that a rule requires, unless its value was already reported as bad. */
    private void requireFor(String path, String message) {
        if (!problems.reported(path)) {
            problems.add(path, message);
        }
    }
}

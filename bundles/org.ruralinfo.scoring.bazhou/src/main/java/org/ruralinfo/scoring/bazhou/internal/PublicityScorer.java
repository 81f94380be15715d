package org.ruralinfo.scoring.bazhou.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ruralinfo.api.Channel;
import org.ruralinfo.api.Outlet;
import org.ruralinfo.api.OutletLevel;
import org.ruralinfo.api.Publicity;
import org.ruralinfo.api.scoring.Category;
import org.ruralinfo.api.scoring.Period;
import org.ruralinfo.api.scoring.PointLine;

/**
 * Art. 19(2) news and 19(3) online publicity points, self-reported by each unit.
 * <ul>
 * <li>The outlet table (by name and channel) decides the level; a report's own level is used only
 * for an outlet the table does not know. The channel decides news or online (ruling).</li>
 * <li>Points in the quarter of the publication date, and only when reported before 00:00 of the day
 * after the 5th working day after that quarter (Asia/Shanghai); a later report counts for nothing
 * and is shown as late with 0 points (ruling).</li>
 * <li>The reports of one unit sharing a manuscript are one manuscript for the year, scored once at
 * its highest level, and a ranked quarter never changes (ruling): in order of publication date,
 * {@code reported_at}, id, the first on-time report scores its level, a later one at a higher
 * level adds the difference in its own quarter and channel, a later one at the same or a lower
 * level adds nothing. No manuscript is a manuscript of its own; other years are ignored.</li>
 * </ul>
 */
final class PublicityScorer {
    private static final Comparator<Publicity> ORDER = Comparator.comparing(Publicity::published)
            .thenComparing(Publicity::reportedAt).thenComparing(Publicity::id);

    private final BazhouParameters.PublicityPoints points;
    private final Timeline time;

    PublicityScorer(BazhouParameters.PublicityPoints points, Timeline time) {
        this.points = points;
        this.time = time;
    }

    List<Booked> score(int year, List<Publicity> reports, List<Outlet> outlets) {
        Map<String, OutletLevel> table = new HashMap<>();
        for (Outlet o : outlets) {
            table.put(key(o.name(), o.channel()), o.level());
        }
        Map<String, List<Publicity>> manuscripts = new LinkedHashMap<>();
        for (Publicity p : reports.stream().sorted(ORDER).toList()) {
            if (p.published().getYear() != year) {
                continue; // reports published in another year never raise this year's level
            }
            String manuscript = p.manuscript() == null || p.manuscript().isBlank() || !points.manuscriptOnce()
                    ? "report\u0000" + p.id()
                    : "manuscript\u0000" + p.manuscript();
            manuscripts.computeIfAbsent(p.unit() + "\u0000" + manuscript, k -> new ArrayList<>()).add(p);
        }
        List<Booked> out = new ArrayList<>();
        for (List<Publicity> manuscript : manuscripts.values()) {
            int best = 0;
            boolean first = true;
            for (Publicity p : manuscript) {
                Period quarter = Period.quarterOf(p.published());
                OutletLevel level = table.getOrDefault(key(p.outlet(), p.channel()), p.level());
                // ruling: a late report counts for nothing, and is shown (a 0-point line) as late; it
                // does not raise the manuscript's level either
                if (!onTime(p, quarter)) {
                    out.add(new Booked(quarter, line(p, 0, "reported late 逾期报送, " + describe(p, level))));
                    continue;
                }
                if (level == null) {
                    out.add(new Booked(quarter, line(p, 0, "outlet level unknown, " + describe(p, null))));
                    continue;
                }
                // "higher level" is compared by points, so a policy that values news and online
                // differently still never pays one manuscript more than its best placement
                int earned = (p.channel() == Channel.NEWS ? points.news() : points.online()).get(level);
                if (first) {
                    out.add(new Booked(quarter, line(p, earned, describe(p, level))));
                } else if (earned > best) {
                    out.add(new Booked(quarter, line(p, earned - best,
                            describe(p, level) + ", manuscript raised from " + best + " to " + earned)));
                } else {
                    out.add(new Booked(quarter, line(p, 0,
                            describe(p, level) + ", manuscript already scored " + best)));
                }
                first = false;
                best = Math.max(best, earned);
            }
        }
        return out;
    }

    /** Reported before 00:00 of the day after the n-th working day after the quarter ends. */
    private boolean onTime(Publicity p, Period quarter) {
        Instant deadline = time.endOfWorkdaysAfter(quarter.lastDay(), points.windowWorkdays());
        return p.reportedAt() != null && p.reportedAt().isBefore(deadline);
    }

    private static String describe(Publicity p, OutletLevel level) {
        return p.outlet() + " " + (level == null ? "?" : level.wire()) + " " + p.published();
    }

    private static String key(String outlet, Channel channel) {
        return outlet + "\u0000" + channel;
    }

    private static PointLine line(Publicity p, int pts, String reason) {
        boolean news = p.channel() == Channel.NEWS;
        return new PointLine(p.unit(), news ? Category.NEWS : Category.ONLINE, pts, news ? "Art.19(2)" : "Art.19(3)",
                "publicity:" + p.id(), reason);
    }
}

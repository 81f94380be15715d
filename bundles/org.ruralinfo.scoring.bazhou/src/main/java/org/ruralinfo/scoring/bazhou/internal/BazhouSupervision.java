package org.ruralinfo.scoring.bazhou.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.ruralinfo.api.Group;
import org.ruralinfo.api.Item;
import org.ruralinfo.api.ItemType;
import org.ruralinfo.api.Site;
import org.ruralinfo.api.Unit;
import org.ruralinfo.api.scoring.PeriodFacts;
import org.ruralinfo.api.scoring.ScoringPolicy;
import org.ruralinfo.api.supervision.Obligation;
import org.ruralinfo.api.supervision.SupervisionRules;

/**
 * The Art. 6 obligations of the Bayingolin policy for supervision, from the same configuration (PID
 * {@code org.ruralinfo.scoring.bazhou}) and the same counting rules as {@link DeductionScorer}: the item
 * statuses that count, the quota types per unit kind, the lead units' group summaries counted for the
 * group they name, qualifying research only, every day a local one. The refs are those of the Art. 20
 * lines, so a shortfall of an ended period is exactly the deduction of the same ref.
 */
@Component(immediate = true, service = SupervisionRules.class, property = { ScoringPolicy.POLICY_ID + "=bazhou",
        ScoringPolicy.POLICY_VERSION + "=2022.1.0", ScoringPolicy.POLICY_EFFECTIVE_FROM + "=2022-01-01" },
        configurationPid = "org.ruralinfo.scoring.bazhou")
public final class BazhouSupervision implements SupervisionRules {
    private volatile BazhouParameters params;

    @Activate
    public BazhouSupervision(BazhouConfig config, @Reference Site site) {
        this(BazhouParameters.from(config, site.zone()));
    }

    /** Outside OSGi, e.g. {@code new BazhouSupervision(BazhouParameters.defaults(zone))}. */
    public BazhouSupervision(BazhouParameters parameters) {
        this.params = parameters;
    }

    /** Like the policy: a configuration that cannot be read leaves the previous values in force. */
    @Modified
    void modified(BazhouConfig config) {
        try {
            this.params = BazhouParameters.from(config, params.zone());
        } catch (RuntimeException e) {
            java.util.logging.Logger.getLogger("org.ruralinfo.scoring.bazhou")
                    .severe("configuration refused for supervision, the previous values stay in force: " + e.getMessage());
        }
    }

    @Override
    public List<Obligation> obligations(PeriodFacts facts, YearMonth month) {
        BazhouParameters p = params;
        Timeline time = new Timeline(p.zone(), facts.calendar());
        Instant asOf = facts.asOf();
        // Art. 7(5): only what counts for scoring counts here, and only what had arrived by asOf
        List<Item> counting = facts.items().stream()
                .filter(i -> p.counting().contains(i.status()) && i.submittedAt() != null
                        && !i.submittedAt().isAfter(asOf))
                .toList();
        var q = p.quotas();
        Instant monthEnd = time.endOf(month.atEndOfMonth());
        List<Obligation> out = new ArrayList<>();
        for (Unit unit : facts.units()) {
            Set<ItemType> types = q.types().getOrDefault(unit.kind(), Set.of());
            int monthly = q.monthly().getOrDefault(unit.kind(), 0);
            if (monthly > 0) {
                int count = count(counting, i -> i.unit().equals(unit.id()) && types.contains(i.type())
                        && time.month(i.submittedAt()).equals(month));
                out.add(new Obligation(unit.id(), Obligation.Kind.QUOTA, "quota:" + unit.id() + ":" + month,
                        month.toString(), null, monthly, count, monthEnd));
            }
            int yearly = q.yearly().getOrDefault(unit.kind(), 0);
            if (yearly > 0) {
                int year = month.getYear();
                int count = count(counting, i -> i.unit().equals(unit.id()) && types.contains(i.type())
                        && time.day(i.submittedAt()).getYear() == year);
                out.add(new Obligation(unit.id(), Obligation.Kind.QUOTA, "quota:" + unit.id() + ":" + year,
                        Integer.toString(year), null, yearly, count, time.endOf(LocalDate.of(year, 12, 31))));
            }
            research(p, time, unit, month, counting, out);
        }
        int perGroup = q.leadGroupMonthly();
        for (Group group : facts.groups()) {
            if (perGroup <= 0 || facts.units().stream().noneMatch(u -> u.id().equals(group.lead()))) {
                continue;
            }
            int count = count(counting, i -> i.unit().equals(group.lead()) && q.leadTypes().contains(i.type())
                    && group.id().equals(i.group()) && time.month(i.submittedAt()).equals(month));
            out.add(new Obligation(group.lead(), Obligation.Kind.GROUP,
                    "group:" + group.id() + ":" + group.lead() + ":" + month, month.toString(), group.id(), perGroup,
                    count, monthEnd));
        }
        return out;
    }

    private static void research(BazhouParameters p, Timeline time, Unit unit, YearMonth month, List<Item> counting,
            List<Obligation> out) {
        Predicate<Item> research = i -> i.unit().equals(unit.id()) && i.type() == ItemType.RESEARCH
                && i.researchQualified();
        int year = month.getYear();
        int perHalf = p.quotas().researchPerHalfYear().getOrDefault(unit.kind(), 0);
        if (perHalf > 0) {
            int half = month.getMonthValue() <= 6 ? 1 : 2;
            LocalDate first = LocalDate.of(year, half == 1 ? 1 : 7, 1);
            LocalDate last = first.plusMonths(6).minusDays(1);
            int count = count(counting, research.and(i -> within(time.day(i.submittedAt()), first, last)));
            out.add(new Obligation(unit.id(), Obligation.Kind.RESEARCH, "research:" + unit.id() + ":" + year + "-H" + half,
                    year + "-H" + half, null, perHalf, count, time.endOf(last)));
        }
        int perYear = p.quotas().researchPerYear().getOrDefault(unit.kind(), 0);
        if (perYear > 0) {
            LocalDate first = LocalDate.of(year, 1, 1);
            LocalDate last = LocalDate.of(year, 12, 31);
            int count = count(counting, research.and(i -> within(time.day(i.submittedAt()), first, last)));
            out.add(new Obligation(unit.id(), Obligation.Kind.RESEARCH, "research:" + unit.id() + ":" + year,
                    Integer.toString(year), null, perYear, count, time.endOf(last)));
        }
    }

    private static boolean within(LocalDate day, LocalDate first, LocalDate last) {
        return !day.isBefore(first) && !day.isAfter(last);
    }

    private static int count(List<Item> items, Predicate<Item> which) {
        return (int) items.stream().filter(which).count();
    }
}

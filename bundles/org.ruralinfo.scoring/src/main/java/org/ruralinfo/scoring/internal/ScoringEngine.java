package org.ruralinfo.scoring.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.ruralinfo.api.RecordStore;
import org.ruralinfo.api.Site;
import org.ruralinfo.api.WorkCalendar;
import org.ruralinfo.api.YearRecords;
import org.ruralinfo.api.scoring.NoPolicyException;
import org.ruralinfo.api.scoring.Period;
import org.ruralinfo.api.scoring.PeriodFacts;
import org.ruralinfo.api.scoring.PolicyInfo;
import org.ruralinfo.api.scoring.PolicyRef;
import org.ruralinfo.api.scoring.RankingReport;
import org.ruralinfo.api.scoring.ScoreSheet;
import org.ruralinfo.api.scoring.ScoringPolicy;

/**
 * The policy-free engine. It tracks every {@link ScoringPolicy} service (dynamic, greedy), scores a
 * period with the highest version in force on its first day, and caches a report until a record
 * changes, a policy comes, goes or is reconfigured, or (for a period that may still change with time)
 * a few minutes have passed. The records of a year are read once per facts revision and shared by
 * that year's reports (quarters, year, what-if previews).
 */
@Component(service = org.ruralinfo.api.scoring.ScoringService.class)
public class ScoringEngine implements org.ruralinfo.api.scoring.ScoringService {
    /** How long a report of a period whose shortfalls may still fall due is reused. */
    private static final Duration LIVE_TTL = Duration.ofMinutes(1);

    private final List<InstalledPolicy> policies = new CopyOnWriteArrayList<>();
    private final AtomicLong generation = new AtomicLong();
    private final Map<Key, Cached> cache = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();

    @Reference
    private volatile RecordStore store;

    /** The site's local time: the day "today" is judged in for the policy in force. */
    private final ZoneId zone;

    @Activate
    public ScoringEngine(@Reference Site site) {
        this(site.zone());
    }

    /** @param zone the local time of "today" (tests and benchmarks wire the engine by hand) */
    ScoringEngine(ZoneId zone) {
        this.zone = zone;
    }

    private record Key(Period period, String policyId) {
    }

    private record Cached(long storeVersion, long generation, Instant computedAt, RankingReport report) {
    }

    /** A year's records as scoring reads them, at one facts revision of the store. */
    private record YearFacts(long storeVersion, YearRecords records, WorkCalendar calendar) {
    }

    /** How many years' records are kept (a year's reports, and the previous year's now and then). */
    private static final int FACTS_YEARS = 2;

    /**
     * The records of the last years scored, by year, each at the revision it was read: the year's five
     * reports read the records once, not once each (issue #9: a region's year is 31,000 items).
     */
    private final Map<Integer, YearFacts> facts = new java.util.LinkedHashMap<>(4, 0.75f, true);

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addPolicy(ComponentServiceObjects<ScoringPolicy> handle, Map<String, Object> props) {
        InstalledPolicy p = InstalledPolicy.of(handle, props);
        if (p != null) {
            policies.add(p);
        }
        changed();
    }

    /** A policy's properties changed (e.g. its configuration): replaced in one step, never absent meanwhile. */
    void updatedPolicy(ComponentServiceObjects<ScoringPolicy> handle, Map<String, Object> props) {
        long id = (Long) props.get("service.id");
        InstalledPolicy p = InstalledPolicy.of(handle, props);
        if (p == null) {
            policies.removeIf(old -> old.serviceId() == id);
        } else if (policies.stream().anyMatch(old -> old.serviceId() == id)) {
            policies.replaceAll(old -> old.serviceId() == id ? p : old);
        } else {
            policies.add(p);
        }
        changed();
    }

    void removePolicy(ComponentServiceObjects<ScoringPolicy> handle, Map<String, Object> props) {
        policies.removeIf(p -> p.serviceId() == (Long) props.get("service.id"));
        changed();
    }

    private void changed() {
        generation.incrementAndGet();
        cache.clear();
    }

    @Override
    public RankingReport ranking(Period period, String policyId) {
        long storeVersion = store.version();
        long gen = generation.get();
        Instant now = clock.instant();
        Key key = new Key(period, policyId);
        Cached c = cache.get(key);
        if (c != null && c.storeVersion() == storeVersion && c.generation() == gen
                && (settled(period, c.computedAt()) || c.computedAt().plus(LIVE_TTL).isAfter(now))) {
            return c.report();
        }
        RankingReport report = computeWithPolicyInForce(period, policyId, now, facts(period.year(), storeVersion));
        cache.put(key, new Cached(storeVersion, gen, now, report));
        return report;
    }

    /**
     * A period is settled once everything that can fall due for it has (the year after next has begun):
     * then time alone no longer changes its report.
     */
    private boolean settled(Period period, Instant computedAt) {
        return LocalDate.ofInstant(computedAt, zone).getYear() > period.year() + 1;
    }

    private InstalledPolicy choose(Period period, String policyId) {
        LocalDate first = period.firstDay();
        Optional<InstalledPolicy> chosen = policyId == null
                ? policies.stream().filter(p -> p.inForceOn(first)).max(InstalledPolicy.BY_VERSION)
                : policies.stream().filter(p -> p.id().equals(policyId)).max(InstalledPolicy.BY_VERSION);
        return chosen.orElseThrow(() -> new NoPolicyException(policyId == null
                ? "no scoring policy in force for " + period
                : "no scoring policy \"" + policyId + "\" is installed"));
    }

    /**
     * @return the year's records at {@code storeVersion} or later: read again only when a record changed,
     *         and then, where only items changed, only those ({@link RecordStore#changesSince}, issue #9).
     *         The revision is read before the records, so records are never labelled newer than they are.
     */
    private YearFacts facts(int year, long storeVersion) {
        synchronized (facts) {
            YearFacts f = facts.get(year);
            if (f != null && f.storeVersion() == storeVersion) {
                return f;
            }
            YearFacts fresh = null;
            if (f != null && f.storeVersion() < storeVersion) {
                fresh = store.changesSince(year, f.storeVersion())
                        .map(changes -> YearMerge.apply(f.records(), changes))
                        .map(records -> new YearFacts(storeVersion, records, f.calendar()))
                        .orElse(null);
            }
            if (fresh == null) {
                YearRecords records = YearMerge.inOrder(store.facts(year));
                fresh = new YearFacts(storeVersion, records, new WorkCalendar(records.calendar()));
            }
            facts.put(year, fresh);
            while (facts.size() > FACTS_YEARS) {
                facts.remove(facts.keySet().iterator().next());
            }
            return fresh;
        }
    }

    /**
     * Scores with the policy chosen now. A policy being replaced at this very moment (its bundle updated
     * or stopped while it computes) may fail in its class loading: it is then gone from the tracked
     * policies, and the computation is done again with the one in force now, or ends in the documented
     * "no policy" gap.
     */
    private RankingReport computeWithPolicyInForce(Period period, String policyId, Instant now, YearFacts f) {
        for (int attempt = 1;; attempt++) {
            InstalledPolicy policy = choose(period, policyId);
            try {
                return compute(period, policy, now, f);
            } catch (LinkageError | RuntimeException e) {
                if (e instanceof NoPolicyException) {
                    throw e;
                }
                boolean replaced = policies.stream().noneMatch(p -> p.serviceId() == policy.serviceId())
                        || policy.handle().getServiceReference().getBundle() == null
                        || policy.handle().getServiceReference().getBundle().getState() != org.osgi.framework.Bundle.ACTIVE;
                if (!replaced) {
                    throw e;
                }
                if (attempt >= 5) {
                    throw new NoPolicyException("no scoring policy in force for " + period);
                }
                Thread.onSpinWait();
            }
        }
    }

    private RankingReport compute(Period period, InstalledPolicy installed, Instant now, YearFacts f) {
        YearRecords year = f.records();
        PeriodFacts facts = new PeriodFacts(period, now, year.units(), year.groups(), year.outlets(),
                f.calendar(), year.notices(), year.items(), year.adoptions(), year.publicity());
        // Get the policy for this computation only, and give it back at once. Getting and giving back are
        // serialized per policy (the use count of a shared handle must not race); a policy unregistered
        // meanwhile is simply gone, its service object already released by the framework.
        ComponentServiceObjects<ScoringPolicy> handle = installed.handle();
        ScoringPolicy policy;
        synchronized (handle) {
            policy = handle.getService();
        }
        if (policy == null) {
            throw new NoPolicyException("no scoring policy in force for " + period);
        }
        try {
            ScoreSheet sheet = policy.score(facts);
            return Ranker.rank(period, installed.ref(), year.units(), sheet,
                    period.isYear() ? policy.evaluation() : null);
        } finally {
            synchronized (handle) {
                try {
                    handle.ungetService(policy);
                } catch (IllegalArgumentException | IllegalStateException e) {
                    // the policy was unregistered during the computation
                }
            }
        }
    }

    @Override
    public List<PolicyInfo> policies() {
        Optional<PolicyRef> active = policyInForce();
        List<PolicyInfo> out = new ArrayList<>();
        for (InstalledPolicy p : policies) {
            out.add(new PolicyInfo(p.id(), p.versionText(), p.effectiveFrom(), p.bundle(),
                    active.isPresent() && active.get().equals(p.ref())));
        }
        out.sort(Comparator.comparing(PolicyInfo::id).thenComparing(PolicyInfo::effectiveFrom));
        return out;
    }

    @Override
    public Optional<PolicyRef> policyInForce() {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        return policies.stream().filter(p -> p.inForceOn(today)).max(InstalledPolicy.BY_VERSION)
                .map(InstalledPolicy::ref);
    }
}

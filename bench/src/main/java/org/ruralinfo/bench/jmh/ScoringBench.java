package org.ruralinfo.bench.jmh;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.ruralinfo.api.ExchangeDocument;
import org.ruralinfo.api.scoring.Period;
import org.ruralinfo.api.scoring.PolicyRef;
import org.ruralinfo.api.scoring.RankingReport;
import org.ruralinfo.api.scoring.ScoreSheet;
import org.ruralinfo.bench.Region;
import org.ruralinfo.scoring.bazhou.internal.BazhouParameters;
import org.ruralinfo.scoring.bazhou.internal.BazhouPolicy;
import org.ruralinfo.scoring.internal.Ranker;

/**
 * The Bayingolin policy and the ranker in memory, over the region's facts as of 2026-03-01 (every
 * shortfall of 2025 due: the most work a year's reports take).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ScoringBench {
    private static final PolicyRef REF = new PolicyRef("bazhou", "2022.1.0");

    @Param("14")
    public int prefectures;

    public ExchangeDocument doc;
    public BazhouPolicy policy;
    private ScoreSheet yearSheet;

    @Setup
    public void setup() {
        doc = Region.parsed(prefectures);
        policy = new BazhouPolicy(BazhouParameters.defaults(Region.ZONE));
        yearSheet = policy.score(Region.facts(doc, Period.ofYear(2025), Region.AS_OF));
    }

    /** The policy on one quarter (2025-Q3). */
    @Benchmark
    public ScoreSheet policyQuarter() {
        return policy.score(Region.facts(doc, new Period(2025, 3), Region.AS_OF));
    }

    /** The policy on the year. */
    @Benchmark
    public ScoreSheet policyYear() {
        return policy.score(Region.facts(doc, Period.ofYear(2025), Region.AS_OF));
    }

    /** The ranker on the year's sheet (rows, ranks, evaluation). */
    @Benchmark
    public RankingReport rankYear() {
        return Ranker.rank(Period.ofYear(2025), REF, doc.units(), yearSheet, policy.evaluation());
    }

    /** The five reports of the year (4 quarters and the year), policy and ranker, in memory. */
    @Benchmark
    public List<RankingReport> fiveReports() {
        List<RankingReport> out = new ArrayList<>(5);
        for (int q = 1; q <= 4; q++) {
            Period p = new Period(2025, q);
            out.add(Ranker.rank(p, REF, doc.units(), policy.score(Region.facts(doc, p, Region.AS_OF)), null));
        }
        Period y = Period.ofYear(2025);
        out.add(Ranker.rank(y, REF, doc.units(), policy.score(Region.facts(doc, y, Region.AS_OF)),
                policy.evaluation()));
        return out;
    }
}

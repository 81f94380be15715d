package org.ruralinfo.supervision.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.ruralinfo.api.Columns;
import org.ruralinfo.api.Database;
import org.ruralinfo.api.Role;
import org.ruralinfo.api.Site;
import org.ruralinfo.api.UserAccount;
import org.ruralinfo.api.ValidationError;
import org.ruralinfo.api.ValidationException;
import org.ruralinfo.api.scoring.Period;
import org.ruralinfo.api.scoring.RankingReport;
import org.ruralinfo.api.scoring.RankingRow;
import org.ruralinfo.api.scoring.ScoringService;
import org.ruralinfo.exchange.ExchangeCodec;
import org.ruralinfo.supervision.RankingSnapshots;
import org.ruralinfo.supervision.SupervisionException;
import org.ruralinfo.supervision.SupervisionException.Kind;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Frozen quarterly rankings in {@code ranking_snapshots}: the ranking report v1 as the exchange codec writes
 * it, stored as text; reading one compares it with the ranking computed now, unit by unit.
 */
@Component(service = RankingSnapshots.class)
public class SnapshotService implements RankingSnapshots {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Database db;
    private final ScoringService scoring;
    private final ExchangeCodec codec;
    private final Clock clock;
    private final ZoneId zone;

    @Activate
    public SnapshotService(@Reference Site site, @Reference Database db, @Reference ScoringService scoring,
            @Reference ExchangeCodec codec) {
        this(db, scoring, codec, Clock.systemUTC(), site.zone());
    }

    SnapshotService(Database db, ScoringService scoring, ExchangeCodec codec, Clock clock, ZoneId zone) {
        this.zone = zone;
        this.db = db;
        this.scoring = scoring;
        this.codec = codec;
        this.clock = clock;
    }

    @Override
    public Snapshot freeze(UserAccount actor, Period period) {
        if (!actor.has(Role.EDITOR)) {
            throw new SupervisionException(Kind.FORBIDDEN, "freezing a ranking needs the role editor");
        }
        if (period.isYear()) {
            throw new ValidationException(new ValidationError("period", "a quarter like 2025-Q3 (a year is the sum of its quarters)"));
        }
        Instant now = clock.instant();
        if (now.isBefore(period.lastDay().plusDays(1).atStartOfDay(zone).toInstant())) {
            throw new SupervisionException(Kind.CONFLICT, "the quarter " + period + " has not ended: a ranking is published after it");
        }
        RankingReport report = scoring.ranking(period, null);
        String json = write(report);
        db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM ranking_snapshots WHERE period = ?")) {
                ps.setString(1, period.toString());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        throw new SupervisionException(Kind.CONFLICT, "the ranking of " + period + " is frozen already");
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO ranking_snapshots (period, policy_id, "
                    + "policy_version, frozen_by, frozen_at, report) VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, period.toString());
                ps.setString(2, report.policy().id());
                ps.setString(3, report.policy().version());
                ps.setString(4, actor.username());
                Columns.instant(ps, 5, now);
                ps.setString(6, json);
                ps.executeUpdate();
            }
            db.audit(c, actor.username(), "ranking.freeze", "ranking:" + period,
                    report.policy().id() + "/" + report.policy().version());
            return null;
        });
        return new Snapshot(period, report.policy().id(), report.policy().version(), actor.username(), now, json,
                List.of());
    }

    @Override
    public Optional<Snapshot> get(UserAccount actor, Period period) {
        Snapshot stored = db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT policy_id, policy_version, frozen_by, frozen_at, "
                    + "report FROM ranking_snapshots WHERE period = ?")) {
                ps.setString(1, period.toString());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? new Snapshot(period, rs.getString(1), rs.getString(2), rs.getString(3),
                            Columns.instant(rs, "frozen_at"), rs.getString(5), List.of()) : null;
                }
            }
        });
        if (stored == null) {
            return Optional.empty();
        }
        RankingReport current = scoring.ranking(period, stored.policyId());
        return Optional.of(new Snapshot(period, stored.policyId(), stored.policyVersion(), stored.frozenBy(),
                stored.frozenAt(), stored.report(), adjustments(stored.report(), current)));
    }

    private String write(RankingReport report) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        codec.writeRanking(report, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** @return per unit whose current row differs from the frozen one, current − frozen */
    static List<Adjustment> adjustments(String frozenJson, RankingReport current) {
        JsonNode frozen;
        try {
            frozen = JSON.readTree(frozenJson);
        } catch (IOException e) {
            throw new IllegalStateException("a frozen ranking is not JSON: " + e.getMessage(), e);
        }
        Map<String, JsonNode> before = new HashMap<>();
        Map<String, String> kindOf = new HashMap<>();
        frozen.path("kinds").fields().forEachRemaining(k -> k.getValue().forEach(row -> {
            before.put(row.path("unit").asText(), row);
            kindOf.put(row.path("unit").asText(), k.getKey());
        }));
        List<Adjustment> out = new ArrayList<>();
        current.kinds().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            for (RankingRow now : e.getValue()) {
                JsonNode was = before.remove(now.unit());
                int fScore = was == null ? 0 : was.path("score").asInt();
                int fInfo = was == null ? 0 : was.path("information").asInt();
                int fNews = was == null ? 0 : was.path("news").asInt();
                int fOnline = was == null ? 0 : was.path("online").asInt();
                int fDed = was == null ? 0 : was.path("deductions").asInt();
                int fRank = was == null ? 0 : was.path("rank").asInt();
                if (was == null || fScore != now.score() || fInfo != now.information() || fNews != now.news()
                        || fOnline != now.online() || fDed != now.deductions() || fRank != now.rank()) {
                    out.add(new Adjustment(now.unit(), e.getKey().wire(), fScore, now.score(), now.score() - fScore,
                            now.information() - fInfo, now.news() - fNews, now.online() - fOnline,
                            now.deductions() - fDed, fRank, now.rank()));
                }
            }
        });
        for (Map.Entry<String, JsonNode> gone : before.entrySet()) {
            JsonNode was = gone.getValue();
            out.add(new Adjustment(gone.getKey(), kindOf.get(gone.getKey()), was.path("score").asInt(), 0,
                    -was.path("score").asInt(), -was.path("information").asInt(), -was.path("news").asInt(),
                    -was.path("online").asInt(), -was.path("deductions").asInt(), was.path("rank").asInt(), 0));
        }
        return out;
    }
}

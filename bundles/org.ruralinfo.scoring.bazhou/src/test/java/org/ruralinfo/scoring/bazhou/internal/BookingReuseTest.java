package org.ruralinfo.scoring.bazhou.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ruralinfo.api.ExchangeDocument;
import org.ruralinfo.api.WorkCalendar;
import org.ruralinfo.api.scoring.Period;
import org.ruralinfo.api.scoring.PeriodFacts;
import org.ruralinfo.api.scoring.ScoreSheet;
import org.ruralinfo.exchange.examples.Examples;

/**
 * The year's reports share one booking of the same records (issue #9): every period, at every moment,
 * scores exactly as a policy that books afresh for each call, also when a month ends or a commissioned
 * deadline passes between two calls.
 */
class BookingReuseTest {
    private static final List<Period> PERIODS = List.of(new Period(2025, 1), new Period(2025, 2),
            new Period(2025, 3), new Period(2025, 4), Period.ofYear(2025));

    @Test
    void reusedBookingScoresExactlyAsAFreshOne() throws Exception {
        ExchangeDocument doc = ExampleLoader.load(Examples.YEAR);
        WorkCalendar calendar = new WorkCalendar(doc.calendar());
        BazhouPolicy reusing = new BazhouPolicy(BazhouParameters.defaults(Fixture.ZONE));
        // moments around month ends and the notices' deadlines, in and after the year
        List<Instant> moments = new java.util.ArrayList<>(List.of(Instant.parse("2025-03-31T15:59:59Z"),
                Instant.parse("2025-03-31T16:00:00Z"), Instant.parse("2025-07-01T00:00:00Z"),
                Instant.parse("2025-12-31T16:00:00Z"), Instant.parse("2026-03-01T00:00:00Z")));
        doc.notices().forEach(n -> {
            moments.add(n.deadline());
            moments.add(n.deadline().plusSeconds(1));
        });
        moments.sort(null);
        for (Instant asOf : moments) {
            for (Period p : PERIODS) {
                PeriodFacts facts = new PeriodFacts(p, asOf, doc.units(), doc.groups(), doc.outlets(), calendar,
                        doc.notices(), doc.items(), doc.adoptions(), doc.publicity());
                ScoreSheet fresh = new BazhouPolicy(BazhouParameters.defaults(Fixture.ZONE)).score(facts);
                assertEquals(fresh, reusing.score(facts), p + " at " + asOf);
            }
        }
    }
}

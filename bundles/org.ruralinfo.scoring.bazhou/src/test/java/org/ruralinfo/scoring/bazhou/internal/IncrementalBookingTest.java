package org.ruralinfo.scoring.bazhou.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ruralinfo.api.Adoption;
import org.ruralinfo.api.AdoptionLevel;
import org.ruralinfo.api.ExchangeDocument;
import org.ruralinfo.api.Item;
import org.ruralinfo.api.ItemStatus;
import org.ruralinfo.api.Publicity;
import org.ruralinfo.api.Unit;
import org.ruralinfo.api.WorkCalendar;
import org.ruralinfo.api.scoring.Period;
import org.ruralinfo.api.scoring.PeriodFacts;
import org.ruralinfo.exchange.examples.Examples;

/**
 * After a few items, adoptions or publicity reports change, the policy books again only the units they
 * concern (issue #9): every period scores exactly as a policy that books the changed records afresh,
 * through a long random sequence of changes on the shared example, with the Bayingolin rules and with
 * combined adoptions split among the units they credit (where one unit's change concerns others).
 */
class IncrementalBookingTest {
    private static final List<Period> PERIODS = List.of(new Period(2025, 1), new Period(2025, 2),
            new Period(2025, 3), new Period(2025, 4), Period.ofYear(2025));
    private static final Instant AS_OF = Instant.parse("2026-02-01T00:00:00Z");

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void rebookingTheChangedUnitsScoresExactlyAsAWholeBooking(boolean splitCombined) throws Exception {
        ExchangeDocument doc = ExampleLoader.load(Examples.YEAR);
        Map<String, Object> config = Map.of("adoption.split_combined", splitCombined);
        WorkCalendar calendar = new WorkCalendar(doc.calendar());
        BazhouRules incremental = new BazhouRules(BazhouParameters.from(BazhouParameters.config(config), Fixture.ZONE));
        List<Item> items = sorted(doc.items(), Comparator.comparing(Item::id));
        List<Adoption> adoptions = sorted(doc.adoptions(), SortedDiff.ADOPTION_ORDER);
        List<Publicity> publicity = sorted(doc.publicity(), Comparator.comparing(Publicity::id));
        List<Unit> units = doc.units();
        Random random = new Random(splitCombined ? 11 : 7);
        for (int step = 0; step < 60; step++) {
            List<Item> nextItems = new ArrayList<>(items);
            List<Adoption> nextAdoptions = new ArrayList<>(adoptions);
            List<Publicity> nextPublicity = new ArrayList<>(publicity);
            String what = change(random, step, units, nextItems, nextAdoptions, nextPublicity, splitCombined);
            // the engine passes new immutable lists, in order, holding the unchanged records themselves
            items = sorted(nextItems, Comparator.comparing(Item::id));
            adoptions = sorted(nextAdoptions, SortedDiff.ADOPTION_ORDER);
            publicity = sorted(nextPublicity, Comparator.comparing(Publicity::id));
            for (Period p : PERIODS) {
                PeriodFacts facts = new PeriodFacts(p, AS_OF, doc.units(), doc.groups(), doc.outlets(), calendar,
                        doc.notices(), items, adoptions, publicity);
                assertEquals(policy(config).score(facts), incremental.score(facts),
                        "step " + step + " (" + what + "), " + p);
            }
        }
        assertTrue(incremental.rebooked() >= 50, "most changes were booked again unit by unit: "
                + incremental.rebooked());
    }

    private static <T> List<T> sorted(List<T> list, Comparator<T> order) {
        List<T> out = new ArrayList<>(list);
        out.sort(order);
        return List.copyOf(out);
    }

    private static BazhouPolicy policy(Map<String, Object> config) {
        return new BazhouPolicy(BazhouParameters.from(BazhouParameters.config(config), Fixture.ZONE));
    }

    /** One random change of the kinds intake makes, in place; @return what it was. */
    private static String change(Random random, int step, List<Unit> units, List<Item> items,
            List<Adoption> adoptions, List<Publicity> publicity, boolean combined) {
        Item item = items.get(random.nextInt(items.size()));
        switch (random.nextInt(7)) {
            case 0 -> {
                ItemStatus to = item.status() == ItemStatus.ACCEPTED ? ItemStatus.REJECTED : ItemStatus.ACCEPTED;
                items.set(items.indexOf(item), with(item, item.id(), item.unit(), to));
                return "item " + item.id() + " " + to;
            }
            case 1 -> {
                AdoptionLevel level = AdoptionLevel.values()[random.nextInt(AdoptionLevel.values().length)];
                adoptions.removeIf(a -> a.item().equals(item.id()) && a.level() == level);
                List<String> credited = combined && random.nextBoolean()
                        ? List.of(units.get(random.nextInt(units.size())).id(), units.get(random.nextInt(units.size())).id())
                        : List.of();
                adoptions.add(new Adoption(item.id(), level, LocalDate.of(2025, 1 + random.nextInt(12), 10), null,
                        credited, null));
                return "adoption " + item.id() + " " + level + " crediting " + credited;
            }
            case 2 -> {
                if (!adoptions.isEmpty()) {
                    Adoption a = adoptions.remove(random.nextInt(adoptions.size()));
                    return "adoption withdrawn " + a.item() + " " + a.level();
                }
                return "nothing";
            }
            case 3 -> {
                items.remove(item);
                adoptions.removeIf(a -> a.item().equals(item.id()));
                return "item " + item.id() + " gone";
            }
            case 4 -> {
                Unit unit = units.get(random.nextInt(units.size()));
                String id = "NEW-" + step;
                items.add(with(item, id, unit.id(), ItemStatus.ACCEPTED));
                return "item " + id + " of " + unit.id();
            }
            case 5 -> {
                if (!publicity.isEmpty()) {
                    int i = random.nextInt(publicity.size());
                    Publicity p = publicity.get(i);
                    publicity.set(i, new Publicity(p.id(), p.unit(), p.channel(), p.outlet(), p.level(), p.title(),
                            p.manuscript(), p.published(), p.reportedAt().plusSeconds(86_400L * 20)));
                    return "publicity " + p.id() + " reported 20 days later";
                }
                return "nothing";
            }
            default -> {
                Publicity p = publicity.get(random.nextInt(publicity.size()));
                Unit unit = units.get(random.nextInt(units.size()));
                publicity.add(new Publicity("NEWP-" + step, unit.id(), p.channel(), p.outlet(), p.level(), p.title(),
                        random.nextBoolean() ? p.manuscript() : null, p.published(), p.reportedAt()));
                return "publicity NEWP-" + step + " of " + unit.id();
            }
        }
    }

    private static Item with(Item i, String id, String unit, ItemStatus status) {
        return new Item(id, unit, i.type(), i.title(), i.body(), i.submittedAt(), i.occurredAt(), i.notice(),
                i.group(), i.follows(), status, i.researchQualified());
    }
}

package org.ruralinfo.exchange.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.ruralinfo.exchange.internal.TestDocs.TS;
import static org.ruralinfo.exchange.internal.TestDocs.doc;
import static org.ruralinfo.exchange.internal.TestDocs.item;
import static org.ruralinfo.exchange.internal.TestDocs.items;
import static org.ruralinfo.exchange.internal.TestDocs.read;
import static org.ruralinfo.exchange.internal.TestDocs.refusedAt;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.ruralinfo.api.Channel;
import org.ruralinfo.api.ExchangeDocument;
import org.ruralinfo.api.Group;
import org.ruralinfo.api.Item;
import org.ruralinfo.api.ItemStatus;
import org.ruralinfo.api.ItemType;
import org.ruralinfo.api.Notice;
import org.ruralinfo.api.Outlet;
import org.ruralinfo.api.OutletLevel;
import org.ruralinfo.api.Unit;
import org.ruralinfo.api.UnitKind;
import org.ruralinfo.exchange.ExistingRecords;

/** References that the document does not carry are resolved through what the installation holds. */
class ExistingRecordsTest {

    private static final Instant AT = Instant.parse("2026-07-01T00:00:00Z");

    /** An installation with a county "yuli", a member "water" leading group "irrigation", a notice and items. */
    private static final ExistingRecords STORED = new ExistingRecords() {
        private final Map<String, Unit> units = Map.of(
                "yuli", new Unit("yuli", "尉犁县乡村振兴局", UnitKind.COUNTY),
                "water", new Unit("water", "州水利局", UnitKind.MEMBER));

        @Override
        public Optional<Unit> unit(String id) {
            return Optional.ofNullable(units.get(id));
        }

        @Override
        public Optional<Group> group(String id) {
            return "irrigation".equals(id) ? Optional.of(new Group(id, "水利专项组", "water")) : Optional.empty();
        }

        @Override
        public Optional<Notice> notice(String id) {
            return "N-old".equals(id) ? Optional.of(new Notice(id, "旧约稿", null, AT, AT, List.of("yuli")))
                    : Optional.empty();
        }

        @Override
        public Optional<Item> item(String id) {
            return switch (id) {
                case "E-old" -> Optional.of(new Item(id, "yuli", ItemType.EMERGENCY, "t", null, AT, AT, null, null,
                        null, ItemStatus.ACCEPTED, false));
                case "R-old" -> Optional.of(new Item(id, "yuli", ItemType.WORK_RESULTS, "t", null, AT, null, null,
                        null, null, ItemStatus.REJECTED, false));
                default -> Optional.empty();
            };
        }

        @Override
        public Optional<Outlet> outlet(String name, Channel channel) {
            return "天山网".equals(name) && channel == Channel.ONLINE
                    ? Optional.of(new Outlet(name, channel, OutletLevel.REGION))
                    : Optional.empty();
        }
    };

    @Test
    void itemOfAUnitOnlyStoredIsFine() {
        ExchangeDocument d = read(doc("-units", "-groups", "-notices", items(item("I-1", "yuli", "work_results"))),
                STORED);
        assertEquals("yuli", d.items().get(0).unit());
    }

    @Test
    void theSameItemIsUnknownToAnEmptyInstallation() {
        refusedAt(doc("-units", "-groups", "-notices", items(item("I-1", "yuli", "work_results"))), "$.items[0].unit",
                "\"yuli\"");
    }

    @Test
    void rulesApplyToStoredRecords() {
        ExchangeDocument d = read(doc("-units", "-groups", "-notices", items(
                item("I-1", "yuli", "commissioned", "'notice': 'N-old'"),
                item("I-2", "yuli", "emergency", "'occurred_at': '" + TS + "'", "'follows': 'E-old'"),
                item("I-3", "water", "group_summary", "'group': 'irrigation'")),
                "'adoptions': [{'item': 'E-old', 'level': 'region_publication', 'at': '2026-07-05'}]"), STORED);
        assertEquals(3, d.items().size());
        assertEquals(1, d.adoptions().size());
    }

    @Test
    void storedNoticeMustAddressTheUnit() {
        refusedAt(doc(items(item("I-1", "korla", "commissioned", "'notice': 'N-old'"))), STORED, "$.items[0].unit",
                "\"korla\"", "\"N-old\"");
    }

    @Test
    void adoptionOfAStoredRejectedItem() {
        refusedAt(doc("'adoptions': [{'item': 'R-old', 'level': 'prefecture_briefing', 'at': '2026-07-05'}]"), STORED,
                "$.adoptions[0].item", "\"R-old\"", "rejected");
    }

    @Test
    void theDocumentOverridesWhatIsStored() {
        // a re-import: the document repeats a stored unit, with another kind, and the document wins
        ExchangeDocument d = read(doc("'units': [{'id': 'water', 'name': '州水利局', 'kind': 'department'}]", "-groups",
                "-notices", items(item("I-1", "water", "business"))), STORED);
        assertEquals(1, d.items().size());
    }

    @Test
    void storedOutletGivesTheLevel() {
        ExchangeDocument d = read(doc("'publicity': [{'id': 'P-1', 'unit': 'yuli', 'channel': 'online',"
                + " 'outlet': '天山网', 'level': 'national', 'published': '2026-08-02', 'reported_at': '" + TS + "'}]"),
                STORED);
        assertEquals(OutletLevel.REGION, d.publicity().get(0).level());
    }
}

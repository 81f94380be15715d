package org.ruralinfo.exchange.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ruralinfo.api.Adoption;
import org.ruralinfo.api.AdoptionLevel;
import org.ruralinfo.api.ExchangeDocument;
import org.ruralinfo.api.Item;
import org.ruralinfo.api.ItemStatus;
import org.ruralinfo.api.ItemType;
import org.ruralinfo.api.Unit;
import org.ruralinfo.api.UnitKind;
import org.ruralinfo.exchange.ExchangeCodec;
import org.ruralinfo.exchange.ExistingRecords;

/** A region's year, about 30,000 items (some 20 MB), is written and read back. */
class LargeDocumentTest {

    @Test
    void thirtyThousandItems() {
        List<Unit> units = new ArrayList<>();
        for (int u = 0; u < 60; u++) {
            units.add(new Unit("u" + u, "单位" + u, UnitKind.values()[u % 3]));
        }
        List<Item> items = new ArrayList<>();
        List<Adoption> adoptions = new ArrayList<>();
        Instant start = Instant.parse("2025-01-01T02:00:00Z");
        String body = "（正文）特色林果提质增效".repeat(12);
        for (int i = 0; i < 30_000; i++) {
            Unit unit = units.get(i % units.size());
            ItemType type = unit.kind() == UnitKind.DEPARTMENT && i % 2 == 0 ? ItemType.BUSINESS : ItemType.EXPERIENCE;
            items.add(new Item("I-" + i, unit.id(), type, "标题" + i, body, start.plus(Duration.ofMinutes(17L * i)),
                    null, null, null, null, ItemStatus.ACCEPTED, i % 7 == 0));
            if (i % 3 == 0) {
                adoptions.add(new Adoption("I-" + i, AdoptionLevel.PREFECTURE_BRIEFING, LocalDate.of(2025, 12, 31),
                        "2025年第" + i + "期"));
            }
        }
        ExchangeDocument doc = new ExchangeDocument("bazhou", List.of(), units, List.of(), List.of(), List.of(), items,
                adoptions, List.of());
        ExchangeCodec codec = new JsonExchangeCodec();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        codec.write(doc, out);
        ExchangeDocument read = codec.read(new ByteArrayInputStream(out.toByteArray()), ExistingRecords.NONE);
        assertEquals(30_000, read.items().size());
        assertEquals(10_000, read.adoptions().size());
        assertEquals(doc, read);
    }
}

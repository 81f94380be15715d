package org.ruralinfo.exchange.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ruralinfo.exchange.internal.TestDocs.doc;
import static org.ruralinfo.exchange.internal.TestDocs.item;
import static org.ruralinfo.exchange.internal.TestDocs.items;
import static org.ruralinfo.exchange.internal.TestDocs.read;
import static org.ruralinfo.exchange.internal.TestDocs.refuse;
import static org.ruralinfo.exchange.internal.TestDocs.refusedAt;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.ruralinfo.api.Adoption;
import org.ruralinfo.api.AdoptionLevel;
import org.ruralinfo.api.ExchangeDocument;
import org.ruralinfo.api.Unit;
import org.ruralinfo.api.UnitKind;
import org.ruralinfo.api.ValidationError;
import org.ruralinfo.exchange.ExistingRecords;
import org.ruralinfo.exchange.examples.Examples;

/**
 * The optional adoption fields added to v1 (only optional fields may be added): {@code units}, the
 * units a combined (综合) adoption credits, and {@code leader}, the level of the leader who instructed.
 */
class AdoptionCreditTest {

    private static final String OK = item("I-1", "korla", "work_results");

    private static String adoptions(String... adoptions) {
        return "'adoptions': [" + String.join(",", adoptions) + "]";
    }

    @Test
    void unitsAndLeaderAreRead() {
        ExchangeDocument d = read(doc(items(OK), adoptions(
                "{'item': 'I-1', 'level': 'prefecture_briefing', 'at': '2026-07-05', 'units': ['korla', 'agri']}",
                "{'item': 'I-1', 'level': 'region_instruction', 'at': '2026-07-09', 'leader': 'secretary'}")));
        assertEquals(new Adoption("I-1", AdoptionLevel.PREFECTURE_BRIEFING, LocalDate.of(2026, 7, 5), null,
                List.of("korla", "agri"), null), d.adoptions().get(0));
        assertEquals(new Adoption("I-1", AdoptionLevel.REGION_INSTRUCTION, LocalDate.of(2026, 7, 9), null,
                List.of(), "secretary"), d.adoptions().get(1));
    }

    @Test
    void withoutThemAnAdoptionCreditsItsOwnUnitAloneWithNoLeader() {
        Adoption a = read(doc(items(OK), adoptions("{'item': 'I-1', 'level': 'region_instruction', 'at': '2026-07-05',"
                + " 'units': null, 'leader': null}"))).adoptions().get(0);
        assertEquals(List.of(), a.units());
        assertNull(a.leader());
        assertEquals(new Adoption("I-1", AdoptionLevel.REGION_INSTRUCTION, LocalDate.of(2026, 7, 5), null), a);
    }

    @Test
    void anUnknownCreditedUnitIsRefusedWithItsPath() {
        refusedAt(doc(items(OK, item("I-2", "agri", "experience")), adoptions(
                "{'item': 'I-1', 'level': 'prefecture_briefing', 'at': '2026-07-05', 'issue': '第1期'}",
                "{'item': 'I-1', 'level': 'region_publication', 'at': '2026-07-06'}",
                "{'item': 'I-1', 'level': 'region_instruction', 'at': '2026-07-07', 'leader': 'secretary'}",
                "{'item': 'I-2', 'level': 'prefecture_briefing', 'at': '2026-07-08', 'units': ['agri', 'korla2']}")),
                "$.adoptions[3].units[1]", "unknown unit", "\"korla2\"");
    }

    @Test
    void aCreditedUnitListedTwiceIsRefused() {
        refusedAt(doc(items(OK), adoptions(
                "{'item': 'I-1', 'level': 'prefecture_briefing', 'at': '2026-07-05', 'units': ['agri', 'stats', 'agri']}")),
                "$.adoptions[0].units[2]", "\"agri\"", "twice");
    }

    @Test
    void aCreditedUnitMayBeOneTheInstallationHolds() {
        ExistingRecords stored = new ExistingRecords() {
            @Override
            public Optional<Unit> unit(String id) {
                return "yuli".equals(id) ? Optional.of(new Unit("yuli", "尉犁县乡村振兴局", UnitKind.COUNTY))
                        : Optional.empty();
            }
        };
        ExchangeDocument d = read(doc(items(OK), adoptions(
                "{'item': 'I-1', 'level': 'prefecture_briefing', 'at': '2026-07-05', 'units': ['yuli', 'korla']}")),
                stored);
        assertEquals(List.of("yuli", "korla"), d.adoptions().get(0).units());
    }

    @Test
    void badUnitsAndLeaderValuesAreRefused() {
        refusedAt(doc(items(OK), adoptions(
                "{'item': 'I-1', 'level': 'prefecture_briefing', 'at': '2026-07-05', 'units': 'korla'}")),
                "$.adoptions[0].units", "an array");
        refusedAt(doc(items(OK), adoptions(
                "{'item': 'I-1', 'level': 'prefecture_briefing', 'at': '2026-07-05', 'units': ['korla', null]}")),
                "$.adoptions[0].units[1]", "null");
        refusedAt(doc(items(OK), adoptions(
                "{'item': 'I-1', 'level': 'region_instruction', 'at': '2026-07-05', 'leader': ' '}")),
                "$.adoptions[0].leader", "empty");
        refusedAt(doc(items(OK), adoptions(
                "{'item': 'I-1', 'level': 'region_instruction', 'at': '2026-07-05', 'leader': '"
                        + "x".repeat(51) + "'}")),
                "$.adoptions[0].leader", "too long", "50");
        List<ValidationError> errors = refuse(doc(items(OK), adoptions(
                "{'item': 'I-1', 'level': 'region_instruction', 'at': '2026-07-05', 'leader': 3}")));
        assertEquals("$.adoptions[0].leader", errors.get(0).path());
    }

    @Test
    void theWriterWritesThemOnlyWhenGivenAndTheyReadBackEqual() {
        ExchangeDocument d = read(doc(items(OK), adoptions(
                "{'item': 'I-1', 'level': 'prefecture_briefing', 'at': '2026-07-05', 'issue': '第1期'}",
                "{'item': 'I-1', 'level': 'region_publication', 'at': '2026-07-06', 'units': ['korla', 'agri', 'stats']}",
                "{'item': 'I-1', 'level': 'region_instruction', 'at': '2026-07-07', 'leader': 'vice_chairman'}")));
        JsonExchangeCodec codec = new JsonExchangeCodec();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        codec.write(d, out);
        String text = out.toString(java.nio.charset.StandardCharsets.UTF_8);
        String adoptions = text.substring(text.indexOf("\"adoptions\""), text.indexOf("\"publicity\""));
        assertEquals(1, count(adoptions, "\"units\""), adoptions);
        assertEquals(1, count(adoptions, "\"leader\""), adoptions);
        assertTrue(adoptions.contains("\"leader\" : \"vice_chairman\"") || adoptions.contains("\"leader\": \"vice_chairman\""),
                adoptions);
        assertFalse(adoptions.contains("\"leader\" : null") || adoptions.contains("\"leader\": null"), adoptions);
        assertEquals(d, codec.read(new ByteArrayInputStream(out.toByteArray()), ExistingRecords.NONE));
    }

    @Test
    void aDocumentWithoutThemIsWrittenAsBefore() throws java.io.IOException {
        JsonExchangeCodec codec = new JsonExchangeCodec();
        ExchangeDocument example;
        try (var in = Examples.open(Examples.YEAR)) {
            example = codec.read(in, ExistingRecords.NONE);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        codec.write(example, out);
        String text = out.toString(java.nio.charset.StandardCharsets.UTF_8);
        String adoptions = text.substring(text.indexOf("\"adoptions\""), text.indexOf("\"publicity\""));
        assertEquals(example.adoptions().size(), count(adoptions, "\"issue\""));
        assertEquals(0, count(adoptions, "\"units\""));
        assertEquals(0, count(adoptions, "\"leader\""));
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}

package org.ruralinfo.exchange.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ruralinfo.exchange.internal.TestDocs.TS;
import static org.ruralinfo.exchange.internal.TestDocs.doc;
import static org.ruralinfo.exchange.internal.TestDocs.item;
import static org.ruralinfo.exchange.internal.TestDocs.items;
import static org.ruralinfo.exchange.internal.TestDocs.read;
import static org.ruralinfo.exchange.internal.TestDocs.refuse;
import static org.ruralinfo.exchange.internal.TestDocs.refusedAt;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ruralinfo.api.ExchangeDocument;
import org.ruralinfo.api.OutletLevel;
import org.ruralinfo.api.ValidationError;

/** One test per rejection rule of the format, each asserting the path and that the message names the bad value. */
class RejectionTest {

    private static final String OK = item("I-1", "korla", "work_results");

    /** @return the record without the field (a string or array value) */
    private static String without(String record, String field) {
        String value = "'" + field + "': ('[^']*'|\\[[^]]*\\])";
        String out = record.replaceFirst(value + ", ", "").replaceFirst(", " + value, "");
        assertTrue(!out.contains("'" + field + "'"), out);
        return out;
    }

    @Test
    void theBaseDocumentIsValid() {
        ExchangeDocument d = read(doc(items(OK,
                item("I-2", "korla", "commissioned", "'notice': 'N-1'"),
                item("I-3", "korla", "meeting", "'occurred_at': '2026-07-02T09:00:00+08:00'"),
                item("I-4", "korla", "emergency", "'occurred_at': '2026-07-03T08:30:00+08:00'"),
                item("I-5", "korla", "emergency", "'occurred_at': '2026-07-03T08:30:00+08:00'", "'follows': 'I-4'"),
                item("I-6", "agri", "group_summary", "'group': 'industry'"),
                item("I-7", "stats", "business")),
                "'adoptions': [{'item': 'I-1', 'level': 'prefecture_briefing', 'at': '2026-07-05', 'issue': '第12期'},"
                        + "{'item': 'I-1', 'level': 'region_publication', 'at': '2026-07-06'}]"));
        assertEquals(7, d.items().size());
        assertEquals(2, d.adoptions().size());
    }

    // --- document level ---

    @Test
    void missingFormat() {
        refusedAt(doc("-format"), "$.format", "format", "ruralinfo-exchange/1");
    }

    @Test
    void wrongFormat() {
        refusedAt(doc("'format': 'ruralinfo-exchange/2'"), "$.format", "ruralinfo-exchange/2");
    }

    @Test
    void formatOfWrongType() {
        refusedAt(doc("'format': 1"), "$.format", "expected a string", "number");
    }

    @Test
    void sectionOfWrongType() {
        refusedAt(doc("'outlets': {'name': '人民日报'}"), "$.outlets", "expected an array", "object");
    }

    @Test
    void recordOfWrongType() {
        refusedAt(doc(items(OK, "'I-2'")), "$.items[1]", "expected an object", "string");
    }

    @Test
    void fieldOfWrongType() {
        refusedAt(doc(items(OK, item("I-2", "korla", "work_results", "'research_qualified': 'yes'"))),
                "$.items[1].research_qualified", "true or false", "string");
    }

    @Test
    void fieldGivenTwice() {
        refusedAt(doc(items(OK, item("I-2", "korla", "work_results", "'unit': 'agri'"))), "$.items[1].unit",
                "\"unit\"", "twice");
    }

    @Test
    void unknownFieldsAreIgnoredWithTheirNestedValues() {
        ExchangeDocument d = read(doc(items(item("I-1", "korla", "work_results",
                "'x-extra': {'a': [1, 2, {'b': null}], 'c': 'd'}")), "'x-section': [[{'y': 1}]]"));
        assertEquals(1, d.items().size());
    }

    // --- required fields ---

    @ParameterizedTest
    @ValueSource(strings = {"id", "unit", "type", "title", "submitted_at", "status"})
    void itemWithoutRequiredField(String field) {
        String bad = without(item("I-2", "korla", "work_results"), field);
        refusedAt(doc(items(OK, bad)), "$.items[1]." + field, "\"" + field + "\"", "missing");
    }

    @Test
    void requiredFieldGivenAsNull() {
        refusedAt(doc(items(OK, item("I-2", "korla", "work_results").replace("'title': '标题'", "'title': null"))),
                "$.items[1].title", "\"title\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"id", "deadline", "units"})
    void noticeWithoutRequiredField(String field) {
        String notice = "{'id': 'N-1', 'deadline': '" + TS + "', 'units': ['korla']}";
        String bad = without(notice, field);
        refusedAt(doc("'notices': [" + bad + "]"), "$.notices[0]." + field, "\"" + field + "\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"id", "unit", "channel", "outlet", "published", "reported_at"})
    void publicityWithoutRequiredField(String field) {
        String p = "{'id': 'P-1', 'unit': 'korla', 'channel': 'news', 'outlet': '人民日报', 'published': '2026-08-02',"
                + " 'reported_at': '" + TS + "'}";
        String bad = without(p, field);
        refusedAt(doc("'publicity': [" + bad + "]"), "$.publicity[0]." + field, "\"" + field + "\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"item", "level", "at"})
    void adoptionWithoutRequiredField(String field) {
        String a = "{'item': 'I-1', 'level': 'prefecture_briefing', 'at': '2026-07-05'}";
        String bad = without(a, field);
        refusedAt(doc(items(OK), "'adoptions': [" + bad + "]"), "$.adoptions[0]." + field, "\"" + field + "\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"id", "name", "kind"})
    void unitWithoutRequiredField(String field) {
        String bad = without("{'id': 'x', 'name': 'X', 'kind': 'county'}", field);
        refusedAt(doc("'units': [{'id': 'korla', 'name': 'K', 'kind': 'county'}, {'id': 'agri', 'name': 'A', "
                + "'kind': 'member'}, " + bad + "]"), "$.units[2]." + field, "\"" + field + "\"");
    }

    @Test
    void groupWithoutLead() {
        refusedAt(doc("'groups': [{'id': 'g', 'name': 'G'}]"), "$.groups[0].lead", "\"lead\"");
    }

    @Test
    void outletWithoutLevel() {
        refusedAt(doc("'outlets': [{'name': '人民日报', 'channel': 'news'}]"), "$.outlets[0].level", "\"level\"");
    }

    @Test
    void calendarWithoutYear() {
        refusedAt(doc("'calendar': [{'holidays': ['2026-01-01']}]"), "$.calendar[0].year", "\"year\"");
    }

    // --- values ---

    @Test
    void unknownUnitKind() {
        refusedAt(doc("'units': [{'id': 'korla', 'name': 'K', 'kind': 'county'}, {'id': 'agri', 'name': 'A',"
                + " 'kind': 'member'}, {'id': 'x', 'name': 'X', 'kind': 'city'}]"), "$.units[2].kind", "\"city\"",
                "county");
    }

    @Test
    void unknownItemType() {
        refusedAt(doc(items(OK, item("I-2", "korla", "gossip"))), "$.items[1].type", "\"gossip\"", "work_results");
    }

    @Test
    void itemStatusOutsideTheFormat() {
        refusedAt(doc(items(OK, item("I-2", "korla", "work_results").replace("accepted", "draft"))),
                "$.items[1].status", "\"draft\"", "accepted or rejected");
    }

    @Test
    void unknownAdoptionLevel() {
        refusedAt(doc(items(OK), "'adoptions': [{'item': 'I-1', 'level': 'national', 'at': '2026-07-05'}]"),
                "$.adoptions[0].level", "\"national\"");
    }

    @Test
    void unknownChannelAndOutletLevel() {
        List<ValidationError> errors = refuse(doc("'outlets': [{'name': 'X', 'channel': 'tv', 'level': 'county'}]"));
        assertEquals(List.of("$.outlets[0].channel", "$.outlets[0].level"),
                errors.stream().map(ValidationError::path).collect(Collectors.toList()));
        assertTrue(errors.get(0).message().contains("\"tv\""));
        assertTrue(errors.get(1).message().contains("\"county\""));
    }

    @Test
    void timestampWithoutOffset() {
        refusedAt(doc(items(OK, item("I-2", "korla", "work_results").replace(TS, "2026-07-03T10:00:00"))),
                "$.items[1].submitted_at", "\"2026-07-03T10:00:00\"", "offset");
    }

    @Test
    void badTimestamp() {
        refusedAt(doc(items(OK, item("I-2", "korla", "work_results").replace(TS, "yesterday"))),
                "$.items[1].submitted_at", "\"yesterday\"");
    }

    @Test
    void badDate() {
        refusedAt(doc("'calendar': [{'year': 2025, 'holidays': ['2025-01-01', '2025-02-30']}]"),
                "$.calendar[0].holidays[1]", "\"2025-02-30\"", "YYYY-MM-DD");
    }

    @Test
    void dateInAnotherFormat() {
        refusedAt(doc(items(OK), "'adoptions': [{'item': 'I-1', 'level': 'prefecture_briefing', 'at': '2026/07/05'}]"),
                "$.adoptions[0].at", "\"2026/07/05\"");
    }

    @Test
    void titleTooLong() {
        refusedAt(doc(items(OK, item("I-2", "korla", "work_results").replace("标题", "长".repeat(501)))),
                "$.items[1].title", "501", "500");
    }

    @Test
    void bodyTooLong() {
        refusedAt(doc(items(item("I-1", "korla", "work_results").replace("正文", "文".repeat(200_001)))),
                "$.items[0].body", "200001", "200000");
    }

    @Test
    void emptyId() {
        refusedAt(doc(items(OK, item("", "korla", "work_results"))), "$.items[1].id", "empty");
    }

    // --- duplicates ---

    @Test
    void duplicateUnit() {
        refusedAt(doc("'units': [{'id': 'korla', 'name': 'K', 'kind': 'county'},"
                + " {'id': 'agri', 'name': 'A', 'kind': 'member'}, {'id': 'korla', 'name': 'K2', 'kind': 'county'}]"),
                "$.units[2].id", "\"korla\"", "$.units[0]");
    }

    @Test
    void duplicateGroup() {
        refusedAt(doc("'groups': [{'id': 'g', 'name': 'G', 'lead': 'agri'}, {'id': 'g', 'name': 'G', 'lead': 'agri'}]"),
                "$.groups[1].id", "\"g\"");
    }

    @Test
    void duplicateNotice() {
        refusedAt(doc("'notices': [{'id': 'N-1', 'deadline': '" + TS + "', 'units': ['korla']},"
                + " {'id': 'N-1', 'deadline': '" + TS + "', 'units': ['agri']}]"), "$.notices[1].id", "\"N-1\"");
    }

    @Test
    void duplicateItem() {
        refusedAt(doc(items(OK, item("I-1", "agri", "experience"))), "$.items[1].id", "\"I-1\"");
    }

    @Test
    void duplicatePublicity() {
        String p = "{'id': 'P-1', 'unit': 'korla', 'channel': 'news', 'outlet': '人民日报', 'published': '2026-08-02',"
                + " 'reported_at': '" + TS + "'}";
        refusedAt(doc("'publicity': [" + p + ", " + p + "]"), "$.publicity[1].id", "\"P-1\"");
    }

    @Test
    void duplicateOutletByNameAndChannel() {
        refusedAt(doc("'outlets': [{'name': '人民日报', 'channel': 'news', 'level': 'national'},"
                + " {'name': '人民日报', 'channel': 'online', 'level': 'national'},"
                + " {'name': '人民日报', 'channel': 'news', 'level': 'region'}]"), "$.outlets[2].name", "\"人民日报\"",
                "news");
    }

    @Test
    void secondAdoptionOfAnItemAtTheSameLevel() {
        refusedAt(doc(items(OK), "'adoptions': [{'item': 'I-1', 'level': 'prefecture_briefing', 'at': '2026-07-05'},"
                + " {'item': 'I-1', 'level': 'region_publication', 'at': '2026-07-06'},"
                + " {'item': 'I-1', 'level': 'prefecture_briefing', 'at': '2026-07-09'}]"),
                "$.adoptions[2]", "\"I-1\"", "prefecture_briefing", "$.adoptions[0]");
    }

    @Test
    void duplicateCalendarYear() {
        refusedAt(doc("'calendar': [{'year': 2026}, {'year': 2026, 'holidays': []}]"), "$.calendar[1].year", "2026");
    }

    // --- references ---

    @Test
    void itemOfUnknownUnit() {
        refusedAt(doc(items(OK, item("I-2", "korla2", "work_results"))), "$.items[1].unit", "unknown unit \"korla2\"");
    }

    @Test
    void itemAnsweringUnknownNotice() {
        refusedAt(doc(items(OK, item("I-2", "korla", "commissioned", "'notice': 'N-9'"))), "$.items[1].notice",
                "\"N-9\"");
    }

    @Test
    void itemOfUnknownGroup() {
        refusedAt(doc(items(OK, item("I-2", "agri", "group_summary", "'group': 'ghost'"))), "$.items[1].group",
                "\"ghost\"");
    }

    @Test
    void itemFollowingUnknownItem() {
        refusedAt(doc(items(OK, item("I-2", "korla", "emergency", "'occurred_at': '" + TS + "'", "'follows': 'I-0'"))),
                "$.items[1].follows", "\"I-0\"");
    }

    @Test
    void groupLedByUnknownUnit() {
        refusedAt(doc("'groups': [{'id': 'g', 'name': 'G', 'lead': 'nobody'}]"), "$.groups[0].lead", "\"nobody\"");
    }

    @Test
    void noticeAddressingUnknownUnit() {
        refusedAt(doc("'notices': [{'id': 'N-1', 'deadline': '" + TS + "', 'units': ['korla', 'nobody']}]"),
                "$.notices[0].units[1]", "\"nobody\"");
    }

    @Test
    void adoptionOfUnknownItem() {
        refusedAt(doc(items(OK), "'adoptions': [{'item': 'I-9', 'level': 'prefecture_briefing', 'at': '2026-07-05'}]"),
                "$.adoptions[0].item", "\"I-9\"");
    }

    @Test
    void publicityOfUnknownUnit() {
        refusedAt(doc("'publicity': [{'id': 'P-1', 'unit': 'nobody', 'channel': 'news', 'outlet': '人民日报',"
                + " 'published': '2026-08-02', 'reported_at': '" + TS + "'}]"), "$.publicity[0].unit", "\"nobody\"");
    }

    @Test
    void referencesMayPointForward() {
        ExchangeDocument d = read(doc(items(
                item("I-2", "korla", "emergency", "'occurred_at': '" + TS + "'", "'follows': 'I-1'"),
                item("I-1", "korla", "emergency", "'occurred_at': '" + TS + "'"))));
        assertEquals(2, d.items().size());
    }

    // --- rules of the format ---

    @Test
    void commissionedWithoutNotice() {
        refusedAt(doc(items(OK, item("I-2", "korla", "commissioned"))), "$.items[1].notice", "commissioned");
    }

    @Test
    void commissionedFromUnitTheNoticeDoesNotAddress() {
        refusedAt(doc(items(OK, item("I-2", "stats", "commissioned", "'notice': 'N-1'"))), "$.items[1].unit",
                "\"stats\"", "\"N-1\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"meeting", "emergency"})
    void withoutOccurredAt(String type) {
        refusedAt(doc(items(OK, item("I-2", "korla", type))), "$.items[1].occurred_at", type, "occurred_at");
    }

    @Test
    void badOccurredAtIsReportedOnce() {
        refusedAt(doc(items(OK, item("I-2", "korla", "meeting", "'occurred_at': 'last week'"))),
                "$.items[1].occurred_at", "\"last week\"");
    }

    @Test
    void groupSummaryWithoutGroup() {
        refusedAt(doc(items(OK, item("I-2", "agri", "group_summary"))), "$.items[1].group", "group_summary");
    }

    @Test
    void groupSummaryFromUnitThatDoesNotLeadTheGroup() {
        refusedAt(doc(items(OK, item("I-2", "korla", "group_summary", "'group': 'industry'"))), "$.items[1].unit",
                "\"korla\"", "\"industry\"", "\"agri\"");
    }

    @Test
    void followsAnItemThatIsNotAnEmergency() {
        refusedAt(doc(items(OK, item("I-2", "korla", "emergency", "'occurred_at': '" + TS + "'", "'follows': 'I-1'"))),
                "$.items[1].follows", "\"I-1\"", "work_results");
    }

    @Test
    void followsAnEmergencyOfAnotherUnit() {
        refusedAt(doc(items(item("I-1", "agri", "emergency", "'occurred_at': '" + TS + "'"),
                item("I-2", "korla", "emergency", "'occurred_at': '" + TS + "'", "'follows': 'I-1'"))),
                "$.items[1].follows", "\"I-1\"", "\"agri\"");
    }

    @Test
    void followsItself() {
        refusedAt(doc(items(item("I-1", "korla", "emergency", "'occurred_at': '" + TS + "'", "'follows': 'I-1'"))),
                "$.items[0].follows", "\"I-1\"", "itself");
    }

    @Test
    void adoptionOfRejectedItem() {
        refusedAt(doc(items(OK, item("I-2", "korla", "work_results").replace("accepted", "rejected")),
                "'adoptions': [{'item': 'I-2', 'level': 'prefecture_briefing', 'at': '2026-07-05'}]"),
                "$.adoptions[0].item", "\"I-2\"", "rejected");
    }

    @ParameterizedTest
    @ValueSource(strings = {"korla", "agri"})
    void businessItemFromUnitThatIsNotADepartment(String unit) {
        refusedAt(doc(items(OK, item("I-2", unit, "business"))), "$.items[1].type", "business", "\"" + unit + "\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"korla", "stats"})
    void groupLedByUnitThatIsNotAMember(String lead) {
        refusedAt(doc("'groups': [{'id': 'g', 'name': 'G', 'lead': '" + lead + "'}]"), "$.groups[0].lead",
                "\"" + lead + "\"", "member");
    }

    // --- publicity levels ---

    @Test
    void publicityOnUnknownOutletNeedsItsLevel() {
        refusedAt(doc("'publicity': [{'id': 'P-1', 'unit': 'korla', 'channel': 'online', 'outlet': '天山网',"
                + " 'published': '2026-08-02', 'reported_at': '" + TS + "'}]"), "$.publicity[0].level", "\"天山网\"",
                "online");
    }

    @Test
    void publicityOnUnknownOutletKeepsItsOwnLevel() {
        ExchangeDocument d = read(doc("'publicity': [{'id': 'P-1', 'unit': 'korla', 'channel': 'online',"
                + " 'outlet': '天山网', 'level': 'region', 'published': '2026-08-02', 'reported_at': '" + TS + "'}]"));
        assertEquals(OutletLevel.REGION, d.publicity().get(0).level());
    }

    @Test
    void theOutletsTableGivesAndOverridesTheLevel() {
        ExchangeDocument d = read(doc("'publicity': ["
                + "{'id': 'P-1', 'unit': 'korla', 'channel': 'news', 'outlet': '人民日报',"
                + " 'published': '2026-08-02', 'reported_at': '" + TS + "'},"
                + "{'id': 'P-2', 'unit': 'korla', 'channel': 'news', 'outlet': '人民日报', 'level': 'prefecture',"
                + " 'published': '2026-08-02', 'reported_at': '" + TS + "'}]"));
        assertEquals(OutletLevel.NATIONAL, d.publicity().get(0).level());
        assertEquals(OutletLevel.NATIONAL, d.publicity().get(1).level());
    }

    // --- many at once ---

    @Test
    void everyProblemIsReported() {
        List<ValidationError> errors = refuse(doc("'format': 'ruralinfo-exchange/1'", items(OK,
                item("I-2", "korla2", "work_results"),
                item("I-3", "korla", "gossip"),
                item("I-1", "korla", "meeting")),
                "'adoptions': [{'item': 'I-7', 'level': 'prefecture_briefing', 'at': '2026-13-01'}]"));
        Set<String> paths = errors.stream().map(ValidationError::path).collect(Collectors.toSet());
        assertEquals(Set.of("$.items[1].unit", "$.items[2].type", "$.items[3].id", "$.items[3].occurred_at",
                "$.adoptions[0].at", "$.adoptions[0].item"), paths, TestDocs.describe(errors));
    }

    @Test
    void problemsAreCapped() {
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            many.append(i == 0 ? "" : ",").append(item("I-" + i, "nobody", "work_results"));
        }
        List<ValidationError> errors = refuse(doc("'items': [" + many + "]"));
        assertEquals(Limits.DEFAULT.maxProblems(), errors.size());
        assertEquals("$.items[0].unit", errors.get(0).path());
    }
}

package org.ruralinfo.itests.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ruralinfo.exchange.examples.Examples;

/**
 * Commissioning and supervision through real HTTP on the running distribution (Art. 6, 9, 10, 13, 17), against the
 * public example year (Examples.YEAR): notice statuses, the supervision table and the monthly summary of March 2025 with
 * counts computed here from the example itself, shortfalls equal to the ranking's Art. 20 lines, reminders escalated
 * to a circular, the DOCX and the spreadsheets read back, and what another unit's officer may not see or do.
 */
class CommissioningSupervisionTest {
    private static final String PASSWORD = "Itest-Secret-2026";
    private static final String USER_PASSWORD = "Unit-Secret-2026";
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final ZoneId LOCAL = ZoneId.of("Asia/Shanghai");
    private static final YearMonth MARCH = YearMonth.of(2025, 3);
    private static Distribution dist;
    private static String admin;
    private static String editor;
    private static String korla;
    private static String luntai;
    private static JsonNode example;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        dist = new Distribution(Distribution.work("supervision"), PASSWORD).start();
        admin = dist.login("admin", PASSWORD);
        String doc = Examples.text(Examples.YEAR);
        example = Distribution.JSON.readTree(doc);
        HttpResponse<String> imported = dist.post("/api/v1/exchange", admin, doc);
        assertEquals(200, imported.statusCode(), imported.body());
        editor = createUser("editor", "editor", null);
        korla = createUser("korla-officer", "officer", "korla");
        luntai = createUser("luntai-officer", "officer", "luntai");
    }

    @AfterAll
    static void stop() throws Exception {
        if (dist != null) {
            dist.stop();
            dist.close();
        }
    }

    private static String createUser(String username, String role, String unit) throws Exception {
        ObjectNode u = Distribution.JSON.createObjectNode().put("username", username).put("name", username)
                .put("password", USER_PASSWORD).put("unit", unit);
        u.putArray("roles").add(role);
        HttpResponse<String> r = dist.post("/api/v1/users", admin, u.toString());
        assertEquals(201, r.statusCode(), r.body());
        return dist.login(username, USER_PASSWORD);
    }

    private static JsonNode getJson(String path, String token) throws Exception {
        HttpResponse<String> r = dist.get(path, token);
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        return Distribution.json(r);
    }

    private static Instant instant(JsonNode n) {
        return n == null || n.isNull() ? null : OffsetDateTime.parse(n.asText()).toInstant();
    }

    private static Map<String, String> kinds() {
        Map<String, String> out = new HashMap<>();
        example.path("units").forEach(u -> out.put(u.path("id").asText(), u.path("kind").asText()));
        return out;
    }

    /** Every Art. 20 line of a period by ref. */
    private static Map<String, Integer> lines(String period) throws Exception {
        Map<String, Integer> out = new HashMap<>();
        for (JsonNode rows : getJson("/api/v1/rankings?period=" + period, editor).path("kinds")) {
            for (JsonNode row : rows) {
                for (JsonNode l : row.path("lines")) {
                    out.merge(l.path("ref").asText(), l.path("points").asInt(), Integer::sum);
                }
            }
        }
        return out;
    }

    @Test
    void noticeStatusesOfTheExampleYear_Art9() throws Exception {
        Instant now = Instant.now();
        for (JsonNode n : example.path("notices")) {
            String id = n.path("id").asText();
            Instant deadline = instant(n.path("deadline"));
            JsonNode got = getJson("/api/v1/notices/" + id, editor);
            assertEquals(id, got.path("id").asText());
            assertEquals(n.path("units").size(), got.path("units").size());
            for (JsonNode u : got.path("units")) {
                String unit = u.path("unit").asText();
                boolean onTime = false;
                boolean late = false;
                for (JsonNode i : example.path("items")) {
                    if (id.equals(i.path("notice").asText()) && unit.equals(i.path("unit").asText())
                            && i.path("type").asText().equals("commissioned") && i.path("status").asText().equals("accepted")) {
                        boolean in = !instant(i.path("submitted_at")).isAfter(deadline);
                        onTime |= in;
                        late |= !in;
                    }
                }
                String expected = onTime ? "delivered" : late ? "late" : now.isAfter(deadline) ? "missing" : "pending";
                assertEquals(expected, u.path("status").asText(), id + " " + unit);
            }
        }
    }

    @Test
    void supervisionAndSummaryOfMarchAgreeWithTheExampleAndTheRanking_Art6_Art17_Art20() throws Exception {
        Map<String, String> kind = kinds();
        Map<String, int[]> counts = new HashMap<>(); // submitted, accepted, rejected, quota counted, briefing, publication, instruction
        Map<String, String> unitOf = new HashMap<>();
        for (JsonNode i : example.path("items")) {
            String unit = i.path("unit").asText();
            unitOf.put(i.path("id").asText(), unit);
            Instant at = instant(i.path("submitted_at"));
            if (at == null || !YearMonth.from(at.atZone(LOCAL)).equals(MARCH)) {
                continue;
            }
            int[] c = counts.computeIfAbsent(unit, k -> new int[7]);
            c[0]++;
            String status = i.path("status").asText();
            c[1] += status.equals("accepted") ? 1 : 0;
            c[2] += status.equals("rejected") ? 1 : 0;
            String type = i.path("type").asText();
            boolean quotaType = kind.get(unit).equals("department") ? type.equals("business")
                    : type.equals("work_results") || type.equals("experience");
            c[3] += status.equals("accepted") && quotaType ? 1 : 0;
        }
        List<String> levels = List.of("prefecture_briefing", "region_publication", "region_instruction");
        for (JsonNode a : example.path("adoptions")) {
            if (YearMonth.from(LocalDate.parse(a.path("at").asText())).equals(MARCH)) {
                String unit = unitOf.get(a.path("item").asText());
                counts.computeIfAbsent(unit, k -> new int[7])[4 + levels.indexOf(a.path("level").asText())]++;
            }
        }
        Map<String, Integer> q1 = lines("2025-Q1");

        JsonNode summary = getJson("/api/v1/summaries?month=2025-03", editor);
        assertEquals("2025-03", summary.path("month").asText());
        assertEquals(example.path("units").size(), summary.path("units").size(), "every unit listed");
        for (JsonNode u : summary.path("units")) {
            String unit = u.path("unit").asText();
            int[] c = counts.getOrDefault(unit, new int[7]);
            assertEquals(c[0], u.path("submitted").asInt(), unit);
            assertEquals(c[1], u.path("accepted").asInt(), unit);
            assertEquals(c[2], u.path("rejected").asInt(), unit);
            for (int l = 0; l < 3; l++) {
                assertEquals(c[4 + l], u.path("adopted").path(levels.get(l)).asInt(), unit + " " + levels.get(l));
            }
            int lost = q1.getOrDefault("quota:" + unit + ":2025-03", 0);
            for (JsonNode g : example.path("groups")) {
                lost += q1.getOrDefault("group:" + g.path("id").asText() + ":" + unit + ":2025-03", 0);
            }
            assertEquals(lost, -5 * u.path("shortfall").asInt(), "shortfall of " + unit + " = its Art.20 quota lines");
        }

        JsonNode sup = getJson("/api/v1/supervision?month=2025-03", editor);
        assertEquals(example.path("units").size(), sup.path("units").size());
        for (JsonNode u : sup.path("units")) {
            String unit = u.path("unit").asText();
            assertEquals(kind.get(unit), u.path("kind").asText());
            int required = switch (kind.get(unit)) {
                case "county" -> 5;
                case "member" -> 2;
                default -> 1;
            };
            assertEquals(required, u.path("quota").path("required").asInt(), unit);
            assertEquals(counts.getOrDefault(unit, new int[7])[3], u.path("quota").path("counted").asInt(), unit);
            assertEquals(q1.getOrDefault("quota:" + unit + ":2025-03", 0), u.path("quota").path("lost").asInt(), unit);
            assertTrue(u.path("research").has("period"));
            assertTrue(u.path("overdue").isArray());
            assertTrue(u.path("reminders").isArray());
        }
    }

    @Test
    void remindersEscalateToACircular_documentsAndSpreadsheetsReadBack_Art10() throws Exception {
        // a unit that missed a notice of the example: N-2025-07 of 2025-08-18, whoever sent nothing
        String missing = null;
        String notice = null;
        for (JsonNode n : example.path("notices")) {
            for (JsonNode u : getJson("/api/v1/notices/" + n.path("id").asText(), editor).path("units")) {
                if (u.path("status").asText().equals("missing") && missing == null) {
                    missing = u.path("unit").asText();
                    notice = n.path("id").asText();
                }
            }
        }
        assertTrue(missing != null, "the example has a missed notice");
        String subject = "notice:" + notice + ":" + missing;

        HttpResponse<String> phone = dist.post("/api/v1/reminders", editor, Distribution.JSON.createObjectNode()
                .put("unit", missing).put("kind", "phone").put("subject", subject).put("note", "电话催办, 答复本周内报送")
                .put("callee", "信息员").toString());
        assertEquals(201, phone.statusCode(), phone.body());
        HttpResponse<String> written = dist.post("/api/v1/reminders", editor, Distribution.JSON.createObjectNode()
                .put("unit", missing).put("kind", "notice").put("subject", subject).put("note", "请于三日内报送").toString());
        assertEquals(201, written.statusCode(), written.body());
        JsonNode w = Distribution.json(written);
        assertTrue(w.path("doc_no").asText().startsWith("催办〔"));
        byte[] docx = bytes(w.path("document").asText(), editor, null);
        String text = docxText(docx);
        String unitName = name(missing);
        assertTrue(text.contains(unitName), text);
        assertTrue(text.contains("请于三日内报送"));

        // unknown unit 400, unknown notice 404, nothing created
        assertEquals(400, dist.post("/api/v1/reminders", editor, "{\"unit\": \"nowhere\", \"kind\": \"phone\", "
                + "\"subject\": \"quota:nowhere:2025-03\"}").statusCode());
        assertEquals(404, dist.post("/api/v1/reminders", editor, "{\"unit\": \"korla\", \"kind\": \"notice\", "
                + "\"subject\": \"notice:N-404:korla\"}").statusCode());
        assertEquals(2, getJson("/api/v1/reminders", editor).path("reminders").size());
        // an officer may not remind
        assertEquals(403, dist.post("/api/v1/reminders", korla, "{\"unit\": \"korla\", \"kind\": \"phone\", "
                + "\"subject\": \"quota:korla:2025-03\"}").statusCode());

        HttpResponse<String> circular = dist.post("/api/v1/circulars", editor, "{\"note\": \"督办后仍未报送\"}");
        assertEquals(201, circular.statusCode(), circular.body());
        JsonNode c = Distribution.json(circular);
        assertEquals(1, c.path("units").size());
        assertEquals(missing, c.path("units").get(0).path("unit").asText());
        assertEquals(subject, c.path("units").get(0).path("subject").asText());
        assertEquals("[\"phone\",\"notice\"]", kinds(c.path("units").get(0).path("history")));
        assertEquals(409, dist.post("/api/v1/circulars", editor, "{\"units\": [\"luntai\"]}").statusCode());

        // the check runs on demand and queues suggestions for the editor
        assertEquals(200, dist.post("/api/v1/supervision/checks", editor, "").statusCode());
        assertEquals(200, dist.get("/api/v1/reminders/suggested", editor).statusCode());
        assertEquals(403, dist.get("/api/v1/reminders/suggested", korla).statusCode());

        // spreadsheets
        List<List<String>> sheet = xlsx("/api/v1/summaries?month=2025-03").get(0);
        List<String> order = orderedUnitNames();
        assertEquals(order, sheet.subList(2, 2 + order.size()).stream().map(r -> r.get(1)).toList());
        sheet = xlsx("/api/v1/supervision?month=2025-03").get(0);
        assertEquals(order, sheet.subList(2, 2 + order.size()).stream().map(r -> r.get(1)).toList());
        List<List<List<String>>> ranking = xlsx("/api/v1/rankings?period=2025-Q1");
        assertEquals(4, ranking.size(), "a sheet per kind and the lines");
        List<List<String>> news = xlsx("/api/v1/publicity/forms?quarter=2025-Q1&channel=news").get(0);
        assertTrue(news.get(0).get(0).startsWith("附件二"));
        Set<String> listed = new HashSet<>();
        news.subList(2, news.size()).forEach(r -> listed.add(r.get(1)));
        assertEquals(new HashSet<>(order), listed, "every unit, with a report or not");
        List<List<String>> online = xlsx("/api/v1/publicity?quarter=2025-Q1&channel=online").get(0);
        assertTrue(online.get(0).get(0).startsWith("附件三"));
    }

    @Test
    void notices_writers_training_snapshots_andWhatAnotherUnitMayNotSee() throws Exception {
        HttpResponse<String> created = dist.post("/api/v1/notices", editor, """
                {"title": "关于报送庭院经济情况的约稿通知", "requirements": "2000字以内",
                 "deadline": "2030-01-10T18:00:00+08:00", "units": ["korla"]}""");
        assertEquals(201, created.statusCode(), created.body());
        String id = Distribution.json(created).path("id").asText();
        assertEquals("pending", Distribution.json(created).path("units").get(0).path("status").asText());
        assertEquals(400, dist.post("/api/v1/notices", editor, """
                {"title": "x", "deadline": "2030-01-10T18:00:00+08:00", "units": ["korla", "nowhere"]}""").statusCode());
        assertEquals(403, dist.post("/api/v1/notices", korla, """
                {"title": "x", "deadline": "2030-01-10T18:00:00+08:00", "units": ["korla"]}""").statusCode());

        JsonNode inbox = getJson("/api/v1/notices", korla).path("notices");
        assertTrue(inbox.toString().contains(id));
        for (JsonNode n : inbox) {
            assertEquals(1, n.path("units").size(), "a unit sees its own row");
        }
        assertFalse(getJson("/api/v1/notices", luntai).toString().contains(id));
        assertEquals(404, dist.get("/api/v1/notices/" + id, luntai).statusCode());

        HttpResponse<String> named = dist.send("PUT", "/api/v1/notices/" + id + "/units/korla/writer", korla,
                HttpRequest.BodyPublishers.ofString("{\"writer\": \"张三\"}"));
        assertEquals(200, named.statusCode(), named.body());
        assertEquals("张三", Distribution.json(named).path("units").get(0).path("writer").asText());
        assertEquals(404, dist.send("PUT", "/api/v1/notices/" + id + "/units/korla/writer", luntai,
                HttpRequest.BodyPublishers.ofString("{\"writer\": \"李四\"}")).statusCode());

        // supervision and summaries: a unit's officer sees its own row only
        JsonNode own = getJson("/api/v1/supervision?month=2025-03", luntai);
        assertEquals(1, own.path("units").size());
        assertEquals("luntai", own.path("units").get(0).path("unit").asText());
        assertEquals(1, getJson("/api/v1/summaries?month=2025-03", korla).path("units").size());
        assertEquals(400, dist.get("/api/v1/summaries?month=March", editor).statusCode());
        assertEquals(401, dist.get("/api/v1/supervision?month=2025-03", null).statusCode());

        // training (Art. 13)
        HttpResponse<String> t = dist.post("/api/v1/training", editor, """
                {"unit": "korla", "form": "seminar", "date": "2025-06-10", "title": "信息写作专题培训",
                 "attendees": ["李四", "王五"]}""");
        assertEquals(201, t.statusCode(), t.body());
        assertEquals(400, dist.post("/api/v1/training", editor, """
                {"unit": "korla", "form": "party", "date": "2025-06-10", "title": "x", "attendees": ["a"]}""").statusCode());
        assertEquals(1, getJson("/api/v1/training?unit=korla", korla).path("units").get(0).path("sessions").size());
        assertEquals(0, getJson("/api/v1/training", luntai).path("units").size());

        // a frozen quarter: the report as frozen, no adjustments while nothing changed
        HttpResponse<String> frozen = dist.post("/api/v1/rankings/snapshots?period=2025-Q2", editor, "");
        assertEquals(201, frozen.statusCode(), frozen.body());
        assertEquals(409, dist.post("/api/v1/rankings/snapshots?period=2025-Q2", editor, "").statusCode());
        assertEquals(403, dist.post("/api/v1/rankings/snapshots?period=2025-Q3", korla, "").statusCode());
        JsonNode snap = getJson("/api/v1/rankings/snapshots/2025-Q2", editor);
        assertEquals("ruralinfo-ranking/1", snap.path("report").path("format").asText());
        assertEquals(0, snap.path("adjustments").size());
        assertEquals(404, dist.get("/api/v1/rankings/snapshots/2025-Q4", editor).statusCode());

        JsonNode health = getJson("/api/v1/health", null);
        assertEquals(health.path("bundles").path("total").asInt(), health.path("bundles").path("active").asInt());
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    private static String kinds(JsonNode history) {
        List<String> out = new ArrayList<>();
        history.forEach(h -> out.add("\"" + h.path("kind").asText() + "\""));
        return "[" + String.join(",", out) + "]";
    }

    private static String name(String unit) {
        for (JsonNode u : example.path("units")) {
            if (u.path("id").asText().equals(unit)) {
                return u.path("name").asText();
            }
        }
        return unit;
    }

    /** The unit names in the fixed order of every table: county, member unit, department, then by id. */
    private static List<String> orderedUnitNames() {
        List<String> kinds = List.of("county", "member", "department");
        List<JsonNode> units = new ArrayList<>();
        example.path("units").forEach(units::add);
        units.sort((a, b) -> {
            int k = Integer.compare(kinds.indexOf(a.path("kind").asText()), kinds.indexOf(b.path("kind").asText()));
            return k != 0 ? k : a.path("id").asText().compareTo(b.path("id").asText());
        });
        return units.stream().map(u -> u.path("name").asText()).toList();
    }

    private static byte[] bytes(String path, String token, String accept) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(dist.uri(path)).header("Authorization", "Bearer " + token);
        if (accept != null) {
            b.header("Accept", accept);
        }
        HttpResponse<byte[]> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode(), path + ": " + new String(r.body(), StandardCharsets.UTF_8));
        if (accept != null) {
            assertEquals(accept, r.headers().firstValue("Content-Type").orElse("").replaceAll(";.*", ""));
        }
        return r.body();
    }

    private static String docxText(byte[] docx) throws Exception {
        Map<String, byte[]> parts = unzip(docx);
        String xml = new String(parts.get("word/document.xml"), StandardCharsets.UTF_8);
        return xml.replaceAll("</w:p>", "\n").replaceAll("<[^>]*>", "");
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Path tmp = Files.createTempFile("download", ".zip");
        try {
            Files.write(tmp, zip);
            Map<String, byte[]> out = new HashMap<>();
            try (ZipFile z = new ZipFile(tmp.toFile())) {
                for (ZipEntry e : Collections.list(z.entries())) {
                    try (InputStream in = z.getInputStream(e)) {
                        out.put(e.getName(), in.readAllBytes());
                    }
                }
            }
            return out;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Downloads a spreadsheet by {@code Accept} and reads its sheets back: rows of cell texts. */
    private static List<List<List<String>>> xlsx(String path) throws Exception {
        Map<String, byte[]> parts = unzip(bytes(path, editor, XLSX));
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        List<String> shared = new ArrayList<>();
        if (parts.containsKey("xl/sharedStrings.xml")) {
            NodeList si = f.newDocumentBuilder().parse(new ByteArrayInputStream(parts.get("xl/sharedStrings.xml")))
                    .getElementsByTagName("si");
            for (int i = 0; i < si.getLength(); i++) {
                shared.add(si.item(i).getTextContent());
            }
        }
        TreeMap<Integer, List<List<String>>> sheets = new TreeMap<>();
        for (Map.Entry<String, byte[]> p : parts.entrySet()) {
            if (!p.getKey().matches("xl/worksheets/sheet\\d+\\.xml")) {
                continue;
            }
            List<List<String>> rows = new ArrayList<>();
            NodeList rs = f.newDocumentBuilder().parse(new ByteArrayInputStream(p.getValue())).getElementsByTagName("row");
            for (int i = 0; i < rs.getLength(); i++) {
                Element row = (Element) rs.item(i);
                int r = Integer.parseInt(row.getAttribute("r")) - 1;
                while (rows.size() <= r) {
                    rows.add(new ArrayList<>());
                }
                NodeList cs = row.getElementsByTagName("c");
                for (int j = 0; j < cs.getLength(); j++) {
                    Element c = (Element) cs.item(j);
                    int col = 0;
                    for (char ch : c.getAttribute("r").toCharArray()) {
                        if (Character.isLetter(ch)) {
                            col = col * 26 + (ch - 'A' + 1);
                        }
                    }
                    NodeList v = c.getElementsByTagName("v");
                    String text = "s".equals(c.getAttribute("t")) ? shared.get(Integer.parseInt(v.item(0).getTextContent()))
                            : v.getLength() == 0 ? c.getTextContent() : v.item(0).getTextContent();
                    List<String> cells = rows.get(r);
                    while (cells.size() < col) {
                        cells.add("");
                    }
                    cells.set(col - 1, text);
                }
            }
            sheets.put(Integer.parseInt(p.getKey().replaceAll("\\D", "")), rows);
        }
        return new ArrayList<>(sheets.values());
    }
}

package org.ruralinfo.itests.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ruralinfo.exchange.examples.Examples;

/**
 * Art. 12 and 16 through real HTTP on two running distributions: a year's volume of everything sent up to
 * the region (the example year's regional adoptions, and an item forwarded through the intake flow) is
 * closed, packaged and verified intact; a flipped byte is named by its file, a forged manifest is detected,
 * zip-slip and zip bombs are refused with nothing written; a unit's exchange package, exported on its own
 * installation, is imported at the prefecture once it trusts the unit's key, and importing it twice changes
 * nothing.
 */
class ArchiveTest {
    private static final String PASSWORD = "Itest-Secret-2026";
    private static final String USER_PASSWORD = "Unit-Secret-2026";
    private static final ZoneId LOCAL = ZoneId.of("Asia/Shanghai");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Distribution unit;
    private static Distribution prefecture;
    private static String admin;
    private static String editor;
    private static JsonNode example;

    @BeforeAll
    static void start() throws Exception {
        unit = new Distribution(Distribution.work("archive-unit"), PASSWORD).start();
        prefecture = new Distribution(Distribution.work("archive-prefecture"), PASSWORD).start();
        admin = unit.login("admin", PASSWORD);
        String doc = Examples.text(Examples.YEAR);
        example = Distribution.JSON.readTree(doc);
        HttpResponse<String> imported = unit.post("/api/v1/exchange", admin, doc);
        assertEquals(200, imported.statusCode(), imported.body());
        editor = createUser(unit, admin, "editor", "editor", null);
    }

    @AfterAll
    static void stop() throws Exception {
        for (Distribution d : new Distribution[] {unit, prefecture}) {
            if (d != null) {
                d.stop();
                d.close();
            }
        }
    }

    private static String createUser(Distribution d, String adminToken, String username, String role, String unitId)
            throws Exception {
        ObjectNode u = Distribution.JSON.createObjectNode().put("username", username).put("name", username)
                .put("password", USER_PASSWORD);
        if (unitId != null) {
            u.put("unit", unitId);
        }
        u.putArray("roles").add(role);
        HttpResponse<String> r = d.post("/api/v1/users", adminToken, u.toString());
        assertEquals(201, r.statusCode(), r.body());
        return d.login(username, USER_PASSWORD);
    }

    private static HttpResponse<byte[]> download(Distribution d, String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(d.uri(path)).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpResponse<String> postZip(Distribution d, String path, String token, byte[] zip)
            throws Exception {
        return HTTP.send(HttpRequest.newBuilder(d.uri(path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/zip").POST(HttpRequest.BodyPublishers.ofByteArray(zip)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static JsonNode verify(Distribution d, String token, byte[] zip) throws Exception {
        HttpResponse<String> r = postZip(d, "/api/v1/archive/verify", token, zip);
        assertEquals(200, r.statusCode(), r.body());
        return Distribution.json(r);
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                out.put(e.getName(), in.readAllBytes());
            }
        }
        return out;
    }

    private static byte[] zip(Map<String, byte[]> files) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                z.putNextEntry(new ZipEntry(f.getKey()));
                z.write(f.getValue());
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }

    private static int year(String instant) {
        return OffsetDateTime.parse(instant).atZoneSameInstant(LOCAL).getYear();
    }

    /** @return every file under {@code dir} (relative paths) */
    private static Set<String> files(Path dir) throws IOException {
        Set<String> out = new HashSet<>();
        if (Files.exists(dir)) {
            try (Stream<Path> s = Files.walk(dir)) {
                s.filter(Files::isRegularFile).forEach(p -> out.add(dir.relativize(p).toString()));
            }
        }
        return out;
    }

    @Test
    void aYearIsClosedPackagedAndVerifiedAndTamperingIsNamed_Art12() throws Exception {
        JsonNode health = Distribution.json(unit.get("/api/v1/health", null));
        assertEquals(health.path("bundles").path("total").asInt(), health.path("bundles").path("active").asInt(),
                "every bundle ACTIVE");

        // Art. 12: the example year's volume holds every accepted item adopted at a regional level
        Set<String> regional = new HashSet<>();
        Map<String, JsonNode> items = new LinkedHashMap<>();
        example.path("items").forEach(i -> items.put(i.path("id").asText(), i));
        for (JsonNode a : example.path("adoptions")) {
            JsonNode i = items.get(a.path("item").asText());
            if (a.path("level").asText().startsWith("region_") && i.path("status").asText().equals("accepted")
                    && year(i.path("submitted_at").asText()) == 2025) {
                regional.add(i.path("id").asText());
            }
        }
        JsonNode open = Distribution.json(unit.get("/api/v1/archive/volumes/2025", editor));
        assertFalse(open.path("closed").asBoolean());
        Set<String> held = new HashSet<>();
        open.path("items").forEach(i -> held.add(i.path("id").asText()));
        assertEquals(regional, held);

        // a paper copy is registered while the volume is open
        HttpResponse<String> paper = unit.post("/api/v1/archive/volumes/2025/paper", editor,
                "{\"box\": \"3\", \"volume\": \"2025-01\", \"piece\": \"1-106\", \"shelf\": \"档案室A-2\", "
                        + "\"filed_by\": \"王立卷\", \"note\": \"报送自治区信息纸质件\"}");
        assertEquals(201, paper.statusCode(), paper.body());

        // closed: read-only, only annotated
        HttpResponse<String> closed = unit.post("/api/v1/archive/volumes?year=2025", editor, "");
        assertEquals(200, closed.statusCode(), closed.body());
        assertTrue(Distribution.json(closed).path("closed").asBoolean());
        assertEquals(regional.size(), Distribution.json(closed).path("items").size());
        assertEquals(409, unit.post("/api/v1/archive/volumes?year=2025", editor, "").statusCode());
        assertEquals(409, unit.post("/api/v1/archive/volumes/2025/paper", editor,
                "{\"box\": \"4\", \"volume\": \"2025-02\", \"piece\": \"1\", \"filed_by\": \"王立卷\"}").statusCode());
        String archived = regional.iterator().next();
        HttpResponse<String> note = unit.post("/api/v1/archive/volumes/2025/annotations", editor,
                Distribution.JSON.createObjectNode().put("item", archived).put("note", "原件另存自治区档案室").toString());
        assertEquals(201, note.statusCode(), note.body());
        JsonNode audit = Distribution.json(unit.get("/api/v1/audit?action=archive.annotate", admin));
        assertTrue(audit.toString().contains("原件另存自治区档案室"), audit.toString());
        // the database lock: an archived adoption is not withdrawn
        JsonNode item = Distribution.json(unit.get("/api/v1/items/" + archived, editor));
        String level = item.path("adoptions").get(item.path("adoptions").size() - 1).path("level").asText();
        HttpResponse<String> withdraw = unit.send("DELETE", "/api/v1/items/" + archived + "/adoptions/" + level, editor,
                HttpRequest.BodyPublishers.noBody());
        assertEquals(409, withdraw.statusCode(), withdraw.body()); // a conflict, never a 500
        assertEquals(item.path("adoptions").size(),
                Distribution.json(unit.get("/api/v1/items/" + archived, editor)).path("adoptions").size());

        // the package, verified intact
        HttpResponse<byte[]> pkg = download(unit, "/api/v1/archive/packages/2025", editor);
        assertEquals(200, pkg.statusCode());
        assertEquals("application/zip", pkg.headers().firstValue("Content-Type").orElse(""));
        byte[] zip = pkg.body();
        JsonNode intact = verify(unit, editor, zip);
        assertTrue(intact.path("intact").asBoolean(), intact.toString());
        assertEquals(0, intact.path("problems").size());
        Map<String, byte[]> files = unzip(zip);
        assertTrue(files.keySet().containsAll(List.of("items.json", "volume.json", "annotations.json", "index.html",
                "manifest.json", "manifest.sig", "public-key.pem")), files.keySet().toString());
        assertTrue(new String(files.get("index.html"), StandardCharsets.UTF_8).contains("档案目录"));
        HttpResponse<String> key = unit.get("/api/v1/archive/key", null);
        assertEquals(200, key.statusCode());
        assertTrue(key.body().startsWith("-----BEGIN PUBLIC KEY-----"));
        assertEquals(key.body(), new String(files.get("public-key.pem"), StandardCharsets.US_ASCII));

        // one flipped byte, named by its file
        Map<String, byte[]> flipped = unzip(zip);
        flipped.get("items.json")[100] ^= 0x01;
        JsonNode changed = verify(unit, editor, zip(flipped));
        assertFalse(changed.path("intact").asBoolean());
        assertEquals(1, changed.path("problems").size(), changed.toString());
        assertEquals("items.json", changed.path("problems").get(0).path("path").asText());

        // a forged manifest: a changed file with its checksum changed in the manifest too
        Map<String, byte[]> forged = unzip(zip);
        byte[] html = "<h1>伪造</h1>".getBytes(StandardCharsets.UTF_8);
        forged.put("index.html", html);
        ObjectNode manifest = (ObjectNode) Distribution.JSON.readTree(forged.get("manifest.json"));
        for (JsonNode f : manifest.path("files")) {
            if (f.path("path").asText().equals("index.html")) {
                ((ObjectNode) f).put("sha256", sha256(html)).put("size", html.length);
            }
        }
        forged.put("manifest.json", Distribution.JSON.writeValueAsBytes(manifest));
        JsonNode fake = verify(unit, editor, zip(forged));
        assertFalse(fake.path("intact").asBoolean());
        assertEquals("manifest.json", fake.path("problems").get(0).path("path").asText(), fake.toString());

        // hostile packages: 400 problem+json, nothing written
        Set<String> before = files(unit.home);
        Map<String, byte[]> slip = new LinkedHashMap<>(unzip(zip));
        slip.put("../../evil.txt", "owned".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> slipped = postZip(unit, "/api/v1/archive/verify", editor, zip(slip));
        assertEquals(400, slipped.statusCode(), slipped.body());
        assertTrue(slipped.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        HttpResponse<String> slippedImport = postZip(unit, "/api/v1/archive/exchange-packages", editor, zip(slip));
        assertEquals(400, slippedImport.statusCode(), slippedImport.body());

        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bomb)) {
            z.setLevel(9);
            z.putNextEntry(new ZipEntry("items.json"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 200; i++) {
                z.write(zeros);
            }
            z.closeEntry();
        }
        HttpResponse<String> bombed = postZip(unit, "/api/v1/archive/exchange-packages", editor, bomb.toByteArray());
        assertEquals(400, bombed.statusCode(), bombed.body());
        assertTrue(bombed.body().contains("zip bomb"), bombed.body());
        assertEquals(400, postZip(unit, "/api/v1/archive/verify", editor, bomb.toByteArray()).statusCode());
        assertEquals(400, postZip(unit, "/api/v1/archive/verify", editor,
                "{\"not\": \"a zip\"}".getBytes(StandardCharsets.UTF_8)).statusCode());
        Set<String> after = files(unit.home);
        after.removeIf(p -> p.startsWith("logs") || p.startsWith("cache") || p.startsWith("db") || p.equals("process.log"));
        before.removeIf(p -> p.startsWith("logs") || p.startsWith("cache") || p.startsWith("db") || p.equals("process.log"));
        assertEquals(before, after, "nothing written");
        assertFalse(Files.exists(unit.home.getParent().resolve("evil.txt")));
        assertFalse(Files.exists(unit.home.resolve("evil.txt")));

        // the volume list
        JsonNode volumes = Distribution.json(unit.get("/api/v1/archive/volumes", editor));
        boolean listed = false;
        for (JsonNode v : volumes.path("volumes")) {
            listed |= v.path("year").asInt() == 2025 && v.path("closed").asBoolean() && v.path("paper").asInt() == 1
                    && v.path("annotations").asInt() == 1;
        }
        assertTrue(listed, volumes.toString());
    }

    @Test
    void aUnitsPackageIsImportedAtThePrefectureOnceItTrustsTheKey_Art16() throws Exception {
        // the unit's installation exports korla's items of 2025 for the CD
        HttpResponse<byte[]> exported = download(unit,
                "/api/v1/archive/exchange-packages?unit=korla&from=2025-01-01&to=2025-12-31", admin);
        assertEquals(200, exported.statusCode(), new String(exported.body(), StandardCharsets.UTF_8));
        byte[] zip = exported.body();
        int korla = 0;
        for (JsonNode i : example.path("items")) {
            if (i.path("unit").asText().equals("korla") && year(i.path("submitted_at").asText()) == 2025) {
                korla++;
            }
        }
        assertTrue(korla > 0);

        String prefAdmin = prefecture.login("admin", PASSWORD);
        String prefEditor = createUser(prefecture, prefAdmin, "pref-editor", "editor", null);
        // not trusted yet: refused, nothing imported
        HttpResponse<String> untrusted = postZip(prefecture, "/api/v1/archive/exchange-packages", prefEditor, zip);
        assertEquals(400, untrusted.statusCode(), untrusted.body());
        assertTrue(untrusted.body().contains("manifest.sig"), untrusted.body());
        JsonNode verdict = verify(prefecture, prefEditor, zip);
        assertFalse(verdict.path("intact").asBoolean());
        assertEquals(0, Distribution.json(prefecture.get("/api/v1/exchange?year=2025", prefAdmin)).path("items").size());

        // the prefecture's admin registers the unit's public key (brought on the same CD, checked by phone)
        String pem = unit.get("/api/v1/archive/key", null).body();
        HttpResponse<String> trusted = prefecture.post("/api/v1/archive/trusted-keys", prefAdmin,
                Distribution.JSON.createObjectNode().put("public_key", pem).put("label", "库尔勒市乡村振兴局").toString());
        assertEquals(201, trusted.statusCode(), trusted.body());
        assertEquals(403, prefecture.post("/api/v1/archive/trusted-keys", prefEditor,
                Distribution.JSON.createObjectNode().put("public_key", pem).toString()).statusCode(), "admin only");
        assertTrue(verify(prefecture, prefEditor, zip).path("intact").asBoolean());

        HttpResponse<String> first = postZip(prefecture, "/api/v1/archive/exchange-packages", prefEditor, zip);
        assertEquals(200, first.statusCode(), first.body());
        JsonNode result = Distribution.json(first);
        assertFalse(result.path("already_imported").asBoolean());
        assertEquals(korla, result.path("imported").path("items").asInt());
        String afterFirst = prefecture.get("/api/v1/exchange?year=2025", prefAdmin).body();
        assertEquals(korla, Distribution.JSON.readTree(afterFirst).path("items").size());

        // the same package twice changes nothing
        HttpResponse<String> second = postZip(prefecture, "/api/v1/archive/exchange-packages", prefEditor, zip);
        assertEquals(200, second.statusCode(), second.body());
        assertTrue(Distribution.json(second).path("already_imported").asBoolean());
        assertEquals(afterFirst, prefecture.get("/api/v1/exchange?year=2025", prefAdmin).body());
        JsonNode audit = Distribution.json(prefecture.get("/api/v1/audit?action=archive.import", prefAdmin));
        assertEquals(1, audit.path("entries").size(), audit.toString());
    }
}

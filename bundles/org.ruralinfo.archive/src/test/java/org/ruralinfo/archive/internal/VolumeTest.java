package org.ruralinfo.archive.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ruralinfo.api.Adoption;
import org.ruralinfo.api.AdoptionLevel;
import org.ruralinfo.api.ExchangeDocument;
import org.ruralinfo.api.ImportCounts;
import org.ruralinfo.api.Item;
import org.ruralinfo.api.ItemStatus;
import org.ruralinfo.api.ItemType;
import org.ruralinfo.api.Role;
import org.ruralinfo.api.Unit;
import org.ruralinfo.api.UnitKind;
import org.ruralinfo.api.UserAccount;
import org.ruralinfo.archive.ArchiveException;
import org.ruralinfo.archive.ImportResult;
import org.ruralinfo.archive.PaperRequest;
import org.ruralinfo.archive.Verification;
import org.ruralinfo.archive.Volume;
import org.ruralinfo.exchange.internal.JsonExchangeCodec;
import org.ruralinfo.store.testing.TestDb;

/**
 * Art. 12 立卷归档 and Art. 16: a year's volume holds the items forwarded to the region or adopted at a
 * regional level; closed, it is frozen and locked in the database, only annotated; its package verifies
 * intact; a unit's exchange package travels to another installation that trusts its key, once.
 */
class VolumeTest {
    private static final UserAccount EDITOR = new UserAccount("editor", "editor", Set.of(Role.EDITOR), null);
    private static final String SHA = Digests.sha256Hex(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1, 2, 3});

    @TempDir
    Path home;
    private TestDb a;
    private ArchiveService archive;

    @BeforeEach
    void setUp() throws Exception {
        a = new TestDb();
        a.store.importDocument(document("庭院经济带动增收"), "test");
        // I-3 forwarded by the editor (intake's forward action), with a photo
        a.update("UPDATE items SET forwarded_at = ?, forwarded_by = 'editor' WHERE id = 'I-3'",
                OffsetDateTime.parse("2025-05-03T10:00:00+08:00"));
        Files.createDirectories(home.resolve("attachments"));
        Files.write(home.resolve("attachments").resolve(SHA), new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1, 2, 3});
        a.update("INSERT INTO attachments (item, seq, name, media_type, size_bytes, sha256, created_at, created_by) "
                + "VALUES ('I-3', 1, '现场.jpg', 'image/jpeg', 6, ?, ?, 'korla-officer')", SHA,
                OffsetDateTime.parse("2025-05-01T09:00:00+08:00"));
        archive = service(a, home, List.of());
    }

    @AfterEach
    void tearDown() {
        a.close();
    }

    private static ArchiveService service(TestDb db, Path home, List<String> trusted) {
        return new ArchiveService(db.db, db.store, new JsonExchangeCodec(), home, Limits.DEFAULT, trusted,
                ZoneId.of("Asia/Shanghai"), Clock.fixed(Instant.parse("2026-01-10T02:00:00Z"), ZoneOffset.UTC));
    }

    private static Instant at(String iso) {
        return OffsetDateTime.parse(iso).toInstant();
    }

    private static ExchangeDocument document(String firstTitle) {
        List<Item> items = List.of(
                new Item("I-1", "korla", ItemType.WORK_RESULTS, firstTitle, "正文一", at("2025-03-01T10:00:00+08:00"),
                        null, null, null, null, ItemStatus.ACCEPTED, false),
                new Item("I-2", "korla", ItemType.EXPERIENCE, "只被州简报采用", "正文二", at("2025-04-01T10:00:00+08:00"),
                        null, null, null, null, ItemStatus.ACCEPTED, false),
                new Item("I-3", "korla", ItemType.RESEARCH, "设施农业调研", "正文三", at("2025-05-01T10:00:00+08:00"),
                        null, null, null, null, ItemStatus.ACCEPTED, false),
                new Item("I-4", "luntai", ItemType.WORK_RESULTS, "退回的信息", "正文四", at("2025-06-01T10:00:00+08:00"),
                        null, null, null, null, ItemStatus.REJECTED, false),
                new Item("I-5", "luntai", ItemType.WORK_RESULTS, "2026年的信息", "正文五", at("2026-01-05T10:00:00+08:00"),
                        null, null, null, null, ItemStatus.ACCEPTED, false));
        List<Adoption> adoptions = List.of(
                new Adoption("I-1", AdoptionLevel.PREFECTURE_BRIEFING, LocalDate.parse("2025-03-05"), "2025年第3期"),
                new Adoption("I-1", AdoptionLevel.REGION_PUBLICATION, LocalDate.parse("2025-03-20"), "自治区信息第9期"),
                new Adoption("I-2", AdoptionLevel.PREFECTURE_BRIEFING, LocalDate.parse("2025-04-05"), "2025年第4期"),
                new Adoption("I-5", AdoptionLevel.REGION_INSTRUCTION, LocalDate.parse("2026-01-08"), null));
        return new ExchangeDocument("bazhou", List.of(), List.of(new Unit("korla", "库尔勒市乡村振兴局", UnitKind.COUNTY),
                new Unit("luntai", "轮台县乡村振兴局", UnitKind.COUNTY)), List.of(), List.of(), List.of(), items, adoptions,
                List.of());
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

    private byte[] volumePackage(int year) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        archive.writePackage(EDITOR, year, out);
        return out.toByteArray();
    }

    @Test
    void theVolumeHoldsWhatWasForwardedOrAdoptedRegionally_Art12() {
        Volume v = archive.volume(2025);
        assertFalse(v.closed());
        assertEquals(List.of("I-1", "I-3"), v.items().stream().map(i -> i.id()).toList());
        assertEquals(List.of("region_publication"), v.items().get(0).reasons());
        assertEquals(List.of("forwarded"), v.items().get(1).reasons());
        assertEquals(1, v.items().get(1).attachments());
        assertEquals(List.of("I-5"), archive.volume(2026).items().stream().map(i -> i.id()).toList());
        assertEquals(List.of(2026, 2025), archive.volumes().stream().map(Volume::year).toList());
    }

    @Test
    void aClosedVolumeIsFrozenLockedAndOnlyAnnotated_Art12() throws Exception {
        archive.registerPaper(EDITOR, 2025, new PaperRequest("I-1", "3", "2025-01", "12", "档案室A-2", "王立卷", null, null));
        Volume closed = archive.close(EDITOR, 2025);
        assertTrue(closed.closed());
        assertNotNull(closed.sealed());
        assertEquals(2, closed.items().size());
        Path frozen = home.resolve("archive/volumes/2025");
        assertTrue(Files.isRegularFile(frozen.resolve("items.json")));
        assertTrue(Files.isRegularFile(frozen.resolve("attachments").resolve(SHA)));
        assertEquals(ArchiveException.Kind.CONFLICT,
                assertThrows(ArchiveException.class, () -> archive.close(EDITOR, 2025)).kind());

        // the database refuses every change of what the volume holds, whoever writes
        assertThrows(SQLException.class, () -> a.update(
                "DELETE FROM adoptions WHERE item = 'I-1' AND level = 'region_publication'"));
        assertThrows(SQLException.class, () -> a.update("UPDATE items SET status = 'rejected' WHERE id = 'I-3'"));
        assertThrows(SQLException.class, () -> a.update("UPDATE items SET research_qualified = TRUE WHERE id = 'I-3'"));
        assertThrows(SQLException.class, () -> a.update("UPDATE adoptions SET at = DATE '2025-03-21' WHERE item = 'I-1' "
                + "AND level = 'region_publication'"));
        assertThrows(RuntimeException.class, () -> a.store.importDocument(document("改过的标题"), "test"));
        assertEquals(1, a.count("SELECT COUNT(*) FROM items WHERE title = '庭院经济带动增收'"), "nothing changed");
        // the same document again changes nothing and is allowed
        ImportCounts again = a.store.importDocument(document("庭院经济带动增收"), "test");
        assertEquals(5, again.items());
        // an item outside the volume stays free
        assertEquals(1, a.update("UPDATE items SET title = '改题' WHERE id = 'I-2'"));

        assertEquals(ArchiveException.Kind.CONFLICT, assertThrows(ArchiveException.class, () -> archive.registerPaper(
                EDITOR, 2025, new PaperRequest(null, "4", "2025-01", "13", null, "王立卷", null, null))).kind());
        archive.annotate(EDITOR, 2025, "I-1", "自治区信息第9期另有纸质原件, 见盒3");
        assertEquals(1, a.count("SELECT COUNT(*) FROM audit WHERE action = 'archive.annotate' AND target = 'volume:2025'"));
        assertEquals(ArchiveException.Kind.NOT_FOUND, assertThrows(ArchiveException.class,
                () -> archive.annotate(EDITOR, 2025, "I-2", "不在卷内")).kind());
        assertEquals(ArchiveException.Kind.CONFLICT, assertThrows(ArchiveException.class,
                () -> archive.annotate(EDITOR, 2026, null, "未封卷")).kind());
    }

    @Test
    void aClosedYearsPackageVerifiesIntactAndCarriesEverything() throws Exception {
        archive.registerPaper(EDITOR, 2025, new PaperRequest(null, "3", "2025-01", "1-2", "档案室A-2", "王立卷", null, "整卷"));
        archive.close(EDITOR, 2025);
        archive.annotate(EDITOR, 2025, null, "已移交自治区档案室");
        byte[] zip = volumePackage(2025);
        Verification v = archive.verify(new ByteArrayInputStream(zip));
        assertTrue(v.intact(), v.problems().toString());
        Map<String, byte[]> files = unzip(zip);
        assertEquals(Set.of("items.json", "volume.json", "annotations.json", "attachments/" + SHA, "index.html",
                "public-key.pem", "manifest.json", "manifest.sig"), files.keySet());
        String index = new String(files.get("index.html"), StandardCharsets.UTF_8);
        assertTrue(index.contains("庭院经济带动增收") && index.contains("已封卷") && index.contains("王立卷")
                && index.contains("已移交自治区档案室"), index);
        String items = new String(files.get("items.json"), StandardCharsets.UTF_8);
        assertTrue(items.contains("ruralinfo-exchange/1") && items.contains("region_publication"));
        // a closed volume's package is built from the frozen files: a later change of the records is not in it
        a.update("UPDATE units SET name = '改名' WHERE id = 'korla'");
        assertTrue(new String(unzip(volumePackage(2025)).get("volume.json"), StandardCharsets.UTF_8)
                .contains("库尔勒市乡村振兴局"));
        // and a frozen file changed on disk is noticed, never packaged
        Files.writeString(home.resolve("archive/volumes/2025/items.json"), "{}");
        assertEquals(ArchiveException.Kind.CONFLICT,
                assertThrows(ArchiveException.class, () -> volumePackage(2025)).kind());
    }

    @Test
    void anExchangePackageTravelsToAnInstallationThatTrustsItsKeyOnce_Art16(@TempDir Path otherHome)
            throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        archive.writeExchangePackage(EDITOR, "korla", LocalDate.parse("2025-01-01"), LocalDate.parse("2025-12-31"), out);
        byte[] zip = out.toByteArray();
        assertTrue(archive.verify(new ByteArrayInputStream(zip)).intact());

        TestDb b = new TestDb();
        try {
            ArchiveService prefecture = service(b, otherHome, List.of());
            ArchiveException untrusted = assertThrows(ArchiveException.class,
                    () -> prefecture.importExchangePackage(EDITOR, new ByteArrayInputStream(zip)));
            assertEquals(ArchiveException.Kind.NOT_VERIFIED, untrusted.kind());
            assertEquals(0, b.count("SELECT COUNT(*) FROM items"), "nothing imported");
            assertFalse(Files.exists(otherHome.resolve("attachments").resolve(SHA)), "nothing written");

            prefecture.trust(EDITOR, archive.publicKeyPem(), "库尔勒市 光盘");
            ImportResult first = prefecture.importExchangePackage(EDITOR, new ByteArrayInputStream(zip));
            assertFalse(first.alreadyImported());
            assertEquals(3, first.counts().items(), "korla's screened items of 2025");
            assertEquals(1, first.attachments());
            assertTrue(Files.isRegularFile(otherHome.resolve("attachments").resolve(SHA)));
            assertEquals(1, b.count("SELECT COUNT(*) FROM attachments WHERE item = 'I-3' AND sha256 = ?", SHA));
            long revision = b.store.version();
            long audit = b.count("SELECT COUNT(*) FROM audit");

            ImportResult second = prefecture.importExchangePackage(EDITOR, new ByteArrayInputStream(zip));
            assertTrue(second.alreadyImported());
            assertEquals(revision, b.store.version(), "the same package twice changes nothing");
            assertEquals(audit, b.count("SELECT COUNT(*) FROM audit"));
            assertEquals(3, b.count("SELECT COUNT(*) FROM items"));
        } finally {
            b.close();
        }
    }

    @Test
    void aConfiguredKeyIsTrustedToo(@TempDir Path otherHome) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        archive.writeExchangePackage(EDITOR, "luntai", LocalDate.parse("2025-01-01"), LocalDate.parse("2026-12-31"), out);
        TestDb b = new TestDb();
        try {
            ArchiveService prefecture = service(b, otherHome, List.of(archive.publicKeyPem()));
            assertTrue(prefecture.verify(new ByteArrayInputStream(out.toByteArray())).intact());
            assertEquals(2, prefecture.importExchangePackage(EDITOR, new ByteArrayInputStream(out.toByteArray()))
                    .counts().items());
        } finally {
            b.close();
        }
    }
}

package org.ruralinfo.archive.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ruralinfo.archive.ArchiveException;
import org.ruralinfo.archive.Problem;
import org.ruralinfo.archive.Verification;

/**
 * Art. 16: the receiver of a package can tell a changed file from a forged manifest, and a hostile ZIP
 * (zip-slip, zip bomb, huge or duplicate entries, not a ZIP) is refused before anything is kept.
 */
class PackageVerificationTest {
    private static final KeyPair KEY = pair();
    private static final KeyPair OTHER = pair();

    private static KeyPair pair() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Trusts {@link #KEY} only. */
    private static final Function<String, PublicKey> TRUST = fp -> fp.equals(Keys.fingerprint(KEY.getPublic()))
            ? KEY.getPublic() : null;

    private static byte[] signedPackage(KeyPair key) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PackageWriter w = new PackageWriter(out);
        w.add("items.json", "{\"format\": \"ruralinfo-exchange/1\", \"items\": []}".getBytes(StandardCharsets.UTF_8));
        w.add("index.html", "<h1>2025年度 目录</h1>".getBytes(StandardCharsets.UTF_8));
        w.add("attachments/" + "a".repeat(64), new byte[] {1, 2, 3, 4, 5});
        w.finish(Map.of("kind", "volume", "year", 2025), key);
        return out.toByteArray();
    }

    private static Verification verify(byte[] zip) {
        return Verifier.check(SafeZip.read(new ByteArrayInputStream(zip), Limits.DEFAULT,
                p -> p.startsWith("manifest") || p.endsWith(".pem") ? 1 << 20 : 0, null), TRUST).verification();
    }

    /** @return the files of a ZIP, in order */
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

    private static ArchiveException refused(byte[] zip) {
        return assertThrows(ArchiveException.class, () -> verify(zip));
    }

    @Test
    void aSignedPackageIsIntact_Art16() {
        Verification v = verify(signedPackage(KEY));
        assertTrue(v.intact(), v.problems().toString());
        assertEquals(List.of(), v.problems());
        assertEquals(Keys.fingerprint(KEY.getPublic()), v.signer());
        assertEquals("volume", v.kind());
    }

    @Test
    void theManifestListsPathSha256AndSizeOfEveryFile() throws IOException {
        Map<String, byte[]> files = unzip(signedPackage(KEY));
        var manifest = PackageWriter.JSON.readTree(files.get("manifest.json"));
        assertEquals(PackageWriter.FORMAT, manifest.path("format").asText());
        assertEquals("Ed25519", manifest.path("signer").path("algorithm").asText());
        assertEquals(4, manifest.path("files").size(), "items, index, one attachment, the public key");
        for (var f : manifest.path("files")) {
            byte[] data = files.get(f.path("path").asText());
            assertEquals(Digests.sha256Hex(data), f.path("sha256").asText());
            assertEquals(data.length, f.path("size").asLong());
        }
    }

    @Test
    void oneFlippedByteInAFileIsFoundAndNamedByItsPath() throws IOException {
        Map<String, byte[]> files = unzip(signedPackage(KEY));
        files.get("index.html")[5] ^= 0x01;
        Verification v = verify(zip(files));
        assertFalse(v.intact());
        assertEquals(1, v.problems().size(), v.problems().toString());
        assertEquals("index.html", v.problems().get(0).path());
        assertTrue(v.problems().get(0).message().startsWith("changed"));
    }

    @Test
    void aByteFlippedInTheZipItselfIsNamedByTheDamagedFile() {
        byte[] zip = signedPackage(KEY);
        // the first file's compressed data starts after its 30-byte local header and its name
        int offset = 30 + "items.json".length() + 5;
        zip[offset] ^= 0x40;
        Verification v = verify(zip);
        assertFalse(v.intact());
        assertEquals("items.json", v.problems().get(0).path(), v.problems().toString());
        assertTrue(v.problems().get(0).message().startsWith("damaged"));
    }

    @Test
    void aForgedManifestIsDetected() throws IOException {
        Map<String, byte[]> files = unzip(signedPackage(KEY));
        byte[] changed = "<h1>forged</h1>".getBytes(StandardCharsets.UTF_8);
        files.put("index.html", changed);
        String manifest = new String(files.get("manifest.json"), StandardCharsets.UTF_8);
        var tree = (com.fasterxml.jackson.databind.node.ObjectNode) PackageWriter.JSON.readTree(manifest);
        for (var f : tree.path("files")) {
            if (f.path("path").asText().equals("index.html")) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) f).put("sha256", Digests.sha256Hex(changed))
                        .put("size", changed.length);
            }
        }
        files.put("manifest.json", PackageWriter.JSON.writeValueAsBytes(tree));
        Verification v = verify(zip(files));
        assertFalse(v.intact());
        assertEquals(List.of(new Problem("manifest.json",
                "does not match its signature (manifest.sig): the manifest was changed or forged")), v.problems());
    }

    @Test
    void aPackageSignedByAnUntrustedKeyIsNotIntact() {
        Verification v = verify(signedPackage(OTHER));
        assertFalse(v.intact());
        assertEquals(1, v.problems().size(), v.problems().toString());
        assertEquals("manifest.sig", v.problems().get(0).path());
        assertTrue(v.problems().get(0).message().contains("does not trust"));
    }

    @Test
    void aManifestReSignedWithTheCarriedKeyOfAnotherInstallationIsNotTrusted() throws IOException {
        // an attacker replaces the public key in the package by its own and signs: the receiver trusts its list only
        Map<String, byte[]> files = unzip(signedPackage(OTHER));
        files.put("public-key.pem", Keys.pem(OTHER.getPublic()).getBytes(StandardCharsets.US_ASCII));
        Verification v = verify(zip(files));
        assertFalse(v.intact());
        assertTrue(v.problems().stream().anyMatch(p -> p.path().equals("manifest.sig")), v.problems().toString());
    }

    @Test
    void missingAndExtraFilesAreNamed() throws IOException {
        Map<String, byte[]> files = unzip(signedPackage(KEY));
        files.remove("attachments/" + "a".repeat(64));
        files.put("extra.txt", new byte[] {42});
        Verification v = verify(zip(files));
        assertFalse(v.intact());
        assertEquals(2, v.problems().size(), v.problems().toString());
        assertEquals("attachments/" + "a".repeat(64), v.problems().get(0).path());
        assertTrue(v.problems().get(0).message().startsWith("missing"));
        assertEquals("extra.txt", v.problems().get(1).path());
        assertTrue(v.problems().get(1).message().startsWith("extra"));
    }

    @Test
    void aPackageWithoutManifestOrSignatureIsNotIntact() throws IOException {
        Map<String, byte[]> files = unzip(signedPackage(KEY));
        files.remove("manifest.sig");
        Verification v = verify(zip(files));
        assertFalse(v.intact());
        assertEquals("manifest.sig", v.problems().get(0).path());
        files.remove("manifest.json");
        Verification none = verify(zip(files));
        assertFalse(none.intact());
        assertEquals("manifest.json", none.problems().get(0).path());
    }

    @Test
    void zipSlipPathsAreRefused() throws IOException {
        for (String name : List.of("../evil.txt", "a/../../evil.txt", "/etc/passwd", "..\\evil.txt", "a\\b.txt",
                "C:/evil.txt", "a//b.txt", "./a.txt", "a\u0000b")) {
            ArchiveException e = refused(zip(Map.of("index.html", new byte[] {1}, name, new byte[] {2})));
            assertEquals(ArchiveException.Kind.HOSTILE, e.kind(), name);
        }
    }

    @Test
    void aZipBombIsRefusedWhileInflating() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            z.setLevel(9);
            z.putNextEntry(new ZipEntry("bomb.bin"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) {
                z.write(zeros);
            }
            z.closeEntry();
        }
        assertTrue(out.size() < 200_000, "64 MiB of zeros compress to " + out.size());
        ArchiveException e = refused(out.toByteArray());
        assertEquals(ArchiveException.Kind.HOSTILE, e.kind());
        assertTrue(e.getMessage().contains("zip bomb"), e.getMessage());
    }

    @Test
    void hugeEntriesTooManyEntriesAndTooMuchInTotalAreRefused() throws IOException {
        Limits small = new Limits(1 << 20, 3000, 1000, 3, 1000);
        Map<String, byte[]> big = Map.of("big.bin", new byte[1001]);
        assertThrows(ArchiveException.class, () -> SafeZip.read(new ByteArrayInputStream(zip(big)), small, p -> 0, null));
        Map<String, byte[]> many = new LinkedHashMap<>();
        for (int i = 0; i < 4; i++) {
            many.put("f" + i, new byte[] {1});
        }
        assertThrows(ArchiveException.class, () -> SafeZip.read(new ByteArrayInputStream(zip(many)), small, p -> 0, null));
        Map<String, byte[]> total = new LinkedHashMap<>();
        for (int i = 0; i < 3; i++) {
            total.put("f" + i, new byte[1000]);
        }
        total.put("f3", new byte[] {});
        assertThrows(ArchiveException.class, () -> SafeZip.read(new ByteArrayInputStream(zip(total)),
                new Limits(1 << 20, 2500, 1000, 10, 1000), p -> 0, null));
    }

    @Test
    void duplicateNamesAreRefused() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // ZipOutputStream refuses duplicates itself: write two local entries by hand via two streams
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("index.html"));
            z.write(1);
            z.closeEntry();
            z.putNextEntry(new ZipEntry("index.htmX"));
            z.write(2);
            z.closeEntry();
        }
        byte[] zip = out.toByteArray();
        // rename the second local header's name to the first one (same length)
        String s = new String(zip, StandardCharsets.ISO_8859_1);
        int at = s.indexOf("index.htmX");
        zip[at + 9] = 'l';
        ArchiveException e = refused(zip);
        assertTrue(e.getMessage().contains("twice"), e.getMessage());
    }

    @Test
    void somethingThatIsNoZipIsRefused() {
        assertEquals(ArchiveException.Kind.HOSTILE, refused("{\"format\": \"ruralinfo-exchange/1\"}"
                .getBytes(StandardCharsets.UTF_8)).kind());
        assertEquals(ArchiveException.Kind.HOSTILE, refused(new byte[0]).kind());
    }

    @Test
    void theInstallationKeyIsGeneratedOnceAndKeptOwnerOnly(@TempDir Path home) throws IOException {
        KeyPair first = Keys.loadOrCreate(home.resolve("keys"));
        KeyPair again = Keys.loadOrCreate(home.resolve("keys"));
        assertEquals(Keys.fingerprint(first.getPublic()), Keys.fingerprint(again.getPublic()));
        Path file = home.resolve("keys").resolve(Keys.FILE);
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                    Files.getPosixFilePermissions(file));
            assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                    PosixFilePermission.OWNER_EXECUTE), Files.getPosixFilePermissions(home.resolve("keys")));
        }
        PublicKey parsed = Keys.publicKey(Keys.pem(first.getPublic()));
        assertEquals(Keys.fingerprint(first.getPublic()), Keys.fingerprint(parsed));
    }

    @Test
    void theCatalogueEscapesWhatTheRecordsSay() throws IOException {
        var items = PackageWriter.JSON.readTree("[{\"id\": \"I-1\", \"unit_name\": \"<b>库尔勒</b>\", \"type\": "
                + "\"work_results\", \"title\": \"<script>alert('x')</script> & 庭院经济\", \"reasons\": [\"forwarded\"], "
                + "\"adoptions\": [], \"attachments\": []}]");
        String html = Catalogue.html("2025年度", List.<String[]>of(new String[] {"年度", "2025"}), items, null, null);
        assertFalse(html.contains("<script>"));
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; 庭院经济"));
        assertTrue(html.contains("工作成效类"));
        assertTrue(html.contains("报送自治区"));
    }
}

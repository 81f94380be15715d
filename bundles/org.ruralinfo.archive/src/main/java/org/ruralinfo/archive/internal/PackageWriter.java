package org.ruralinfo.archive.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Writes a package as a stream: each file into the ZIP with its SHA-256 and size noted, then
 * {@value #MANIFEST} (every file's path, SHA-256 and size, and the signer's fingerprint) and
 * {@value #SIGNATURE} (the Base64 Ed25519 signature of the manifest's exact bytes).
 */
final class PackageWriter {
    static final String FORMAT = "ruralinfo-archive/1";
    static final String MANIFEST = "manifest.json";
    static final String SIGNATURE = "manifest.sig";
    static final String PUBLIC_KEY = "public-key.pem";
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final ZipOutputStream zip;
    private final List<Map<String, Object>> files = new ArrayList<>();
    private final Set<String> names = new LinkedHashSet<>();

    PackageWriter(OutputStream out) {
        this.zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        zip.setLevel(6);
    }

    void add(String path, byte[] data) {
        try (InputStream in = new java.io.ByteArrayInputStream(data)) {
            add(path, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void add(String path, Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            add(path, in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private void add(String path, InputStream in) throws IOException {
        if (SafeZip.unsafe(path) != null || !names.add(path)) {
            throw new IllegalArgumentException("not a package path, or twice: " + path);
        }
        zip.putNextEntry(new ZipEntry(path));
        MessageDigest sha = Digests.sha256();
        long size = 0;
        byte[] buf = new byte[65_536];
        int n;
        while ((n = in.read(buf)) > 0) {
            sha.update(buf, 0, n);
            zip.write(buf, 0, n);
            size += n;
        }
        zip.closeEntry();
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("path", path);
        f.put("sha256", Digests.hex(sha.digest()));
        f.put("size", size);
        files.add(f);
    }

    /**
     * Adds the public key, the manifest with {@code header} first, and its signature; finishes the ZIP
     * (the underlying stream stays open).
     */
    void finish(Map<String, Object> header, KeyPair key) {
        add(PUBLIC_KEY, Keys.pem(key.getPublic()).getBytes(StandardCharsets.US_ASCII));
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("format", FORMAT);
        manifest.putAll(header);
        Map<String, Object> signer = new LinkedHashMap<>();
        signer.put("algorithm", Keys.ALGORITHM);
        signer.put("fingerprint", Keys.fingerprint(key.getPublic()));
        manifest.put("signer", signer);
        manifest.put("files", files);
        try {
            byte[] bytes = JSON.writeValueAsBytes(manifest);
            byte[] sig = (java.util.Base64.getEncoder().encodeToString(Keys.sign(key.getPrivate(), bytes)) + "\n")
                    .getBytes(StandardCharsets.US_ASCII);
            zip.putNextEntry(new ZipEntry(MANIFEST));
            zip.write(bytes);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(SIGNATURE));
            zip.write(sig);
            zip.closeEntry();
            zip.finish();
            zip.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

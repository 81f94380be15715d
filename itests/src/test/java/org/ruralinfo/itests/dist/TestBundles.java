package org.ruralinfo.itests.dist;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Bundles the tests write themselves: a manifest and text entries (component descriptions, SQL), no classes. */
final class TestBundles {
    private TestBundles() {
    }

    /**
     * Writes the bundle in {@code staging} and moves it to {@code file} (same disk): FileInstall never sees half a
     * jar.
     *
     * @param headers manifest headers beyond the bundle's name and version
     * @param entries path → UTF-8 text
     * @return {@code file}
     */
    static Path write(Path file, Path staging, String symbolicName, Map<String, String> headers,
            Map<String, String> entries) throws IOException {
        Manifest m = new Manifest();
        Attributes a = m.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", symbolicName);
        a.putValue("Bundle-Version", "1.0.0");
        headers.forEach(a::putValue);
        Path tmp = Files.createDirectories(staging).resolve(file.getFileName());
        try (OutputStream out = Files.newOutputStream(tmp); JarOutputStream jar = new JarOutputStream(out, m)) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                jar.putNextEntry(new JarEntry(e.getKey()));
                jar.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                jar.closeEntry();
            }
        }
        return Files.move(tmp, file);
    }
}

package org.ruralinfo.itests.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repository stands alone: nothing in its build, tests, product or docs refers to a folder beside it
 * (the originals of the contracts, the measures and the example are copied into {@code docs/spec},
 * {@code docs/rules} and the exchange bundle's test resources; see {@code docs/spec/README.md}).
 *
 * <p>Every text file of the source tree (build outputs, {@code .git} and the local data folder aside) is
 * read, and a finding names the file and line:
 * <ul>
 * <li>any file: a reference to the folder of originals beside the clone, by its relative path or by the
 * names of its sub-folders, or this clone's own absolute path;</li>
 * <li>{@code pom.xml}: a path built on the module's folder ({@code ${project.basedir}} and the like) or a
 * parent's {@code relativePath} that leads out of the repository;</li>
 * <li>Markdown: a relative link whose target is outside the repository or missing.</li>
 * </ul>
 */
class RepositoryStandsAloneTest {
    /** The folder of originals, spelled so that this file does not trip its own check. */
    private static final String ORIGINALS = "sha" + "red";
    private static final List<String> FORBIDDEN = List.of(
            "../" + ORIGINALS, "..\\" + ORIGINALS,
            ORIGINALS + "/examples", ORIGINALS + "/spec", ORIGINALS + "/mission");
    private static final Set<String> SKIPPED_DIRS = Set.of("target", ".git", "node_modules", ".idea", ".vscode");
    private static final Pattern POM_PATH = Pattern.compile(
            "\\$\\{(?:project\\.basedir|basedir|maven\\.multiModuleProjectDirectory|session\\.executionRootDirectory)}"
                    + "([^<\"'\\s]*)");
    private static final Pattern RELATIVE_PATH = Pattern.compile("<relativePath>([^<]*)</relativePath>");
    private static final Pattern MD_LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

    @Test
    void nothingReadsOutsideTheRepository() throws IOException {
        Path root = Path.of(System.getProperty("ruralinfo.repository", "..")).toAbsolutePath().normalize();
        assertTrue(Files.readString(root.resolve("pom.xml")).contains("<artifactId>ruralinfo</artifactId>"),
                "the repository's root: " + root);
        List<String> findings = findings(root);
        assertEquals(List.of(), findings, "files that refer outside the repository:\n" + String.join("\n", findings));
    }

    @Test
    void theGuardFindsEachKindOfReference(@TempDir Path tmp) throws IOException {
        Path root = Files.createDirectories(tmp.resolve("repo"));
        Files.writeString(root.resolve("pom.xml"), "<project><artifactId>ruralinfo</artifactId>"
                + "<parent><relativePath>../../pom.xml</relativePath></parent></project>");
        Path module = Files.createDirectories(root.resolve("bundles/a"));
        Files.writeString(module.resolve("pom.xml"), "<project><dir>${project.basedir}/../../config</dir>\n"
                + "<dir>${project.basedir}/../../../elsewhere</dir></project>");
        Files.writeString(module.resolve("Test.java"), "class T {\n String f = \"../" + ORIGINALS
                + "/examples/x.json\";\n}\n");
        Files.writeString(root.resolve("README.md"), "[ok](bundles/a/pom.xml) [web](https://example.org/x) "
                + "[anchor](#top)\n[missing](docs/none.md) [out](../x.md)\n");
        Files.writeString(root.resolve("run.sh"), "cat " + root + "/pom.xml\n");
        Files.writeString(Files.createDirectories(root.resolve("target")).resolve("ignored.txt"), "../" + ORIGINALS);

        List<String> found = findings(root);
        assertEquals(6, found.size(), String.join("\n", found));
        assertTrue(found.get(0).startsWith("README.md:2: link to ../x.md"), found.get(0));
        assertTrue(found.get(1).startsWith("README.md:2: link to docs/none.md"), found.get(1));
        assertTrue(found.get(2).startsWith("bundles/a/Test.java:2"), found.get(2));
        assertTrue(found.get(3).startsWith("bundles/a/pom.xml:2"), found.get(3));
        assertTrue(found.get(4).startsWith("pom.xml:1: relativePath"), found.get(4));
        assertTrue(found.get(5).startsWith("run.sh:1"), found.get(5));
    }

    /** @return one line per reference outside {@code root}: {@code file:line: what} */
    static List<String> findings(Path root) throws IOException {
        List<String> out = new ArrayList<>();
        List<String> own = List.of(root.toString() + "/", root.resolveSibling(ORIGINALS).toString());
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                boolean data = dir.equals(root.resolve("data"));
                return !dir.equals(root) && (SKIPPED_DIRS.contains(name) || data)
                        ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                byte[] bytes = Files.readAllBytes(file);
                if (!isText(bytes)) {
                    return FileVisitResult.CONTINUE;
                }
                String name = root.relativize(file).toString().replace('\\', '/');
                String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n", -1);
                for (int i = 0; i < lines.length; i++) {
                    check(root, file, name + ":" + (i + 1) + ": ", lines[i], own, out);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        out.sort(null);
        return out;
    }

    private static void check(Path root, Path file, String where, String line, List<String> own, List<String> out) {
        String lower = line.toLowerCase(Locale.ROOT);
        for (String f : FORBIDDEN) {
            if (lower.contains(f)) {
                out.add(where + "refers to " + f + " (the folder beside the clone): " + line.strip());
                break;
            }
        }
        for (String f : own) {
            if (line.contains(f)) {
                out.add(where + "an absolute path of this machine: " + line.strip());
            }
        }
        String fileName = file.getFileName().toString();
        if (fileName.equals("pom.xml")) {
            Matcher m = POM_PATH.matcher(line);
            while (m.find()) {
                outside(root, file.getParent(), m.group(1), where + "path ", line, out);
            }
            Matcher r = RELATIVE_PATH.matcher(line);
            while (r.find()) {
                outside(root, file.getParent(), r.group(1), where + "relativePath ", line, out);
            }
        } else if (fileName.endsWith(".md")) {
            Matcher m = MD_LINK.matcher(line);
            while (m.find()) {
                String target = m.group(1).replaceAll("#.*$", "");
                if (target.isEmpty() || target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
                    continue; // an anchor, a web address, mail
                }
                Path resolved = file.getParent().resolve(target).normalize();
                if (!resolved.startsWith(root) || !Files.exists(resolved)) {
                    out.add(where + "link to " + target + " leads outside the repository or to nothing: "
                            + line.strip());
                }
            }
        }
    }

    private static void outside(Path root, Path dir, String path, String what, String line, List<String> out) {
        String relative = path.startsWith("/") ? path.substring(1) : path;
        if (!dir.resolve(relative).normalize().startsWith(root)) {
            out.add(what + path + " leads outside the repository: " + line.strip());
        }
    }

    /** @return whether the bytes look like text: no NUL in the first 8 KiB */
    private static boolean isText(byte[] bytes) {
        for (int i = 0; i < Math.min(bytes.length, 8192); i++) {
            if (bytes[i] == 0) {
                return false;
            }
        }
        return true;
    }
}

package org.ruralinfo.exchange.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The public example year of Bayingolin and its expected ranking, kept in this project as test resources
 * of the exchange bundle (the format they are written in) and shared with the other modules' tests through
 * this bundle's test jar ({@code <type>test-jar</type>}). Nothing here reads outside the class path.
 *
 * <p>{@value #YEAR} is the exchange document of 2025 (23 units, the calendars of 2025 and 2026); {@value
 * #EXPECTED} holds every unit's expected rank and score for each quarter and the year, which the tests must
 * reproduce exactly.
 */
public final class Examples {
    /** The example year, an exchange document v1. */
    public static final String YEAR = "bazhou-2025-small.json";
    /** The expected ranking of every unit of {@link #YEAR}. */
    public static final String EXPECTED = "bazhou-2025-small.expected.json";

    private Examples() {
    }

    /**
     * @param name {@link #YEAR} or {@link #EXPECTED}
     * @return the example's bytes as a stream, for the caller to close
     */
    public static InputStream open(String name) {
        InputStream in = Examples.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalArgumentException("no example " + name + " beside " + Examples.class.getName());
        }
        return in;
    }

    /** @return the example's bytes */
    public static byte[] bytes(String name) {
        try (InputStream in = open(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the example as text (UTF-8) */
    public static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    /**
     * Writes the example into a folder, for code that takes a file (a process started by the test, a
     * framework property).
     *
     * @return the written file, {@code dir/name}
     */
    public static Path copyTo(Path dir, String name) {
        try (InputStream in = open(name)) {
            Path file = Files.createDirectories(dir).resolve(name);
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

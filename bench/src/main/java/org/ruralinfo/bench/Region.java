package org.ruralinfo.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.ruralinfo.api.ExchangeDocument;
import org.ruralinfo.api.WorkCalendar;
import org.ruralinfo.api.scoring.Period;
import org.ruralinfo.api.scoring.PeriodFacts;
import org.ruralinfo.exchange.ExistingRecords;
import org.ruralinfo.exchange.internal.JsonExchangeCodec;

/** The generated region of a benchmark run, made once per JVM and shape. */
public final class Region {
    /** The seed of every published number. */
    public static final long SEED = 9L;
    /** "After the year": every shortfall of 2025 has fallen due, as when the year's reports are final. */
    public static final Instant AS_OF = Instant.parse("2026-03-01T00:00:00Z");
    /** The local time of the generated region (its timestamps are written with +08:00). */
    public static final java.time.ZoneId ZONE = java.time.ZoneId.of("Asia/Shanghai");

    private static final Map<Integer, byte[]> DOCUMENTS = new ConcurrentHashMap<>();
    private static final Map<Integer, ExchangeDocument> PARSED = new ConcurrentHashMap<>();

    private Region() {
    }

    /** @return the document of {@code prefectures} prefectures (14: Xinjiang), seed {@link #SEED} */
    public static byte[] document(int prefectures) {
        return DOCUMENTS.computeIfAbsent(prefectures,
                p -> RegionGenerator.bytes(new RegionGenerator.Shape(SEED, p, 2025)));
    }

    /** @return the document read and validated by the product's codec */
    public static ExchangeDocument parsed(int prefectures) {
        return PARSED.computeIfAbsent(prefectures, p -> new JsonExchangeCodec()
                .read(new ByteArrayInputStream(document(p)), ExistingRecords.NONE));
    }

    /** @return the facts of a period as the engine gathers them, from the document */
    public static PeriodFacts facts(ExchangeDocument doc, Period period, Instant asOf) {
        return new PeriodFacts(period, asOf, doc.units(), doc.groups(), doc.outlets(),
                new WorkCalendar(doc.calendar()), doc.notices(), doc.items(), doc.adoptions(), doc.publicity());
    }

    /** @return a fresh folder for a benchmark's data, under {@code ruralinfo.bench.work} or the temp folder */
    public static Path workDir(String name) throws IOException {
        Path base = Path.of(System.getProperty("ruralinfo.bench.work", System.getProperty("java.io.tmpdir")));
        Files.createDirectories(base);
        return Files.createTempDirectory(base, name + "-");
    }

    /** Deletes a folder and everything in it. */
    public static void delete(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}

package org.ruralinfo.exchange.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.ruralinfo.api.ExchangeDocument;
import org.ruralinfo.api.ImportCounts;
import org.ruralinfo.api.RecordStore;
import org.ruralinfo.api.ValidationException;
import org.ruralinfo.api.scoring.Period;
import org.ruralinfo.api.scoring.ScoringService;
import org.ruralinfo.exchange.ExchangeCodec;
import org.ruralinfo.exchange.ExistingRecords;
import org.ruralinfo.exchange.YearExport;

/**
 * Gogo commands for IT admins at the runtime's console: {@code ruralinfo:import <file>},
 * {@code ruralinfo:export <year> <file>}, {@code ruralinfo:ranking <period> <file>}. They do what the
 * HTTP API does, with the same validation, all or nothing, audited as user {@code console}.
 */
@Component(service = ExchangeCommands.class, property = { "osgi.command.scope=ruralinfo",
        "osgi.command.function=import", "osgi.command.function=export", "osgi.command.function=ranking" })
public class ExchangeCommands {
    private final ExchangeCodec codec;
    private final RecordStore store;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ScoringService scoring;

    @Activate
    public ExchangeCommands(@Reference ExchangeCodec codec, @Reference RecordStore store) {
        this.codec = codec;
        this.store = store;
    }

    /** {@code ruralinfo:import FILE}: imports an exchange document v1 from a file (Gogo maps a command to {@code _name}). */
    public String _import(String file) throws IOException {
        ExchangeDocument doc;
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            doc = codec.read(in, ExistingRecords.of(store));
        } catch (ValidationException e) {
            return "refused, nothing was imported:\n" + e.errors().stream().map(Object::toString)
                    .collect(Collectors.joining("\n"));
        }
        ImportCounts n = store.importDocument(doc, "console");
        return "imported " + n;
    }

    /** {@code ruralinfo:export YEAR FILE}: writes the year as an exchange document. */
    public String export(int year, String file) throws IOException {
        ExchangeDocument doc = YearExport.of(store.year(year));
        try (OutputStream out = Files.newOutputStream(Path.of(file))) {
            codec.write(doc, out);
        }
        return "exported " + doc.items().size() + " items of " + year + " to " + file;
    }

    /** {@code ruralinfo:ranking PERIOD FILE}: writes the ranking report of a quarter or year. */
    public String ranking(String period, String file) throws IOException {
        Period p = Period.parse(period);
        if (p == null) {
            return "a period is a quarter like 2025-Q3 or a year like 2025";
        }
        ScoringService s = scoring;
        if (s == null) {
            return "the scoring engine is not running";
        }
        try (OutputStream out = Files.newOutputStream(Path.of(file))) {
            codec.writeRanking(s.ranking(p, null), out);
        }
        return "wrote the ranking of " + p + " to " + file;
    }
}

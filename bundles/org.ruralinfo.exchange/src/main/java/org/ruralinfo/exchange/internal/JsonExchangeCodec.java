package org.ruralinfo.exchange.internal;

import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Objects;

import org.osgi.service.component.annotations.Component;
import org.ruralinfo.api.ExchangeDocument;
import org.ruralinfo.api.ValidationError;
import org.ruralinfo.api.ValidationException;
import org.ruralinfo.api.scoring.RankingReport;
import org.ruralinfo.exchange.ExchangeCodec;
import org.ruralinfo.exchange.ExistingRecords;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;

/**
 * The exchange codec on Jackson's streaming parser and generator: a document is read once, token
 * by token, straight into the records, and never held as a tree. Usable without OSGi:
 * {@code new JsonExchangeCodec()}.
 */
@Component(service = ExchangeCodec.class)
public final class JsonExchangeCodec implements ExchangeCodec {

    private final Limits limits;
    private final JsonFactory json;
    /** The template of the printer of each write: {@code "field": value}, two-space indents. */
    private final DefaultPrettyPrinter pretty;

    /** A codec with the {@link Limits#DEFAULT default limits}. */
    public JsonExchangeCodec() {
        this(Limits.DEFAULT);
    }

    public JsonExchangeCodec(Limits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.json = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(limits.maxNestingDepth())
                        .maxStringLength(limits.maxStringLength())
                        .maxDocumentLength(limits.maxDocumentLength())
                        .build())
                .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
                .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
                .build();
        this.pretty = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER));
    }

    @Override
    public ExchangeDocument read(InputStream in, ExistingRecords existing) throws ValidationException {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(existing, "existing");
        Problems problems = new Problems(limits.maxProblems());
        try (JsonParser parser = json.createParser(in)) {
            Sections sections;
            try {
                sections = new DocumentReader(parser, problems).read();
            } catch (JsonProcessingException | CharConversionException e) {
                problems.add("$", notJson(e));
                throw problems.toException();
            }
            ExchangeDocument doc = new DocumentValidator(sections, existing, problems).validate();
            if (doc == null) {
                throw problems.toException();
            }
            return doc;
        } catch (Problems.CapReached e) {
            throw problems.toException();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the exchange document: " + e.getMessage(), e);
        }
    }

    @Override
    public void write(ExchangeDocument doc, OutputStream out) {
        Objects.requireNonNull(doc, "doc");
        Objects.requireNonNull(out, "out");
        try (JsonGenerator generator = json.createGenerator(out, JsonEncoding.UTF8)) {
            generator.setPrettyPrinter(pretty.createInstance()); // a printer holds state: one per write
            new DocumentWriter(generator).write(doc);
            generator.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the exchange document: " + e.getMessage(), e);
        }
    }

    @Override
    public void writeRanking(RankingReport report, OutputStream out) {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(out, "out");
        try (JsonGenerator generator = json.createGenerator(out, JsonEncoding.UTF8)) {
            new RankingWriter(generator).write(report);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the ranking report: " + e.getMessage(), e);
        }
    }

    /** @return a message for input that is not (well-formed, acceptable) JSON, with where it went wrong */
    private static String notJson(IOException e) {
        String reason = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
        // Jackson names its own API in limit messages ("..., from `StreamReadConstraints...`)"): not for users
        reason = String.valueOf(reason).replaceAll(", from `[^`]*`", "");
        StringBuilder message = new StringBuilder("not a readable JSON document: ").append(reason);
        if (e instanceof JsonProcessingException j && j.getLocation() != null
                && j.getLocation() != JsonLocation.NA) {
            message.append(" (line ").append(j.getLocation().getLineNr())
                    .append(", column ").append(j.getLocation().getColumnNr()).append(')');
        }
        return message.toString();
    }
}

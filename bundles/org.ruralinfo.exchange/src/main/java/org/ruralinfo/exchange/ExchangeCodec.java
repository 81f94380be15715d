package org.ruralinfo.exchange;

import java.io.InputStream;
import java.io.OutputStream;

import org.osgi.annotation.versioning.ProviderType;
import org.ruralinfo.api.ExchangeDocument;
import org.ruralinfo.api.ValidationException;
import org.ruralinfo.api.scoring.RankingReport;

/**
 * Reads and writes exchange documents v1 ({@value ExchangeDocument#FORMAT}) as
 * {@code docs/spec/exchange-v1.md} describes them. Implementations are thread-safe.
 */
@ProviderType
public interface ExchangeCodec {

    /**
     * Parses and validates a whole document, streaming: the input is read once, token by token.
     * <p>
     * The document is refused as a whole when anything is wrong with it: not JSON, not an object,
     * a wrong or missing {@code format}, a wrong JSON type, a missing required field, an unknown
     * enum value, a bad timestamp or date, an over-long text, a duplicate id, a reference to an id
     * that neither the document nor {@code existing} holds, or a broken rule of the format.
     * Publicity levels are resolved: where the outlet (by name and channel) is in the outlets
     * table of the document or of {@code existing}, the record carries the table's level.
     * <p>
     * The stream is not closed.
     *
     * @param in       the document, UTF-8
     * @param existing what the installation already holds, for references the document does not carry
     * @return the document's records
     * @throws ValidationException listing every problem found (up to a cap), each by JSON path,
     *                             e.g. {@code $.items[12].unit: unknown unit "korla2"}; malformed
     *                             input is reported at path {@code $}
     * @throws java.io.UncheckedIOException when reading the stream itself fails
     */
    ExchangeDocument read(InputStream in, ExistingRecords existing) throws ValidationException;

    /**
     * Writes a document in the format v1, UTF-8: every section, every field (absent values as
     * {@code null}), timestamps as ISO-8601 in Asia/Shanghai time ({@code +08:00}), dates as
     * {@code YYYY-MM-DD}. The stream is flushed, not closed.
     *
     * @throws java.io.UncheckedIOException when writing to the stream fails
     */
    void write(ExchangeDocument doc, OutputStream out);

    /**
     * Writes a ranking report v1 ({@value RankingReport#FORMAT}), compact, UTF-8. The stream is flushed,
     * not closed.
     *
     * @throws java.io.UncheckedIOException when writing to the stream fails
     * @since 1.1
     */
    void writeRanking(RankingReport report, OutputStream out);
}

package org.ruralinfo.api;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The stored records of the registry and the year's work: what exchange import writes, what scoring
 * reads. Every write is one transaction.
 */
@ProviderType
public interface RecordStore {
    /** Writes a validated document all or nothing, inserting or replacing records by id. */
    ImportCounts importDocument(ExchangeDocument document, String actor);

    /** @return the records of {@code year} (see {@link YearRecords}) */
    YearRecords year(int year);

    /**
     * @return the records of {@code year} as scoring reads them: those of {@link #year}, but every item
     *         without its body ({@code null}), which no scoring rule reads
     * @since 1.2
     */
    YearRecords facts(int year);

    List<Unit> units();

    /** @return the special groups (Art. 6), without reading any year's work */
    List<Group> groups();

    /** @return the outlets table (Art. 19(2)), without reading any year's work */
    List<Outlet> outlets();

    /** @return every working-day calendar year an administrator loaded, without reading any year's work */
    List<CalendarYear> calendars();

    Optional<Unit> unit(String id);

    Optional<Group> group(String id);

    Optional<Notice> notice(String id);

    Optional<Item> item(String id);

    Optional<Outlet> outlet(String name, Channel channel);

    /**
     * @return a number that changes whenever a record that scoring reads changes; rankings cached
     *         under an older number are stale
     */
    long version();

    /**
     * The items of {@code year} that changed after revision {@code since}, read back as {@link #facts} gives
     * them: what scoring needs to bring a year's records read at {@code since} up to date without reading the
     * year again.
     *
     * @return the changes, or empty when they are not known item by item (something other than items
     *         changed, e.g. an import, or {@code since} is too old): then read {@link #year} again
     * @since 1.2
     */
    Optional<YearChanges> changesSince(int year, long since);
}

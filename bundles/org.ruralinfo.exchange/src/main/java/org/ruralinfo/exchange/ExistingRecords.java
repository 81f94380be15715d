package org.ruralinfo.exchange;

import java.util.Optional;

import org.ruralinfo.api.Channel;
import org.ruralinfo.api.Group;
import org.ruralinfo.api.Item;
import org.ruralinfo.api.Notice;
import org.ruralinfo.api.Outlet;
import org.ruralinfo.api.Unit;

/**
 * What the installation already holds, for references that a document does not carry itself
 * (an exchange document may hold any subset of the sections).
 * <p>
 * A record given in the document takes precedence over the one returned here: importing is
 * idempotent by id, so a document may repeat what is already stored. Every method returns an
 * empty {@link Optional} by default, so an implementation need only answer what it knows.
 * The reader asks each id at most once per document.
 */
public interface ExistingRecords {

    /**
     * @return what {@code store} holds, for the import of one document (the unit registry is read
     *         once, the rest looked up by id)
     * @since 1.1
     */
    static ExistingRecords of(org.ruralinfo.api.RecordStore store) {
        return new org.ruralinfo.exchange.internal.StoredRecords(store);
    }

    /** No records at all: an empty installation. */
    ExistingRecords NONE = new ExistingRecords() {
    };

    /** @return the stored unit with this id, if any */
    default Optional<Unit> unit(String id) {
        return Optional.empty();
    }

    /** @return the stored special group with this id, if any */
    default Optional<Group> group(String id) {
        return Optional.empty();
    }

    /** @return the stored commissioning notice with this id, if any */
    default Optional<Notice> notice(String id) {
        return Optional.empty();
    }

    /** @return the stored item with this id, if any */
    default Optional<Item> item(String id) {
        return Optional.empty();
    }

    /** @return the stored publicity outlet with this name on this channel, if any */
    default Optional<Outlet> outlet(String name, Channel channel) {
        return Optional.empty();
    }
}

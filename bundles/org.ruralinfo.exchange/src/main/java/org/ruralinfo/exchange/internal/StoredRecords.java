package org.ruralinfo.exchange.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.ruralinfo.api.Channel;
import org.ruralinfo.api.Group;
import org.ruralinfo.api.Item;
import org.ruralinfo.api.Notice;
import org.ruralinfo.api.Outlet;
import org.ruralinfo.api.RecordStore;
import org.ruralinfo.api.Unit;
import org.ruralinfo.exchange.ExistingRecords;

/** What the store holds, for references an imported document does not carry; the small tables read once. */
public final class StoredRecords implements ExistingRecords {
    private final RecordStore store;
    private final Map<String, Unit> units = new HashMap<>();

    public StoredRecords(RecordStore store) {
        this.store = store;
        store.units().forEach(u -> units.put(u.id(), u));
    }

    @Override
    public Optional<Unit> unit(String id) {
        return Optional.ofNullable(units.get(id));
    }

    @Override
    public Optional<Group> group(String id) {
        return store.group(id);
    }

    @Override
    public Optional<Notice> notice(String id) {
        return store.notice(id);
    }

    @Override
    public Optional<Item> item(String id) {
        return store.item(id);
    }

    @Override
    public Optional<Outlet> outlet(String name, Channel channel) {
        return store.outlet(name, channel);
    }
}

package org.ruralinfo.intake.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;

import org.ruralinfo.api.Database;
import org.ruralinfo.api.Unit;
import org.ruralinfo.api.UnitKind;
import org.ruralinfo.api.Wire;

/**
 * One unit of the registry by its id, read from the {@code units} table (the row {@code RecordStore.unit}
 * gives, without reading every unit of the region: a draft is validated against its own unit only).
 */
final class Units {
    private final Database db;

    Units(Database db) {
        this.db = db;
    }

    Optional<Unit> of(String id) {
        if (id == null) {
            return Optional.empty();
        }
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, name, kind FROM units WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next()
                            ? Optional.of(new Unit(rs.getString(1), rs.getString(2),
                                    Wire.parse(UnitKind.class, rs.getString(3))))
                            : Optional.<Unit>empty();
                }
            }
        });
    }
}

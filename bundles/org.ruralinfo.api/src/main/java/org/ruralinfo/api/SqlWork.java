package org.ruralinfo.api;

import java.sql.Connection;
import java.sql.SQLException;

/** Work done with a connection of the product's database, inside a {@link Database} transaction. */
@FunctionalInterface
public interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
}

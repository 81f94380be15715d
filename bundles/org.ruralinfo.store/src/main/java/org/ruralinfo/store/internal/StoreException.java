package org.ruralinfo.store.internal;

import java.sql.SQLException;

/** A database failure: the transaction was rolled back. */
final class StoreException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    StoreException(SQLException cause) {
        super("database: " + cause.getMessage(), cause);
    }
}

package org.ruralinfo.store.internal;

import java.nio.file.Files;
import java.nio.file.Path;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.ruralinfo.api.AuditLog;
import org.ruralinfo.api.Database;

/** Gogo command {@code ruralinfo:backup <file.zip>}: an online backup of the embedded database. */
@Component(service = StoreCommands.class, property = { "osgi.command.scope=ruralinfo",
        "osgi.command.function=backup" })
public class StoreCommands {
    private final Database database;
    private final AuditLog audit;

    @Activate
    public StoreCommands(@Reference Database database, @Reference AuditLog audit) {
        this.database = database;
        this.audit = audit;
    }

    public String backup(String file) throws java.io.IOException {
        Path zip = Path.of(file);
        database.backup(zip);
        audit.record("console", "backup", "file:" + zip.toAbsolutePath(), null);
        return "backup written to " + zip.toAbsolutePath() + " (" + Files.size(zip) + " bytes)";
    }
}

package org.ruralinfo.web.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.ruralinfo.api.AuditLog;
import org.ruralinfo.api.Database;
import org.ruralinfo.api.Role;
import org.ruralinfo.api.Site;
import org.ruralinfo.api.UserAccount;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code POST /api/v1/backup} (admin): an online backup of the embedded database into
 * {@code $RURALINFO_HOME/backups/ruralinfo-<time>.zip}; {@code bin/ruralinfo-restore} puts one back.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/api/v1/backup")
public class BackupServlet extends ApiServlet {
    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");
    private final transient Database database;
    private final transient AuditLog audit;
    private final transient Path folder;
    private final transient ZoneId zone;

    @Activate
    public BackupServlet(@Reference Sessions sessions, @Reference Database database, @Reference AuditLog audit,
            @Reference Site site, BundleContext context) {
        super(sessions);
        this.database = database;
        this.audit = audit;
        this.zone = site.zone();
        String home = context.getProperty("ruralinfo.home");
        this.folder = Path.of(home == null || home.isBlank() ? "data" : home).toAbsolutePath().resolve("backups");
    }

    @Override
    void post(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        UserAccount admin = user(req, Role.ADMIN);
        Path zip = folder.resolve("ruralinfo-" + LocalDateTime.now(zone).format(STAMP) + ".zip");
        try {
            database.backup(zip);
        } catch (UnsupportedOperationException e) {
            throw new ApiException(409, "Conflict", e.getMessage());
        }
        audit.record(admin.username(), "backup", "file:" + zip, null);
        send(resp, 201, Documents.ordered("file", zip.toString(), "bytes", Files.size(zip)));
    }
}

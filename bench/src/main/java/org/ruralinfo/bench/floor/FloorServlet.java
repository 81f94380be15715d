package org.ruralinfo.bench.floor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicLong;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.ruralinfo.api.Database;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code POST /bench/floor/plain}: reads the body and answers 201 with a small JSON, nothing else.
 * {@code POST /bench/floor/db}: the same plus one row inserted and committed through the product's
 * {@link Database} (H2 with WRITE_DELAY=0, so a durable commit): the floor of a durable write.
 */
final class FloorServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private final transient BundleContext context;
    private final AtomicLong seq = new AtomicLong();
    private volatile boolean tableReady;

    FloorServlet(BundleContext context) {
        this.context = context;
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        byte[] body;
        try (InputStream in = req.getInputStream()) {
            body = in.readAllBytes();
        }
        long id = seq.incrementAndGet();
        if ("/db".equals(req.getPathInfo())) {
            ServiceReference<Database> ref = context.getServiceReference(Database.class);
            Database db = ref == null ? null : context.getService(ref);
            if (db == null) {
                resp.sendError(503, "no database");
                return;
            }
            try {
                if (!tableReady) {
                    db.transaction(c -> {
                        try (Statement s = c.createStatement()) {
                            s.execute("CREATE TABLE IF NOT EXISTS bench_floor (id BIGINT PRIMARY KEY, "
                                    + "at TIMESTAMP WITH TIME ZONE NOT NULL, body CLOB)");
                        }
                        return null;
                    });
                    tableReady = true;
                }
                String text = new String(body, StandardCharsets.UTF_8);
                db.transaction(c -> {
                    try (PreparedStatement ps = c.prepareStatement(
                            "INSERT INTO bench_floor (id, at, body) VALUES (?, ?, ?)")) {
                        ps.setLong(1, id);
                        ps.setObject(2, OffsetDateTime.now());
                        ps.setString(3, text);
                        ps.executeUpdate();
                    }
                    return null;
                });
            } finally {
                context.ungetService(ref);
            }
        }
        resp.setStatus(201);
        resp.setContentType("application/json;charset=UTF-8");
        resp.getOutputStream().write(("{\"id\":" + id + ",\"bytes\":" + body.length + "}")
                .getBytes(StandardCharsets.UTF_8));
    }
}

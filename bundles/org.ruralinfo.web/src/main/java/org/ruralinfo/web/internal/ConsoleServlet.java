package org.ruralinfo.web.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The staff console: a single Chinese page and its script and style, served from this bundle (no CDN,
 * nothing from outside). Every other path that is not the API is a plain 404.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/")
public class ConsoleServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Map<String, String> FILES = Map.ofEntries(
            Map.entry("/", "index.html"),
            Map.entry("/index.html", "index.html"),
            Map.entry("/app.js", "app.js"),
            Map.entry("/lib.js", "lib.js"),
            Map.entry("/items.js", "items.js"),
            Map.entry("/notices.js", "notices.js"),
            Map.entry("/supervision.js", "supervision.js"),
            Map.entry("/rankings.js", "rankings.js"),
            Map.entry("/archive.js", "archive.js"),
            Map.entry("/admin.js", "admin.js"),
            Map.entry("/publicity.js", "publicity.js"),
            Map.entry("/app.css", "app.css"),
            Map.entry("/favicon.svg", "favicon.svg"));

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getServletPath() + (req.getPathInfo() == null ? "" : req.getPathInfo());
        String file = FILES.get(path.isEmpty() ? "/" : path);
        InputStream in = file == null ? null : ConsoleServlet.class.getResourceAsStream("/console/" + file);
        if (in == null) {
            resp.setStatus(404);
            resp.setContentType("text/plain;charset=UTF-8");
            resp.getWriter().write("404 未找到 / not found");
            return;
        }
        try (in) {
            resp.setStatus(200);
            resp.setContentType(type(file));
            resp.setHeader("Cache-Control", "no-cache");
            in.transferTo(resp.getOutputStream());
        }
    }

    private static String type(String file) {
        if (file.endsWith(".html")) {
            return "text/html;charset=UTF-8";
        }
        if (file.endsWith(".js")) {
            return "text/javascript;charset=UTF-8";
        }
        if (file.endsWith(".css")) {
            return "text/css;charset=UTF-8";
        }
        return "image/svg+xml";
    }
}

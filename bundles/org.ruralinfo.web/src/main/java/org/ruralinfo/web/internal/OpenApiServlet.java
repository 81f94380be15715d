package org.ruralinfo.web.internal;

import java.io.IOException;
import java.io.InputStream;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** {@code GET /api/v1/openapi.json}: the OpenAPI 3.1 description of what this API serves. No login needed. */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/api/v1/openapi.json")
public class OpenApiServlet extends ApiServlet {
    private static final long serialVersionUID = 1L;

    @Activate
    public OpenApiServlet(@Reference Sessions sessions) {
        super(sessions);
    }

    @Override
    void get(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        try (InputStream in = OpenApiServlet.class.getResourceAsStream("/openapi.json")) {
            if (in == null) {
                throw ApiException.notFound("openapi.json is missing from the web bundle");
            }
            resp.setStatus(200);
            resp.setContentType("application/json;charset=UTF-8");
            in.transferTo(resp.getOutputStream());
        }
    }
}

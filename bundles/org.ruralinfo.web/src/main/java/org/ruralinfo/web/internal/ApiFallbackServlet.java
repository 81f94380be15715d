package org.ruralinfo.web.internal;

import java.io.IOException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Any other path under {@code /api/}: a problem+json 404, never a server error page. */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/api/*")
public class ApiFallbackServlet extends ApiServlet {
    private static final long serialVersionUID = 1L;

    @Activate
    public ApiFallbackServlet(@Reference Sessions sessions) {
        super(sessions);
    }

    private static ApiException none(HttpServletRequest req) {
        return ApiException.notFound("no such resource: " + req.getRequestURI());
    }

    @Override
    void get(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        throw none(req);
    }

    @Override
    void post(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        throw none(req);
    }

    @Override
    void put(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        throw none(req);
    }

    @Override
    void delete(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        throw none(req);
    }
}

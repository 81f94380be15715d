package org.ruralinfo.web.internal;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.servlet.context.ServletContextHelper;
import org.osgi.service.servlet.whiteboard.HttpWhiteboardConstants;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContext;
import org.ruralinfo.api.UserAccount;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The product's default servlet context: it takes the place of the whiteboard's own (same name, higher ranking),
 * so every servlet and filter on the default context, of this bundle or any other, passes
 * {@link #handleSecurity} first, the way Apache Sling's authentication does. Under {@code /api/} only a short
 * list of requests is public; every other one needs a session (bearer token, or the console's cookie with its
 * CSRF header on a change): <b>deny by default</b>, so a servlet that forgets its check is still not public. The
 * user found is left on the request ({@link #USER}) for the servlet, which then checks the role and the unit. The
 * console's own pages (outside {@code /api/}) are public: they hold no data.
 *
 * <p>Another bundle's servlets select this context with {@link #SELECT}, so that they are not served at all,
 * rather than served unchecked by the whiteboard's own default context, while this bundle is away.
 */
@Component(service = ServletContextHelper.class, scope = ServiceScope.BUNDLE,
        property = { "service.ranking:Integer=1", SecureContext.SECURE + ":Boolean=true" })
@HttpWhiteboardContext(name = HttpWhiteboardConstants.HTTP_WHITEBOARD_DEFAULT_CONTEXT_NAME, path = "/")
public class SecureContext extends ServletContextHelper {
    /** The request attribute holding the {@link UserAccount} of an authenticated request. */
    static final String USER = UserAccount.REQUEST_ATTRIBUTE;
    /** The service property that marks this context. */
    static final String SECURE = "ruralinfo.secure";
    /** The context selection of a servlet that must never be served without this context's check. */
    static final String SELECT = "(&(" + HttpWhiteboardConstants.HTTP_WHITEBOARD_CONTEXT_NAME + "="
            + HttpWhiteboardConstants.HTTP_WHITEBOARD_DEFAULT_CONTEXT_NAME + ")(" + SECURE + "=true))";
    /** The requests under {@code /api/} that need no session. */
    static final Set<String> PUBLIC = Set.of("GET /api/v1/health", "HEAD /api/v1/health",
            "GET /api/v1/openapi.json", "POST /api/v1/session", "GET /api/v1/archive/key");

    private final Sessions sessions;
    private final ObjectMapper json = Json.mapper();

    @Activate
    public SecureContext(ComponentContext context, @Reference Sessions sessions) {
        super(context.getUsingBundle());
        this.sessions = sessions;
    }

    @Override
    public boolean handleSecurity(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        // the decoded, normalized path the whiteboard matched the servlet by, never the raw URI
        String path = req.getServletPath() + (req.getPathInfo() == null ? "" : req.getPathInfo());
        if (!path.startsWith("/api/") || PUBLIC.contains(req.getMethod() + " " + path)) {
            return true;
        }
        try {
            Optional<UserAccount> user = sessions.user(req);
            if (user.isPresent()) {
                req.setAttribute(USER, user.get());
                return true;
            }
            refuse(req, resp, ApiException.unauthorized());
        } catch (ApiException e) {
            refuse(req, resp, e); // a cookie session without its CSRF header on a change
        }
        return false;
    }

    private void refuse(HttpServletRequest req, HttpServletResponse resp, ApiException e) throws IOException {
        SecurityHeadersFilter.apply(resp);
        ApiServlet.problem(json, resp, e.status(), e.title(), e.getMessage(), List.of());
        ApiServlet.drain(req); // the body no servlet will read: the connection stays fit for the next request
    }
}

package org.ruralinfo.web.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.ruralinfo.api.AccountService;
import org.ruralinfo.api.Role;
import org.ruralinfo.api.UserAccount;
import org.ruralinfo.api.ValidationError;
import org.ruralinfo.api.ValidationException;
import org.ruralinfo.api.scoring.NoPolicyException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The base of every API servlet: one handler per method, the caller's identity, JSON bodies with a
 * size limit, and every failure as problem+json: a client error names its fields, anything unexpected
 * is a bare 500 with no stack trace (the trace goes to the log).
 */
abstract class ApiServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger("org.ruralinfo.web");
    static final String PROBLEM_JSON = "application/problem+json";
    /** Largest JSON body accepted by default. */
    static final int MAX_BODY = 1 << 20;

    final transient ObjectMapper json = Json.mapper();
    final transient Sessions sessions;

    ApiServlet(Sessions sessions) {
        this.sessions = sessions;
    }

    @Override
    protected final void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        try {
            switch (req.getMethod()) {
                case "GET", "HEAD" -> get(req, resp);
                case "POST" -> post(req, resp);
                case "PUT" -> put(req, resp);
                case "DELETE" -> delete(req, resp);
                default -> throw notAllowed(req);
            }
        } catch (ApiException e) {
            problem(resp, e.status(), e.title(), e.getMessage(), e.errors());
        } catch (ValidationException e) {
            problem(resp, 400, "Bad request", e.getMessage(), e.errors());
        } catch (NoPolicyException e) {
            problem(resp, 503, "Service unavailable", e.getMessage(), List.of());
        } catch (IOException e) {
            LOG.log(Level.FINE, "client connection", e);
        } catch (RuntimeException e) {
            if (integrityConflict(e)) {
                // a rule of the database refused the change (e.g. a record frozen in a closed archive volume)
                problem(resp, 409, "Conflict", "the change conflicts with a record that may not change (for "
                        + "example one filed in a closed archive volume); nothing was changed", List.of());
                return;
            }
            LOG.log(Level.SEVERE, req.getMethod() + " " + req.getRequestURI(), e);
            problem(resp, 500, "Internal error", "the request could not be completed; nothing was changed", List.of());
        } finally {
            drain(req);
        }
    }

    /** @return whether a failure comes from an integrity constraint of the database (SQLSTATE class 23) */
    static boolean integrityConflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Reads what is left of a small request body that the answer did not need (a refusal before reading
     * it), so that the connection stays usable and the client gets the answer rather than a reset.
     */
    /** Reads what is left of a request body (up to the limit), so that the connection can serve the next request. */
    static void drain(HttpServletRequest req) {
        long length = req.getContentLengthLong();
        if (length == 0 || length > MAX_BODY) {
            return;
        }
        try {
            InputStream in = req.getInputStream();
            byte[] buffer = new byte[8192];
            long left = MAX_BODY;
            int n;
            while (left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
                left -= n;
            }
        } catch (IOException | RuntimeException e) {
            // already read, or the client went away
        }
    }

    void get(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        throw notAllowed(req);
    }

    void post(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        throw notAllowed(req);
    }

    void put(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        throw notAllowed(req);
    }

    void delete(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        throw notAllowed(req);
    }

    private static ApiException notAllowed(HttpServletRequest req) {
        return new ApiException(405, "Method not allowed", req.getMethod() + " is not allowed on " + req.getRequestURI());
    }

    /** @return the logged-in user (as the servlet context found it, else from the session); 401 otherwise */
    UserAccount user(HttpServletRequest req) {
        if (req.getAttribute(SecureContext.USER) instanceof UserAccount u) {
            return u;
        }
        return sessions.user(req).orElseThrow(ApiException::unauthorized);
    }

    /** @return the logged-in user, who must have one of {@code roles}; 401/403 otherwise */
    UserAccount user(HttpServletRequest req, Role... roles) {
        UserAccount u = user(req);
        for (Role r : roles) {
            if (u.has(r)) {
                return u;
            }
        }
        throw ApiException.forbidden("this needs the role " + String.join(" or ",
                java.util.Arrays.stream(roles).map(Role::wire).toList()));
    }

    AccountService accounts() {
        return sessions.accounts();
    }

    /** Reads a JSON object body of at most {@code max} bytes. */
    JsonNode body(HttpServletRequest req, int max) throws IOException {
        long declared = req.getContentLengthLong();
        if (declared > max) {
            throw new ApiException(413, "Payload too large", "the body may have at most " + max + " bytes");
        }
        byte[] bytes;
        try (InputStream in = new LimitedInputStream(req.getInputStream(), max)) {
            bytes = in.readAllBytes();
        }
        if (bytes.length == 0) {
            throw ApiException.badRequest("$", "a JSON object is required");
        }
        JsonNode node;
        try {
            node = json.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("$", "not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw ApiException.badRequest("$", "a JSON object is required");
        }
        return node;
    }

    void send(HttpServletResponse resp, int status, Object body) throws IOException {
        resp.setStatus(status);
        resp.setContentType("application/json;charset=UTF-8");
        resp.setHeader("Cache-Control", "no-store");
        json.writeValue(resp.getOutputStream(), body);
    }

    void problem(HttpServletResponse resp, int status, String title, String detail, List<ValidationError> errors)
            throws IOException {
        problem(json, resp, status, title, detail, errors);
    }

    /** Writes a problem+json answer (RFC 9457) naming each field that is wrong; nothing if the answer is under way. */
    static void problem(ObjectMapper json, HttpServletResponse resp, int status, String title, String detail,
            List<ValidationError> errors) throws IOException {
        if (resp.isCommitted()) {
            return;
        }
        resp.resetBuffer();
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", "about:blank");
        p.put("title", title);
        p.put("status", status);
        p.put("detail", detail);
        List<Map<String, String>> list = new ArrayList<>();
        for (ValidationError e : errors) {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("path", e.path());
            m.put("message", e.message());
            list.add(m);
        }
        p.put("errors", list);
        resp.setStatus(status);
        resp.setContentType(PROBLEM_JSON + ";charset=UTF-8");
        resp.setHeader("Cache-Control", "no-store");
        if (status == 401) {
            resp.setHeader("WWW-Authenticate", "Bearer");
        }
        json.writeValue(resp.getOutputStream(), p);
    }

    static Optional<String> text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(v.isTextual() ? v.asText() : v.toString());
    }

    /** @return the required text field, or 400 naming it */
    static String requiredText(JsonNode node, String field, int maxLength) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw ApiException.badRequest("$." + field, "is required");
        }
        if (!v.isTextual()) {
            throw ApiException.badRequest("$." + field, "must be a string");
        }
        String s = v.asText();
        if (s.isBlank()) {
            throw ApiException.badRequest("$." + field, "must not be empty");
        }
        if (s.length() > maxLength) {
            throw ApiException.badRequest("$." + field, "at most " + maxLength + " characters");
        }
        return s;
    }
}

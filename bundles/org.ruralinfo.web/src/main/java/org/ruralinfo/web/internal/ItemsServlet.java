package org.ruralinfo.web.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletMultipart;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.ruralinfo.api.AdoptionLevel;
import org.ruralinfo.api.ItemStatus;
import org.ruralinfo.api.ItemType;
import org.ruralinfo.api.UserAccount;
import org.ruralinfo.api.ValidationError;
import org.ruralinfo.api.Wire;
import org.ruralinfo.intake.Action;
import org.ruralinfo.intake.AdoptionRequest;
import org.ruralinfo.intake.Attachment;
import org.ruralinfo.intake.AttachmentContent;
import org.ruralinfo.intake.Draft;
import org.ruralinfo.intake.Intake;
import org.ruralinfo.intake.IntakeException;
import org.ruralinfo.intake.ItemQuery;
import org.ruralinfo.intake.ItemView;
import org.ruralinfo.intake.RejectReason;
import org.ruralinfo.intake.TransitionRequest;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.servlet.Servlet;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;

/**
 * The items API (API v1, Art. 5, 7, 8): {@code POST/GET /api/v1/items}, {@code GET/PUT /api/v1/items/{id}},
 * {@code POST …/transitions}, {@code POST …/adoptions}, {@code DELETE …/adoptions/{level}},
 * {@code POST …/attachments} (the raw file with its Content-Type, or multipart/form-data) and
 * {@code GET …/attachments/{n}}. Roles and units are checked by the {@link Intake} service; another unit's
 * item is 404. An illegal transition is 409 with the {@code allowed} actions.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern({"/api/v1/items", "/api/v1/items/*"})
@HttpWhiteboardServletMultipart(enabled = true, fileSizeThreshold = 1 << 20)
public class ItemsServlet extends ApiServlet {
    private static final long serialVersionUID = 1L;
    /** A body of 200,000 Chinese characters is about 600 KB of JSON. */
    private static final int MAX_ITEM_JSON = 2 << 20;
    private static final Set<String> DRAFT_FIELDS = Set.of("unit", "type", "title", "body", "occurred_at", "notice",
            "group", "follows");
    private static final Set<String> TRANSITION_FIELDS = Set.of("action", "comment", "reason", "verdict");
    private static final Set<String> ADOPTION_FIELDS = Set.of("level", "at", "issue");

    private final transient Intake intake;

    @Activate
    public ItemsServlet(@Reference Sessions sessions, @Reference Intake intake) {
        super(sessions);
        this.intake = intake;
    }

    @FunctionalInterface
    private interface Handler {
        void run() throws IOException;
    }

    /** Runs a handler, answering a refusal of the workflow as problem+json (409 with the allowed actions). */
    private void guarded(HttpServletResponse resp, Handler h) throws IOException {
        try {
            h.run();
        } catch (IntakeException e) {
            int status = switch (e.kind()) {
                case NOT_FOUND -> 404;
                case FORBIDDEN -> 403;
                case CONFLICT -> 409;
                case TOO_LARGE -> 413;
                case UNSUPPORTED_TYPE -> 415;
            };
            String title = switch (e.kind()) {
                case NOT_FOUND -> "Not found";
                case FORBIDDEN -> "Forbidden";
                case CONFLICT -> "Conflict";
                case TOO_LARGE -> "Payload too large";
                case UNSUPPORTED_TYPE -> "Unsupported media type";
            };
            if (resp.isCommitted()) {
                return;
            }
            resp.resetBuffer();
            List<Object> errors = new ArrayList<>();
            if (e.path() != null) {
                errors.add(Documents.ordered("path", e.path(), "message", e.getMessage()));
            }
            Map<String, Object> p = Documents.ordered("type", "about:blank", "title", title, "status", status,
                    "detail", e.getMessage(), "errors", errors);
            if (e.kind() == IntakeException.Kind.CONFLICT) {
                p.put("allowed", e.allowed());
            }
            resp.setStatus(status);
            resp.setContentType(PROBLEM_JSON + ";charset=UTF-8");
            resp.setHeader("Cache-Control", "no-store");
            json.writeValue(resp.getOutputStream(), p);
        }
    }

    /** The path below {@code /api/v1/items}, split: [] for the collection, [id, …] below. */
    private static List<String> segments(HttpServletRequest req) {
        String info = req.getPathInfo();
        if (info == null || info.equals("/")) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String s : info.substring(1).split("/", -1)) {
            out.add(URLDecoder.decode(s, StandardCharsets.UTF_8));
        }
        return out;
    }

    private static ApiException noSuch(HttpServletRequest req) {
        return ApiException.notFound("no such resource: " + req.getRequestURI());
    }

    // ---- GET ------------------------------------------------------------------------------------------

    @Override
    void get(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        UserAccount u = user(req);
        List<String> path = segments(req);
        guarded(resp, () -> {
            if (path.isEmpty()) {
                send(resp, 200, ItemDocuments.page(intake.list(u, query(req))));
            } else if (path.size() == 1) {
                send(resp, 200, ItemDocuments.item(intake.get(u, path.get(0))));
            } else if (path.size() == 2 && path.get(1).equals("attachments")) {
                ItemView v = intake.get(u, path.get(0));
                send(resp, 200, Map.of("attachments",
                        ItemDocuments.attachments("/api/v1/items/" + v.item().id(), v.attachments())));
            } else if (path.size() == 3 && path.get(1).equals("attachments")) {
                download(resp, intake.attachment(u, path.get(0), seq(path.get(2))));
            } else {
                throw noSuch(req);
            }
        });
    }

    private static int seq(String s) {
        if (!s.matches("[1-9]\\d{0,8}")) {
            throw ApiException.notFound("no attachment " + s);
        }
        return Integer.parseInt(s);
    }

    private static void download(HttpServletResponse resp, AttachmentContent c) throws IOException {
        Attachment a = c.attachment();
        resp.setStatus(200);
        resp.setContentType(a.mediaType());
        resp.setContentLengthLong(Files.size(c.file()));
        resp.setHeader("Content-Disposition", contentDisposition(a.name()));
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.setHeader("Cache-Control", "private, no-store");
        resp.setHeader("ETag", "\"" + a.sha256() + "\"");
        try (OutputStream out = resp.getOutputStream()) {
            Files.copy(c.file(), out);
        }
    }

    /** RFC 6266: an ASCII fallback name and the UTF-8 name (Chinese file names). */
    static String contentDisposition(String name) {
        StringBuilder ascii = new StringBuilder();
        name.chars().forEach(ch -> ascii.append(ch >= 0x20 && ch < 0x7F && ch != '"' && ch != '\\' ? (char) ch : '_'));
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
                + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static ItemQuery query(HttpServletRequest req) {
        ItemStatus status = enumParam(req, "status", ItemStatus.class);
        ItemType type = enumParam(req, "type", ItemType.class);
        LocalDate from = dateParam(req, "from");
        LocalDate to = dateParam(req, "to");
        String unit = blankToNull(req.getParameter("unit"));
        String q = blankToNull(req.getParameter("q"));
        if (q != null && q.length() > 200) {
            throw ApiException.badRequest("q", "at most 200 characters");
        }
        int page = intParam(req, "page", 1, 1, 1_000_000);
        int size = intParam(req, "size", 20, 1, 100);
        return new ItemQuery(unit, status, type, from, to, q, page, size);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static <E extends Enum<E> & Wire> E enumParam(HttpServletRequest req, String name, Class<E> type) {
        String s = blankToNull(req.getParameter(name));
        if (s == null) {
            return null;
        }
        E e = Wire.parse(type, s);
        if (e == null) {
            throw ApiException.badRequest(name, "unknown " + name + " \"" + s + "\" (" + names(type) + ")");
        }
        return e;
    }

    private static LocalDate dateParam(HttpServletRequest req, String name) {
        String s = blankToNull(req.getParameter(name));
        if (s == null) {
            return null;
        }
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(name, "a date like 2025-07-01 is required");
        }
    }

    private static int intParam(HttpServletRequest req, String name, int dflt, int min, int max) {
        String s = blankToNull(req.getParameter(name));
        if (s == null) {
            return dflt;
        }
        if (!s.matches("\\d{1,9}") || Integer.parseInt(s) < min || Integer.parseInt(s) > max) {
            throw ApiException.badRequest(name, "a number from " + min + " to " + max + " is required");
        }
        return Integer.parseInt(s);
    }

    private static <E extends Enum<E> & Wire> String names(Class<E> type) {
        return String.join(", ", Arrays.stream(type.getEnumConstants()).map(Wire::wire).toList());
    }

    // ---- POST, PUT, DELETE ----------------------------------------------------------------------------

    @Override
    void post(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        UserAccount u = user(req);
        List<String> path = segments(req);
        guarded(resp, () -> {
            if (path.isEmpty()) {
                ItemView v = intake.create(u, draft(body(req, MAX_ITEM_JSON)));
                resp.setHeader("Location", "/api/v1/items/" + v.item().id());
                send(resp, 201, ItemDocuments.item(v));
            } else if (path.size() == 2 && path.get(1).equals("transitions")) {
                send(resp, 200, ItemDocuments.item(intake.transition(u, path.get(0), transition(body(req, 65_536)))));
            } else if (path.size() == 2 && path.get(1).equals("adoptions")) {
                send(resp, 201, ItemDocuments.item(intake.adopt(u, path.get(0), adoption(body(req, 16_384)))));
            } else if (path.size() == 2 && path.get(1).equals("attachments")) {
                Attachment a = upload(req, u, path.get(0));
                String href = "/api/v1/items/" + path.get(0) + "/attachments/" + a.seq();
                resp.setHeader("Location", href);
                send(resp, 201, ItemDocuments.attachment("/api/v1/items/" + path.get(0), a));
            } else {
                throw noSuch(req);
            }
        });
    }

    @Override
    void put(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        UserAccount u = user(req);
        List<String> path = segments(req);
        guarded(resp, () -> {
            if (path.size() != 1) {
                throw noSuch(req);
            }
            send(resp, 200, ItemDocuments.item(intake.update(u, path.get(0), draft(body(req, MAX_ITEM_JSON)))));
        });
    }

    @Override
    void delete(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        UserAccount u = user(req);
        List<String> path = segments(req);
        guarded(resp, () -> {
            if (path.size() != 3 || !path.get(1).equals("adoptions")) {
                throw noSuch(req);
            }
            AdoptionLevel level = Wire.parse(AdoptionLevel.class, path.get(2));
            if (level == null) {
                throw ApiException.badRequest("level", "unknown level \"" + path.get(2) + "\" ("
                        + names(AdoptionLevel.class) + ")");
            }
            send(resp, 200, ItemDocuments.item(intake.withdrawAdoption(u, path.get(0), level)));
        });
    }

    private Attachment upload(HttpServletRequest req, UserAccount u, String id) throws IOException {
        String type = req.getContentType();
        if (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data")) {
            try {
                for (Part p : req.getParts()) {
                    if (p.getSubmittedFileName() != null) {
                        try (InputStream in = p.getInputStream()) {
                            return intake.attach(u, id, p.getSubmittedFileName(), p.getContentType(), in);
                        }
                    }
                }
            } catch (ServletException | IllegalStateException e) {
                throw ApiException.badRequest("$", "not a readable multipart/form-data body");
            }
            throw ApiException.badRequest("$.file", "a file part is required");
        }
        String name = blankToNull(req.getParameter("name"));
        if (name == null) {
            name = dispositionName(req.getHeader("Content-Disposition"));
        }
        try (InputStream in = req.getInputStream()) {
            return intake.attach(u, id, name, type, in);
        }
    }

    /** @return the {@code filename} of a Content-Disposition header, or null */
    static String dispositionName(String header) {
        if (header == null) {
            return null;
        }
        for (String part : header.split(";")) {
            String p = part.strip();
            if (p.regionMatches(true, 0, "filename*=", 0, 10)) {
                String v = p.substring(10);
                int q = v.indexOf("''");
                return URLDecoder.decode(q >= 0 ? v.substring(q + 2) : v, StandardCharsets.UTF_8);
            }
        }
        for (String part : header.split(";")) {
            String p = part.strip();
            if (p.regionMatches(true, 0, "filename=", 0, 9)) {
                return p.substring(9).replace("\"", "");
            }
        }
        return null;
    }

    // ---- bodies ---------------------------------------------------------------------------------------

    private static void known(JsonNode body, Set<String> fields) {
        Iterator<String> names = body.fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            if (!fields.contains(n)) {
                throw ApiException.badRequest("$." + n, "unknown field (known: " + String.join(", ",
                        fields.stream().sorted().toList()) + ")");
            }
        }
    }

    /** @return the text of an optional string field, null when absent or null; 400 when not a string */
    private static String string(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw ApiException.badRequest("$." + field, "must be a string");
        }
        return v.asText();
    }

    private static <E extends Enum<E> & Wire> E enumField(JsonNode body, String field, Class<E> type) {
        String s = string(body, field);
        if (s == null) {
            return null;
        }
        E e = Wire.parse(type, s);
        if (e == null) {
            throw ApiException.badRequest("$." + field, "unknown value \"" + s + "\" (" + names(type) + ")");
        }
        return e;
    }

    static Draft draft(JsonNode body) {
        known(body, DRAFT_FIELDS);
        ItemType type = enumField(body, "type", ItemType.class);
        Instant occurred = null;
        String occ = string(body, "occurred_at");
        if (occ != null) {
            try {
                occurred = OffsetDateTime.parse(occ).toInstant();
            } catch (DateTimeParseException e) {
                throw ApiException.badRequest("$.occurred_at", "an ISO-8601 time with offset is required, "
                        + "e.g. 2026-07-03T10:00:00+08:00");
            }
        }
        return new Draft(string(body, "unit"), type, string(body, "title"), string(body, "body"), occurred,
                string(body, "notice"), string(body, "group"), string(body, "follows"));
    }

    static TransitionRequest transition(JsonNode body) {
        known(body, TRANSITION_FIELDS);
        Action action = enumField(body, "action", Action.class);
        if (action == null) {
            throw new org.ruralinfo.api.ValidationException(new ValidationError("$.action", "is required ("
                    + names(Action.class) + ")"));
        }
        return new TransitionRequest(action, string(body, "comment"), enumField(body, "reason", RejectReason.class),
                string(body, "verdict"));
    }

    static AdoptionRequest adoption(JsonNode body) {
        known(body, ADOPTION_FIELDS);
        AdoptionLevel level = enumField(body, "level", AdoptionLevel.class);
        String at = string(body, "at");
        LocalDate day = null;
        if (at != null) {
            try {
                day = LocalDate.parse(at);
            } catch (DateTimeParseException e) {
                throw ApiException.badRequest("$.at", "a date like 2025-07-05 is required");
            }
        }
        return new AdoptionRequest(level, day, string(body, "issue"));
    }
}

package org.ruralinfo.web.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.ruralinfo.api.Role;
import org.ruralinfo.api.UserAccount;
import org.ruralinfo.api.ValidationError;
import org.ruralinfo.archive.Annotation;
import org.ruralinfo.archive.Archive;
import org.ruralinfo.archive.ArchiveException;
import org.ruralinfo.archive.ImportResult;
import org.ruralinfo.archive.PaperCopy;
import org.ruralinfo.archive.PaperRequest;
import org.ruralinfo.archive.Problem;
import org.ruralinfo.archive.TrustedKey;
import org.ruralinfo.archive.Verification;
import org.ruralinfo.archive.Volume;
import org.ruralinfo.archive.VolumeItem;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The archive API (Art. 12, 16): year volumes ({@code /api/v1/archive/volumes}, closing with
 * {@code POST …/volumes?year=}, paper copies, annotations), archive packages ({@code GET …/packages/{year}}),
 * their verification ({@code POST …/verify}, the ZIP as the body), the installation's public key
 * ({@code GET …/key}), trusted keys, and the offline exchange ({@code GET/POST …/exchange-packages}).
 * A package body is limited before it is read; a hostile one is 400 with nothing written.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern({"/api/v1/archive", "/api/v1/archive/*"})
public class ArchiveServlet extends ApiServlet {
    private static final long serialVersionUID = 1L;

    private final transient Archive archive;

    @Activate
    public ArchiveServlet(@Reference Sessions sessions, @Reference Archive archive) {
        super(sessions);
        this.archive = archive;
    }

    @FunctionalInterface
    private interface Handler {
        void run() throws IOException;
    }

    /** Runs a handler, answering a refusal of the archive as problem+json. */
    private void guarded(HttpServletResponse resp, Handler h) throws IOException {
        try {
            h.run();
        } catch (ArchiveException e) {
            int status = switch (e.kind()) {
                case NOT_FOUND -> 404;
                case CONFLICT -> 409;
                case HOSTILE, NOT_VERIFIED -> 400;
                case TOO_LARGE -> 413;
            };
            String title = switch (e.kind()) {
                case NOT_FOUND -> "Not found";
                case CONFLICT -> "Conflict";
                case HOSTILE -> "Refused package";
                case NOT_VERIFIED -> "Package not verified";
                case TOO_LARGE -> "Payload too large";
            };
            List<ValidationError> errors = new ArrayList<>();
            for (Problem p : e.problems()) {
                errors.add(new ValidationError(p.path(), p.message()));
            }
            problem(resp, status, title, e.getMessage(), errors);
        }
    }

    private static List<String> segments(HttpServletRequest req) {
        String info = req.getPathInfo();
        List<String> out = new ArrayList<>();
        if (info == null || info.equals("/")) {
            return out;
        }
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
        List<String> s = segments(req);
        guarded(resp, () -> {
            if (s.size() == 1 && s.get(0).equals("key")) {
                resp.setStatus(200);
                resp.setContentType("application/x-pem-file;charset=US-ASCII");
                resp.setHeader("Content-Disposition", "attachment; filename=\"ruralinfo-archive-key.pem\"");
                resp.setHeader("X-Key-Fingerprint", archive.fingerprint());
                resp.getOutputStream().write(archive.publicKeyPem().getBytes(StandardCharsets.US_ASCII));
                return;
            }
            if (s.size() == 1 && s.get(0).equals("trusted-keys")) {
                user(req, Role.ADMIN, Role.EDITOR);
                List<Object> keys = new ArrayList<>();
                archive.trustedKeys().forEach(k -> keys.add(key(k)));
                send(resp, 200, Documents.ordered("keys", keys));
                return;
            }
            if (s.size() == 1 && s.get(0).equals("exchange-packages")) {
                exportExchange(req, resp);
                return;
            }
            user(req, Role.EDITOR, Role.ADMIN);
            if (s.size() == 1 && s.get(0).equals("volumes")) {
                List<Object> list = new ArrayList<>();
                for (Volume v : archive.volumes()) {
                    list.add(Documents.ordered("year", v.year(), "closed", v.closed(), "closed_at", time(v.closedAt()),
                            "closed_by", v.closedBy(), "items", v.items().size(), "paper", v.paper(), "annotations",
                            v.annotations()));
                }
                send(resp, 200, Documents.ordered("volumes", list));
            } else if (s.size() == 2 && s.get(0).equals("volumes")) {
                send(resp, 200, volume(archive.volume(year(s.get(1)))));
            } else if (s.size() == 3 && s.get(0).equals("volumes") && s.get(2).equals("paper")) {
                List<Object> list = new ArrayList<>();
                archive.paper(year(s.get(1))).forEach(p -> list.add(paper(p)));
                send(resp, 200, Documents.ordered("year", year(s.get(1)), "paper", list));
            } else if (s.size() == 3 && s.get(0).equals("volumes") && s.get(2).equals("annotations")) {
                List<Object> list = new ArrayList<>();
                archive.annotations(year(s.get(1))).forEach(a -> list.add(annotation(a)));
                send(resp, 200, Documents.ordered("year", year(s.get(1)), "annotations", list));
            } else if (s.size() == 2 && s.get(0).equals("packages")) {
                UserAccount u = user(req, Role.EDITOR, Role.ADMIN);
                int year = year(s.get(1));
                archive.volume(year); // validates before the answer starts
                resp.setStatus(200);
                resp.setContentType("application/zip");
                resp.setHeader("Cache-Control", "no-store");
                resp.setHeader("Content-Disposition", "attachment; filename=\"ruralinfo-archive-" + year + ".zip\"");
                try (OutputStream out = resp.getOutputStream()) {
                    archive.writePackage(u, year, out);
                }
            } else {
                throw noSuch(req);
            }
        });
    }

    private void exportExchange(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        UserAccount u = user(req);
        String unit = req.getParameter("unit");
        if (unit == null || unit.isBlank()) {
            unit = u.unit();
        }
        if (unit == null) {
            throw ApiException.badRequest("$.unit", "is required");
        }
        if (!u.prefectureWide() && !unit.equals(u.unit())) {
            throw ApiException.forbidden("a unit exports only its own items");
        }
        LocalDate from = date("from", req.getParameter("from"));
        LocalDate to = date("to", req.getParameter("to"));
        resp.setStatus(200);
        resp.setContentType("application/zip");
        resp.setHeader("Cache-Control", "no-store");
        resp.setHeader("Content-Disposition", "attachment; filename=\"ruralinfo-exchange-" + unit.replaceAll("[^A-Za-z0-9_-]", "_")
                + "-" + from + "-" + to + ".zip\"");
        String finalUnit = unit;
        // refusals (unknown unit) come before the first byte is written
        archive.writeExchangePackage(u, finalUnit, from, to, new LazyOutput(resp));
        resp.getOutputStream().flush();
    }

    // ---- POST -----------------------------------------------------------------------------------------

    @Override
    void post(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        List<String> s = segments(req);
        guarded(resp, () -> {
            if (s.size() == 1 && s.get(0).equals("verify")) {
                user(req, Role.EDITOR, Role.ADMIN);
                Verification v = withPackage(req, archive::verify);
                List<Object> problems = new ArrayList<>();
                v.problems().forEach(p -> problems.add(Documents.ordered("path", p.path(), "message", p.message())));
                send(resp, 200, Documents.ordered("intact", v.intact(), "problems", problems, "signer", v.signer(),
                        "kind", v.kind(), "files", v.files()));
            } else if (s.size() == 1 && s.get(0).equals("exchange-packages")) {
                UserAccount u = user(req, Role.EDITOR, Role.ADMIN);
                ImportResult r = withPackage(req, in -> archive.importExchangePackage(u, in));
                send(resp, 200, Documents.ordered("package", r.packageSha256(), "signer", r.signer(),
                        "already_imported", r.alreadyImported(), "imported",
                        r.counts() == null ? null : Documents.counts(r.counts()), "attachments", r.attachments()));
            } else if (s.size() == 1 && s.get(0).equals("trusted-keys")) {
                UserAccount u = user(req, Role.ADMIN);
                JsonNode body = body(req, 64 * 1024);
                String pem = requiredText(body, "public_key", 8192);
                TrustedKey k = archive.trust(u, pem, text(body, "label").orElse(null));
                send(resp, 201, key(k));
            } else if (s.size() == 1 && s.get(0).equals("volumes")) {
                UserAccount u = user(req, Role.EDITOR);
                String y = req.getParameter("year");
                if (y == null) {
                    throw ApiException.badRequest("$.year", "is required (?year=2025)");
                }
                send(resp, 200, volume(archive.close(u, year(y))));
            } else if (s.size() == 3 && s.get(0).equals("volumes") && s.get(2).equals("paper")) {
                UserAccount u = user(req, Role.EDITOR, Role.ADMIN);
                JsonNode b = body(req, MAX_BODY);
                LocalDate filed = b.hasNonNull("filed_on") ? date("filed_on", b.get("filed_on").asText()) : null;
                PaperCopy p = archive.registerPaper(u, year(s.get(1)), new PaperRequest(text(b, "item").orElse(null),
                        text(b, "box").orElse(null), text(b, "volume").orElse(null), text(b, "piece").orElse(null),
                        text(b, "shelf").orElse(null), text(b, "filed_by").orElse(null), filed,
                        text(b, "note").orElse(null)));
                send(resp, 201, paper(p));
            } else if (s.size() == 3 && s.get(0).equals("volumes") && s.get(2).equals("annotations")) {
                UserAccount u = user(req, Role.EDITOR, Role.ADMIN);
                JsonNode b = body(req, MAX_BODY);
                Annotation a = archive.annotate(u, year(s.get(1)), text(b, "item").orElse(null),
                        text(b, "note").orElse(null));
                send(resp, 201, annotation(a));
            } else {
                throw noSuch(req);
            }
        });
    }

    @FunctionalInterface
    private interface PackageWork<T> {
        T run(InputStream in);
    }

    /**
     * Runs {@code work} on the request body, refused (413) when longer than the limit, before or while it
     * is read; whatever the outcome, the rest of the body is read so the client gets the answer.
     */
    private <T> T withPackage(HttpServletRequest req, PackageWork<T> work) throws IOException {
        long max = archive.packageLimit();
        if (req.getContentLengthLong() > max) {
            throw new ApiException(413, "Payload too large", "a package may have at most " + max + " bytes");
        }
        try (InputStream in = new LimitedInputStream(req.getInputStream(), max)) {
            try {
                return work.run(new FilterInputStream(in) {
                    @Override
                    public void close() {
                        // the servlet drains and closes the body
                    }
                });
            } catch (RuntimeException e) {
                try {
                    in.transferTo(OutputStream.nullOutputStream());
                } catch (IOException | ApiException drained) {
                    // the answer goes out anyway
                }
                throw e;
            }
        }
    }

    // ---- shapes ---------------------------------------------------------------------------------------

    private static Map<String, Object> volume(Volume v) {
        List<Object> items = new ArrayList<>();
        for (VolumeItem i : v.items()) {
            items.add(Documents.ordered("id", i.id(), "unit", i.unit(), "type", i.type(), "title", i.title(),
                    "submitted_at", time(i.submittedAt()), "forwarded_at", time(i.forwardedAt()), "forwarded_by",
                    i.forwardedBy(), "reasons", i.reasons(), "adoptions", i.adoptions(), "attachments", i.attachments()));
        }
        return Documents.ordered("year", v.year(), "closed", v.closed(), "closed_at", time(v.closedAt()), "closed_by",
                v.closedBy(), "sealed_sha256", v.sealed(), "items", items, "paper", v.paper(), "annotations",
                v.annotations(), "pending", v.pending());
    }

    private static Map<String, Object> paper(PaperCopy p) {
        return Documents.ordered("id", p.id(), "year", p.year(), "item", p.item(), "box", p.box(), "volume", p.volume(),
                "piece", p.piece(), "shelf", p.shelf(), "filed_by", p.filedBy(), "filed_on",
                p.filedOn() == null ? null : p.filedOn().toString(), "note", p.note(), "registered_at",
                time(p.registeredAt()), "registered_by", p.registeredBy());
    }

    private static Map<String, Object> annotation(Annotation a) {
        return Documents.ordered("id", a.id(), "year", a.year(), "item", a.item(), "note", a.note(), "at", time(a.at()),
                "author", a.author());
    }

    private static Map<String, Object> key(TrustedKey k) {
        return Documents.ordered("fingerprint", k.fingerprint(), "public_key", k.pem(), "label", k.label(), "source",
                k.source(), "added_at", time(k.addedAt()), "added_by", k.addedBy());
    }

    private static String time(Instant t) {
        return ItemDocuments.time(t);
    }

    private static int year(String text) {
        if (text == null || !text.matches("\\d{4}")) {
            throw ApiException.badRequest("$.year", "a year such as 2025");
        }
        return Integer.parseInt(text);
    }

    private static LocalDate date(String field, String text) {
        if (text == null || text.isBlank()) {
            throw ApiException.badRequest("$." + field, "is required (YYYY-MM-DD)");
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("$." + field, "not a date YYYY-MM-DD: " + text);
        }
    }

    /** The response's stream, opened at the first byte, so a refusal before it can still be problem+json. */
    private static final class LazyOutput extends OutputStream {
        private final HttpServletResponse resp;
        private OutputStream out;

        LazyOutput(HttpServletResponse resp) {
            this.resp = resp;
        }

        private OutputStream out() throws IOException {
            if (out == null) {
                out = resp.getOutputStream();
            }
            return out;
        }

        @Override
        public void write(int b) throws IOException {
            out().write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out().write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            if (out != null) {
                out.flush();
            }
        }
    }
}

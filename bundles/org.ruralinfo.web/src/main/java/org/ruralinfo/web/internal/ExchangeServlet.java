package org.ruralinfo.web.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.ruralinfo.api.ExchangeDocument;
import org.ruralinfo.api.ImportCounts;
import org.ruralinfo.api.RecordStore;
import org.ruralinfo.api.Role;
import org.ruralinfo.api.UserAccount;
import org.ruralinfo.exchange.ExchangeCodec;
import org.ruralinfo.exchange.ExistingRecords;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code POST /api/v1/exchange} imports an exchange document v1 all or nothing (admin, editor): it is
 * streamed through the validating reader, and only a document with no problem at all is written, in
 * one transaction. {@code GET /api/v1/exchange?year=2025} exports that year.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/api/v1/exchange")
public class ExchangeServlet extends ApiServlet {
    private static final long serialVersionUID = 1L;
    /** A region's year is about 20 MB. */
    static final long MAX_DOCUMENT = 128L << 20;

    private final transient ExchangeCodec codec;
    private final transient RecordStore store;

    @Activate
    public ExchangeServlet(@Reference Sessions sessions, @Reference ExchangeCodec codec,
            @Reference RecordStore store) {
        super(sessions);
        this.codec = codec;
        this.store = store;
    }

    @Override
    void post(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        UserAccount u = user(req, Role.ADMIN, Role.EDITOR);
        if (req.getContentLengthLong() > MAX_DOCUMENT) {
            throw new ApiException(413, "Payload too large", "a document may have at most " + MAX_DOCUMENT + " bytes");
        }
        ExchangeDocument doc;
        try (InputStream in = new LimitedInputStream(req.getInputStream(), MAX_DOCUMENT)) {
            try {
                doc = codec.read(in, ExistingRecords.of(store));
            } catch (org.ruralinfo.api.ValidationException e) {
                // read the rest of a refused document, so the client gets the answer, not a reset connection
                in.transferTo(java.io.OutputStream.nullOutputStream());
                throw e;
            }
        }
        ImportCounts counts = store.importDocument(doc, u.username());
        send(resp, 200, java.util.Map.of("imported", Documents.counts(counts)));
    }

    @Override
    void get(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        user(req, Role.ADMIN, Role.EDITOR);
        int year = year(req.getParameter("year"));
        ExchangeDocument doc = org.ruralinfo.exchange.YearExport.of(store.year(year));
        resp.setStatus(200);
        resp.setContentType("application/json;charset=UTF-8");
        resp.setHeader("Content-Disposition", "attachment; filename=\"ruralinfo-" + year + ".json\"");
        try (OutputStream out = resp.getOutputStream()) {
            codec.write(doc, out);
        }
    }

    static int year(String text) {
        if (text == null || !text.matches("\\d{4}")) {
            throw new ApiException(400, "Bad request", "year: a year like 2025 is required",
                    List.of(new org.ruralinfo.api.ValidationError("year", "a year like 2025 is required")));
        }
        return Integer.parseInt(text);
    }
}

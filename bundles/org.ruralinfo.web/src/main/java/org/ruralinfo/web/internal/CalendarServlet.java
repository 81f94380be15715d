package org.ruralinfo.web.internal;

import java.io.IOException;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.ruralinfo.api.CalendarYear;
import org.ruralinfo.api.ExchangeDocument;
import org.ruralinfo.api.RecordStore;
import org.ruralinfo.api.Role;
import org.ruralinfo.api.UserAccount;
import org.ruralinfo.exchange.ExchangeCodec;

import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code PUT /api/v1/calendar/{year}} (admin): the year's {@code {"holidays", "workdays"}} replace what
 * was loaded for it. {@code GET} shows them.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/api/v1/calendar/*")
public class CalendarServlet extends ApiServlet {
    private static final long serialVersionUID = 1L;
    private final transient ExchangeCodec codec;
    private final transient RecordStore store;

    @Activate
    public CalendarServlet(@Reference Sessions sessions, @Reference ExchangeCodec codec,
            @Reference RecordStore store) {
        super(sessions);
        this.codec = codec;
        this.store = store;
    }

    private static int year(HttpServletRequest req) {
        String info = req.getPathInfo();
        return ExchangeServlet.year(info == null ? null : info.substring(1));
    }

    @Override
    void get(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        user(req);
        int year = year(req);
        CalendarYear y = store.calendars().stream().filter(c -> c.year() == year).findFirst()
                .orElse(new CalendarYear(year, java.util.List.of(), java.util.List.of()));
        send(resp, 200, Documents.ordered("year", year, "holidays", y.holidays().stream().map(Object::toString).toList(),
                "workdays", y.workdays().stream().map(Object::toString).toList()));
    }

    @Override
    void put(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        UserAccount admin = user(req, Role.ADMIN);
        int year = year(req);
        ObjectNode body = (ObjectNode) body(req, 65_536);
        body.put("year", year);
        ExchangeDocument doc = SectionImport.read(json, codec, store, "calendar", body);
        store.importDocument(doc, admin.username());
        get(req, resp);
    }
}

package org.ruralinfo.web.internal;

import java.io.IOException;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.ruralinfo.api.ExchangeDocument;
import org.ruralinfo.api.RecordStore;
import org.ruralinfo.api.Role;
import org.ruralinfo.api.UserAccount;
import org.ruralinfo.exchange.ExchangeCodec;

import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** {@code GET /api/v1/units} (any user) and {@code POST /api/v1/units} (admin: {@code {"id", "name", "kind"}}). */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/api/v1/units")
public class UnitsServlet extends ApiServlet {
    private static final long serialVersionUID = 1L;
    private final transient ExchangeCodec codec;
    private final transient RecordStore store;

    @Activate
    public UnitsServlet(@Reference Sessions sessions, @Reference ExchangeCodec codec, @Reference RecordStore store) {
        super(sessions);
        this.codec = codec;
        this.store = store;
    }

    @Override
    void get(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        user(req);
        send(resp, 200, Map.of("units", store.units().stream().map(u -> (Object) Documents.unit(u)).toList()));
    }

    @Override
    void post(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        UserAccount admin = user(req, Role.ADMIN);
        ObjectNode body = (ObjectNode) body(req, 16_384);
        ExchangeDocument doc = SectionImport.read(json, codec, store, "units", body);
        store.importDocument(doc, admin.username());
        send(resp, 201, Documents.unit(doc.units().get(0)));
    }
}

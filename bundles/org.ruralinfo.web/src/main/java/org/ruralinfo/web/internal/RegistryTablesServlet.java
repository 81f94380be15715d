package org.ruralinfo.web.internal;

import java.io.IOException;


import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.ruralinfo.api.ExchangeDocument;
import org.ruralinfo.api.Group;
import org.ruralinfo.api.Outlet;
import org.ruralinfo.api.RecordStore;
import org.ruralinfo.api.Role;
import org.ruralinfo.api.UserAccount;
import org.ruralinfo.exchange.ExchangeCodec;

import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The two registry tables besides units that admins maintain: the special groups and their lead units
 * ({@code /api/v1/groups}, Art. 6(2)) and the publicity outlets with their levels ({@code /api/v1/outlets},
 * Art. 19(2)/(3) ruling: the table decides a known outlet's level). Any user reads them; an admin adds or
 * replaces a row ({@code {"id", "name", "lead"}}, {@code {"name", "channel", "level"}}), validated by the
 * rules of the exchange format.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern({ "/api/v1/groups", "/api/v1/outlets" })
public class RegistryTablesServlet extends ApiServlet {
    private static final long serialVersionUID = 1L;
    private final transient ExchangeCodec codec;
    private final transient RecordStore store;

    @Activate
    public RegistryTablesServlet(@Reference Sessions sessions, @Reference ExchangeCodec codec,
            @Reference RecordStore store) {
        super(sessions);
        this.codec = codec;
        this.store = store;
    }

    private static boolean groups(HttpServletRequest req) {
        return req.getServletPath().endsWith("/groups");
    }

    @Override
    void get(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        user(req);
        if (groups(req)) {
            send(resp, 200, Documents.ordered("groups", store.groups().stream().map(g -> (Object) group(g)).toList()));
        } else {
            send(resp, 200, Documents.ordered("outlets", store.outlets().stream().map(o -> (Object) outlet(o)).toList()));
        }
    }

    @Override
    void post(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        UserAccount admin = user(req, Role.ADMIN);
        ObjectNode body = (ObjectNode) body(req, 16_384);
        boolean g = groups(req);
        ExchangeDocument doc = SectionImport.read(json, codec, store, g ? "groups" : "outlets", body);
        store.importDocument(doc, admin.username());
        send(resp, 201, g ? group(doc.groups().get(0)) : outlet(doc.outlets().get(0)));
    }

    private static Object group(Group g) {
        return Documents.ordered("id", g.id(), "name", g.name(), "lead", g.lead());
    }

    private static Object outlet(Outlet o) {
        return Documents.ordered("name", o.name(), "channel", o.channel().wire(), "level", o.level().wire());
    }

}

package org.ruralinfo.web.internal;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.ruralinfo.api.ExchangeDocument;
import org.ruralinfo.api.Publicity;
import org.ruralinfo.api.RecordStore;
import org.ruralinfo.api.Role;
import org.ruralinfo.api.UserAccount;
import org.ruralinfo.api.scoring.Period;
import org.ruralinfo.exchange.ExchangeCodec;

import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A unit's news and online publicity reports (附件二, 附件三; Art. 19(2)/(3)): {@code POST /api/v1/publicity}
 * {@code {"channel", "outlet", "level"?, "title", "manuscript"?, "published"}} records one with
 * {@code reported_at} = now (whether it counts is the policy's rule of the reporting window);
 * {@code GET /api/v1/publicity?unit=&quarter=} lists them. A unit's own staff report and read only their
 * unit's; editors and admins any unit's. Validated by the rules of the exchange format (the outlet table
 * decides a known outlet's level).
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/api/v1/publicity")
public class PublicityServlet extends ApiServlet {
    private static final long serialVersionUID = 1L;
    private final transient ExchangeCodec codec;
    private final transient RecordStore store;
    private final transient SecureRandom random = new SecureRandom();

    @Activate
    public PublicityServlet(@Reference Sessions sessions, @Reference ExchangeCodec codec,
            @Reference RecordStore store) {
        super(sessions);
        this.codec = codec;
        this.store = store;
    }

    @Override
    void post(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        UserAccount u = user(req, Role.OFFICER, Role.REVIEWER, Role.SIGNER, Role.EDITOR, Role.ADMIN);
        ObjectNode body = (ObjectNode) body(req, 65_536);
        String unit = text(body, "unit").orElse(u.unit());
        if (unit == null) {
            throw ApiException.badRequest("$.unit", "is required");
        }
        if (!u.prefectureWide() && !unit.equals(u.unit())) {
            throw ApiException.forbidden("a unit reports its own publicity only");
        }
        body.remove(List.of("id", "reported_at", "unit"));
        body.put("id", "PUB-" + HexFormat.of().formatHex(bytes()));
        body.put("unit", unit);
        body.put("reported_at", ItemDocuments.time(Instant.now()));
        ExchangeDocument doc = SectionImport.read(json, codec, store, "publicity", body);
        store.importDocument(doc, u.username());
        resp.setHeader("Location", "/api/v1/publicity?unit=" + unit);
        send(resp, 201, row(doc.publicity().get(0)));
    }

    private byte[] bytes() {
        byte[] b = new byte[8];
        random.nextBytes(b);
        return b;
    }

    @Override
    void get(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        UserAccount u = user(req);
        String unit = req.getParameter("unit");
        if (!u.prefectureWide()) {
            if (unit != null && !unit.equals(u.unit())) {
                throw ApiException.forbidden("a unit reads its own publicity only");
            }
            unit = u.unit();
        }
        String q = req.getParameter("quarter");
        Period quarter = Period.parse(q);
        if (quarter == null || quarter.isYear()) {
            throw ApiException.badRequest("quarter", "a quarter like 2025-Q3 is required");
        }
        String only = unit;
        List<Object> rows = store.year(quarter.year()).publicity().stream()
                .filter(p -> quarter.contains(p.published()))
                .filter(p -> only == null || p.unit().equals(only))
                .map(p -> (Object) row(p)).toList();
        send(resp, 200, Documents.ordered("quarter", quarter.toString(), "unit", unit, "publicity", rows));
    }

    private static Object row(Publicity p) {
        return Documents.ordered("id", p.id(), "unit", p.unit(), "channel", p.channel().wire(), "outlet", p.outlet(),
                "level", p.level() == null ? null : p.level().wire(), "title", p.title(), "manuscript",
                p.manuscript(), "published", p.published().toString(), "reported_at",
                ItemDocuments.time(p.reportedAt()));
    }
}

package org.ruralinfo.web.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.ruralinfo.api.Channel;
import org.ruralinfo.api.Outlet;
import org.ruralinfo.api.Publicity;
import org.ruralinfo.api.RecordStore;
import org.ruralinfo.api.Unit;
import org.ruralinfo.api.UserAccount;
import org.ruralinfo.api.Wire;
import org.ruralinfo.api.YearRecords;
import org.ruralinfo.api.scoring.Period;
import org.ruralinfo.supervision.Spreadsheets;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The publicity self-report forms as .xlsx: {@code GET /api/v1/publicity/forms?quarter=2025-Q3&channel=news}
 * (附件二) or {@code channel=online} (附件三); every unit the caller may see, in the fixed order, units with
 * nothing still listed; the level of an outlet the table knows is the table's (Art. 19 ruling).
 * {@link XlsxFilter} answers {@code GET /api/v1/publicity?quarter=&channel=} with {@code Accept} of a spreadsheet
 * through the same code.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/api/v1/publicity/forms")
public class PublicityFormsServlet extends ApiServlet {
    private static final long serialVersionUID = 1L;

    private final transient RecordStore store;
    private final transient Spreadsheets spreadsheets;

    @Activate
    public PublicityFormsServlet(@Reference Sessions sessions, @Reference RecordStore store,
            @Reference Spreadsheets spreadsheets) {
        super(sessions);
        this.store = store;
        this.spreadsheets = spreadsheets;
    }

    @Override
    void get(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        UserAccount u = user(req);
        Period quarter = Period.parse(req.getParameter("quarter"));
        if (quarter == null || quarter.isYear()) {
            throw ApiException.badRequest("quarter", "a quarter like 2025-Q3 is required");
        }
        Channel channel = Wire.parse(Channel.class, req.getParameter("channel"));
        if (channel == null) {
            throw ApiException.badRequest("channel", "news (附件二) or online (附件三)");
        }
        String only = req.getParameter("unit");
        YearRecords y = store.year(quarter.year());
        List<Unit> units = y.units().stream().filter(x -> u.prefectureWide() || x.id().equals(u.unit()))
                .filter(x -> only == null || only.isBlank() || x.id().equals(only.strip())).toList();
        List<Publicity> reports = new ArrayList<>();
        for (Publicity p : y.publicity()) {
            Outlet known = y.outlets().stream().filter(o -> o.name().equals(p.outlet()) && o.channel() == p.channel())
                    .findFirst().orElse(null);
            reports.add(known == null ? p : new Publicity(p.id(), p.unit(), p.channel(), p.outlet(), known.level(),
                    p.title(), p.manuscript(), p.published(), p.reportedAt()));
        }
        String form = channel == Channel.NEWS ? "form2-news" : "form3-online";
        Supervising.sendXlsx(resp, form + "-" + quarter + ".xlsx",
                out -> spreadsheets.publicity(quarter, channel, units, reports, out));
    }
}

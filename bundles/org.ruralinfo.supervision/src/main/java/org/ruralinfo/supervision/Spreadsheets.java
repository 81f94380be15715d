package org.ruralinfo.supervision;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;
import org.ruralinfo.api.Channel;
import org.ruralinfo.api.Publicity;
import org.ruralinfo.api.Unit;
import org.ruralinfo.api.scoring.Period;
import org.ruralinfo.api.scoring.RankingReport;

/**
 * The tables staff would otherwise type by hand, as .xlsx workbooks: every unit in the fixed order (county,
 * member unit, department; then by id), units with nothing still listed.
 */
@ProviderType
public interface Spreadsheets {
    /** The media type of an .xlsx workbook. */
    String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    void supervision(SupervisionReport report, OutputStream out) throws IOException;

    void summary(MonthlySummary summary, OutputStream out) throws IOException;

    void ranking(RankingReport report, OutputStream out) throws IOException;

    /**
     * The self-report form of a quarter: 附件二 (news) or 附件三 (online).
     *
     * @param reports the reports of the channel (any unit); those of units not in {@code units} are left out
     */
    void publicity(Period quarter, Channel channel, List<Unit> units, List<Publicity> reports, OutputStream out)
            throws IOException;
}

package org.ruralinfo.exchange.internal;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.ruralinfo.api.UnitKind;
import org.ruralinfo.api.scoring.Evaluation;
import org.ruralinfo.api.scoring.PointLine;
import org.ruralinfo.api.scoring.RankingReport;
import org.ruralinfo.api.scoring.RankingRow;

import com.fasterxml.jackson.core.JsonGenerator;

/**
 * Writes a ranking report v1 ({@code "format": "ruralinfo-ranking/1"}) as exchange-v1.md shows it:
 * every kind with every unit's row in display order, each row's explained lines, and for a year the
 * evaluation. A line also names its {@code category} (the column it adds to), an extension.
 */
final class RankingWriter {
    private final JsonGenerator g;

    RankingWriter(JsonGenerator g) {
        this.g = g;
    }

    void write(RankingReport r) throws IOException {
        g.writeStartObject();
        g.writeStringField("format", RankingReport.FORMAT);
        g.writeStringField("period", r.period().toString());
        g.writeObjectFieldStart("policy");
        g.writeStringField("id", r.policy().id());
        g.writeStringField("version", r.policy().version());
        g.writeEndObject();
        g.writeObjectFieldStart("kinds");
        for (UnitKind k : UnitKind.values()) {
            g.writeArrayFieldStart(k.wire());
            for (RankingRow row : r.kinds().getOrDefault(k, List.of())) {
                row(row);
            }
            g.writeEndArray();
        }
        g.writeEndObject();
        if (r.evaluation() != null) {
            evaluation(r.evaluation());
        }
        g.writeEndObject();
    }

    private void row(RankingRow row) throws IOException {
        g.writeStartObject();
        g.writeNumberField("rank", row.rank());
        g.writeStringField("unit", row.unit());
        g.writeStringField("name", row.name());
        g.writeNumberField("score", row.score());
        g.writeNumberField("information", row.information());
        g.writeNumberField("news", row.news());
        g.writeNumberField("online", row.online());
        g.writeNumberField("deductions", row.deductions());
        g.writeArrayFieldStart("lines");
        for (PointLine l : row.lines()) {
            g.writeStartObject();
            g.writeNumberField("points", l.points());
            g.writeStringField("rule", l.rule());
            g.writeStringField("ref", l.ref());
            g.writeStringField("reason", l.reason());
            g.writeStringField("category", l.category().wire());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private void evaluation(Evaluation e) throws IOException {
        g.writeObjectFieldStart("evaluation");
        lists("commended", e.commended());
        lists("named", e.named());
        g.writeEndObject();
    }

    private void lists(String name, Map<UnitKind, List<String>> byKind) throws IOException {
        g.writeObjectFieldStart(name);
        for (UnitKind k : UnitKind.values()) {
            g.writeArrayFieldStart(k.wire());
            for (String unit : byKind.getOrDefault(k, List.of())) {
                g.writeString(unit);
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }
}

package org.edgeway.web.status;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.ToIntFunction;
import org.edgeway.services.metrics.ActivitySample;

/** The Chart.js configuration of one small Status &gt; Overview chart: a line over the last 24 hours (UTC). */
final class ActivityCharts {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

    private ActivityCharts() {
    }

    static String line(List<ActivitySample> samples, String label, String colour, ToIntFunction<ActivitySample> value) {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder data = Json.createArrayBuilder();
        for (ActivitySample s : samples) {
            labels.add(TIME.format(s.at()));
            data.add(value.applyAsInt(s));
        }
        return Json.createObjectBuilder().add("type", "line")
                .add("data", Json.createObjectBuilder().add("labels", labels).add("datasets", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("label", label).add("data", data)
                                .add("borderColor", colour).add("pointRadius", 0).add("stepped", true))))
                .add("options", Json.createObjectBuilder().add("animation", false)
                        .add("plugins", Json.createObjectBuilder().add("legend", Json.createObjectBuilder()
                                .add("display", false)))
                        .add("scales", Json.createObjectBuilder().add("y", Json.createObjectBuilder()
                                .add("beginAtZero", true).add("ticks", Json.createObjectBuilder().add("precision", 0)))
                                .add("x", Json.createObjectBuilder().add("ticks", Json.createObjectBuilder()
                                        .add("maxTicksLimit", 6)))))
                .build().toString();
    }
}

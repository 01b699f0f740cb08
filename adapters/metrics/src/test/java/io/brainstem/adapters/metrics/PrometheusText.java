package io.brainstem.adapters.metrics;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The samples of a Prometheus text (0.0.4) or OpenMetrics scrape, for tests: each sample line keyed by its name and
 * its labels sorted, e.g. {@code brainstem_syslog_dropped_total{reason="queue_full",transport="udp"}}. Comments
 * ({@code # HELP}, {@code # TYPE}, {@code # EOF}) are skipped; a line that is neither fails the parse.
 */
public final class PrometheusText {

    private static final Pattern SAMPLE = Pattern.compile(
            "([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+(\\S+)(\\s+\\S+)?");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\",?");

    private final Map<String, Double> samples;

    private PrometheusText(Map<String, Double> samples) {
        this.samples = samples;
    }

    public static PrometheusText parse(String text) {
        Map<String, Double> samples = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher m = SAMPLE.matcher(line);
            if (!m.matches()) {
                throw new IllegalArgumentException("not a sample line: " + line);
            }
            samples.put(key(m.group(1), m.group(3) == null ? "" : m.group(3)), Double.parseDouble(m.group(4)));
        }
        return new PrometheusText(samples);
    }

    private static String key(String name, String labels) {
        Map<String, String> sorted = new TreeMap<>();
        Matcher l = LABEL.matcher(labels);
        while (l.find()) {
            sorted.put(l.group(1), l.group(2));
        }
        if (sorted.isEmpty()) {
            return name;
        }
        StringBuilder sb = new StringBuilder(name).append('{');
        sorted.forEach((k, v) -> sb.append(sb.charAt(sb.length() - 1) == '{' ? "" : ",").append(k).append("=\"")
                .append(v).append('"'));
        return sb.append('}').toString();
    }

    /** The value of one sample, given as {@code name} or {@code name{a="1",b="2"}} (labels in any order). */
    public Optional<Double> value(String sample) {
        int brace = sample.indexOf('{');
        String key = brace < 0 ? sample : key(sample.substring(0, brace), sample.substring(brace + 1,
                sample.length() - 1));
        return Optional.ofNullable(samples.get(key));
    }

    /** As {@link #value}, failing when the sample is absent. */
    public double get(String sample) {
        return value(sample).orElseThrow(() -> new AssertionError("no sample " + sample + " in the scrape"));
    }

    /** How many requests {@code brainstem_http_server_requests_seconds} counted for this method, route and status. */
    public double requests(String method, String route, int status) {
        return value("brainstem_http_server_requests_seconds_count{method=\"" + method + "\",route=\"" + route
                + "\",status=\"" + status + "\"}").orElse(0.0);
    }

    /** Every sample, keyed as described above. */
    public Map<String, Double> samples() {
        return Map.copyOf(samples);
    }
}

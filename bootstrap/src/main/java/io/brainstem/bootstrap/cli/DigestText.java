package io.brainstem.bootstrap.cli;

import io.brainstem.application.port.in.MemoryQueries.Digest;
import io.brainstem.application.port.in.MemoryQueries.DigestItem;
import io.brainstem.domain.candidate.Candidate;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The daily digest as a person reads it in a terminal: one numbered entry per item, band and score first,
 * what is new and what memory knows on the second line, then why it matters, wrapped.
 */
public final class DigestText {

    static final int WIDTH = 100;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private DigestText() {
    }

    public static String render(Digest digest, Instant now) {
        StringBuilder out = new StringBuilder();
        out.append("brainstem digest — ").append(digest.tenantId().map(t -> "tenant " + t).orElse("all tenants"))
                .append(", since ").append(WHEN.format(digest.since())).append(" (")
                .append(ago(Duration.between(digest.since(), now))).append(")\n");
        if (digest.items().isEmpty()) {
            return out.append("\nNothing new or changed deserves a look.\n").toString();
        }
        int n = 0;
        for (DigestItem item : digest.items()) {
            Candidate c = item.candidate();
            n++;
            out.append('\n');
            wrap(out, String.format(Locale.ROOT, "%2d. [%s] %.2f  %s", n, c.decisionBand().wireName(),
                    c.scoreTotal(), c.title()), "", "    ");
            List<String> facts = new ArrayList<>();
            facts.add(item.isNew() ? "new" : "changed");
            facts.add(c.type().wireName());
            facts.add(c.id().value());
            if (!c.evidence().hosts().isEmpty()) {
                facts.add(hosts(c.evidence().hosts()));
            }
            facts.add(c.evidence().eventCount() + " events, last " + WHEN.format(c.evidence().lastSeen()));
            if (item.matchesMemory()) {
                facts.add("matches incident memory");
            }
            wrap(out, facts, " · ", "    ");
            wrap(out, item.whyItMatters(), "    ", "    ");
            if (!item.facets().isEmpty()) {
                wrap(out, "also: " + String.join(", ", item.facets().stream()
                        .map(f -> f.type().wireName() + " " + f.id().value()).toList()), "    ", "          ");
            }
        }
        return out.toString();
    }

    private static String hosts(List<String> hosts) {
        return hosts.size() <= 3 ? String.join(", ", hosts)
                : String.join(", ", hosts.subList(0, 3)) + " and " + (hosts.size() - 3) + " more";
    }

    private static String ago(Duration d) {
        long hours = d.toHours();
        return hours >= 48 && hours % 24 == 0 ? hours / 24 + " days" : hours >= 1 ? hours + " h" : d.toMinutes() + " min";
    }

    private static void wrap(StringBuilder out, String text, String firstIndent, String indent) {
        wrap(out, List.of(text.strip().split("\\s+")), " ", firstIndent, indent);
    }

    private static void wrap(StringBuilder out, List<String> units, String separator, String indent) {
        wrap(out, units, separator, indent, indent);
    }

    /** Wraps at {@link #WIDTH} between units; a unit longer than the width stays whole on its own line. */
    private static void wrap(StringBuilder out, List<String> units, String separator, String firstIndent,
            String indent) {
        StringBuilder line = new StringBuilder(firstIndent);
        int start = firstIndent.length();
        for (String unit : units) {
            if (line.length() > start && line.length() + separator.length() + unit.length() > WIDTH) {
                out.append(line).append('\n');
                line = new StringBuilder(indent);
                start = indent.length();
            }
            if (line.length() > start) {
                line.append(separator);
            }
            line.append(unit);
        }
        if (line.length() > start) {
            out.append(line).append('\n');
        }
    }
}

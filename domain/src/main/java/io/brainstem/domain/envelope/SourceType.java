package io.brainstem.domain.envelope;

import java.util.List;

/** The source types brainstem knows how to canonicalize. Any other value is stored as {@code unsupported}. */
public final class SourceType {

    public static final String SYSLOG = "syslog";
    public static final String FILE = "file";
    public static final String LOGICMONITOR = "logicmonitor";

    public static final List<String> KNOWN = List.of(FILE, LOGICMONITOR, SYSLOG);

    private SourceType() {
    }

    public static boolean isKnown(String sourceType) {
        return sourceType != null && KNOWN.contains(sourceType);
    }
}

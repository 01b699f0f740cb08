package io.brainstem.domain.event;

import io.brainstem.domain.envelope.EnvelopeContent;
import io.brainstem.domain.envelope.ParserInfo;
import io.brainstem.domain.envelope.SourceType;
import io.brainstem.domain.envelope.TenantId;
import io.brainstem.domain.event.parsing.ClientFields;
import io.brainstem.domain.event.parsing.EventAssembler;
import io.brainstem.domain.event.parsing.Extraction;
import io.brainstem.domain.event.parsing.FileSourceParser;
import io.brainstem.domain.event.parsing.InstantText;
import io.brainstem.domain.event.parsing.LogicMonitorSourceParser;
import io.brainstem.domain.event.parsing.MessageText;
import io.brainstem.domain.event.parsing.SourceParser;
import io.brainstem.domain.event.parsing.SyslogParser;
import io.brainstem.domain.event.parsing.SyslogSourceParser;
import io.brainstem.domain.shared.Text;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns an envelope into a {@link ParseOutcome}: picks the parser for its source type
 * ({@code syslog}, {@code file}, {@code logicmonitor}; matched ignoring case and surrounding blanks), checks
 * that the message is text, reads it, and lays the client's explicit fields over what was read
 * ({@link EventAssembler}). Never throws: anything unreadable is a {@link ParseOutcome.Failed} with a reason
 * a person understands, an unknown source type is {@link ParseOutcome.Unsupported}. Thread-safe.
 */
public final class Canonicalizer {

    /** Named on outcomes decided before any source parser ran (unknown source type, missing content). */
    public static final ParserInfo PARSER = new ParserInfo("canonicalizer", "1.0.0");

    private final SyslogSourceParser syslog;
    private final FileSourceParser file;
    private final LogicMonitorSourceParser logicMonitor;

    public Canonicalizer() {
        SyslogParser lines = new SyslogParser();
        this.syslog = new SyslogSourceParser(lines);
        this.file = new FileSourceParser(lines);
        this.logicMonitor = new LogicMonitorSourceParser();
    }

    public ParseOutcome canonicalize(EnvelopeContent content, Instant receivedAt) {
        try {
            return canonicalizeChecked(content, receivedAt);
        } catch (RuntimeException defect) {
            // a parser bug must not lose the envelope: it stays parse_failed and can be replayed once fixed
            return new ParseOutcome.Failed("parser defect (" + defect.getClass().getSimpleName() + "): "
                    + Text.truncate(String.valueOf(defect.getMessage()), 200), PARSER);
        }
    }

    /**
     * The message the ingest pipeline mines for {@code line} received as a syslog envelope of {@code tenant} at
     * {@code receivedAt} (which only decides the year of a year-less timestamp): the parsed event's message;
     * the line as it is when the server would not parse it (parse_failed). For previews ({@code brainstem mine}).
     */
    public String messageToMine(TenantId tenant, String line, Instant receivedAt) {
        EnvelopeContent content = EnvelopeContent.builder(tenant).sourceType(SourceType.SYSLOG).messageRaw(line)
                .build();
        return canonicalize(content, receivedAt) instanceof ParseOutcome.Parsed parsed ? parsed.event().message()
                : line;
    }

    private ParseOutcome canonicalizeChecked(EnvelopeContent content, Instant receivedAt) {
        if (content == null || receivedAt == null) {
            return new ParseOutcome.Failed("the envelope has no content or no received_at", PARSER);
        }
        Optional<SourceParser> chosen = parserFor(content.sourceType());
        if (chosen.isEmpty()) {
            return new ParseOutcome.Unsupported(unsupportedReason(content.sourceType()), PARSER);
        }
        SourceParser parser = chosen.get();
        String text;
        Map<String, Object> qualityFields;
        switch (MessageText.check(content.messageRaw())) {
            case MessageText.Unusable unusable -> {
                return new ParseOutcome.Failed(unusable.reason(), parser.parser());
            }
            case MessageText.Usable usable -> {
                text = usable.text();
                qualityFields = usable.replacementChars() == 0 ? Map.of()
                        : Map.of(MessageText.REPLACEMENT_CHARS, usable.replacementChars());
            }
        }
        Instant clientTimestamp = null;
        String timestampText = Text.blankToNull(content.timestamp());
        if (timestampText != null) {
            Optional<Instant> parsed = InstantText.parse(timestampText);
            if (parsed.isEmpty()) {
                return new ParseOutcome.Failed("timestamp '" + Text.truncate(timestampText, 64)
                        + "' is neither an RFC 3339 date-time nor epoch seconds or milliseconds", parser.parser());
            }
            clientTimestamp = parsed.get();
        }
        return switch (parser.extract(text, content, receivedAt)) {
            case Extraction.Rejected rejected -> new ParseOutcome.Failed(rejected.reason(), rejected.parser());
            case Extraction.Found found -> {
                ClientFields client = parser.clientFields(content, clientTimestamp);
                yield new ParseOutcome.Parsed(EventAssembler.assemble(found, client, receivedAt, qualityFields),
                        found.parser());
            }
        };
    }

    private Optional<SourceParser> parserFor(String sourceType) {
        if (sourceType == null) {
            return Optional.empty();
        }
        return switch (sourceType.strip().toLowerCase(Locale.ROOT)) {
            case SourceType.SYSLOG -> Optional.of(syslog);
            case SourceType.FILE -> Optional.of(file);
            case SourceType.LOGICMONITOR -> Optional.of(logicMonitor);
            default -> Optional.empty();
        };
    }

    private static String unsupportedReason(String sourceType) {
        String known = String.join(", ", SourceType.KNOWN);
        if (sourceType == null || sourceType.isBlank()) {
            return "source_type is missing; brainstem can read " + known;
        }
        return "source_type '" + Text.truncate(sourceType, 64) + "' is not one brainstem can read; use one of "
                + known;
    }
}

package io.brainstem.domain.envelope;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The longest {@code message_raw} kept, in UTF-8 bytes. A longer message is never refused: it is kept cut on a
 * character boundary, and its envelope's metadata says so — {@code message_truncated: true} and
 * {@code message_original_bytes}, the length as sent — so that what a device said is bounded in memory and still
 * accounted for.
 */
public record MessageCap(int maxBytes) {

    /** 64 KiB, the same as the TCP syslog frame limit. */
    public static final int DEFAULT_MAX_BYTES = 64 * 1024;
    public static final MessageCap DEFAULT = new MessageCap(DEFAULT_MAX_BYTES);
    public static final String TRUNCATED = "message_truncated";
    public static final String ORIGINAL_BYTES = "message_original_bytes";
    /** Below this a message cannot hold even a syslog header worth keeping. */
    public static final int MIN_BYTES = 1024;

    public MessageCap {
        if (maxBytes < MIN_BYTES) {
            throw new IllegalArgumentException("the message cap must be at least " + MIN_BYTES + " bytes, was "
                    + maxBytes);
        }
    }

    /** The content as it is when its message fits, else with the message cut and the cut recorded. */
    public EnvelopeContent apply(EnvelopeContent content) {
        String message = content.messageRaw();
        if (message == null || (long) message.length() * 3 <= maxBytes) {
            return content; // a UTF-16 unit is at most 3 UTF-8 bytes: short messages need no count
        }
        long bytes = utf8Length(message);
        if (bytes <= maxBytes) {
            return content;
        }
        Object given = content.metadata().get(ORIGINAL_BYTES);
        long original = given instanceof Number n && n.longValue() > bytes ? n.longValue() : bytes;
        return marked(content, cut(message, maxBytes), original);
    }

    /**
     * Records on {@code content} that an adapter already cut its message (a TCP frame, a file line) from
     * {@code originalBytes}; {@link #apply} then keeps that length.
     */
    public static EnvelopeContent markTruncated(EnvelopeContent content, long originalBytes) {
        return marked(content, content.messageRaw(), originalBytes);
    }

    /** Whether the envelope's message was cut (by the cap or by the adapter it came through). */
    public static boolean isTruncated(EnvelopeContent content) {
        return Boolean.TRUE.equals(content.metadata().get(TRUNCATED));
    }

    /** The UTF-8 length of {@code text} (an unpaired surrogate counts as the replacement character's 3 bytes). */
    public static long utf8Length(String text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); ) {
            int size = utf8Size(text, i);
            bytes += size;
            i += size == 4 ? 2 : 1;
        }
        return bytes;
    }

    /** The longest prefix of {@code text} whose UTF-8 form fits in {@code maxBytes}, never splitting a character. */
    public static String cut(String text, int maxBytes) {
        long bytes = 0;
        int i = 0;
        while (i < text.length()) {
            int size = utf8Size(text, i);
            if (bytes + size > maxBytes) {
                break;
            }
            bytes += size;
            i += size == 4 ? 2 : 1;
        }
        return text.substring(0, i);
    }

    /** UTF-8 bytes of the character at {@code i}: 4 for a surrogate pair (two units), else 1 to 3. */
    private static int utf8Size(String text, int i) {
        char c = text.charAt(i);
        if (c < 0x80) {
            return 1;
        }
        if (c < 0x800) {
            return 2;
        }
        boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length()
                && Character.isLowSurrogate(text.charAt(i + 1));
        return pair ? 4 : 3;
    }

    private static EnvelopeContent marked(EnvelopeContent c, String message, long originalBytes) {
        Map<String, Object> metadata = new LinkedHashMap<>(c.metadata());
        metadata.put(TRUNCATED, true);
        metadata.put(ORIGINAL_BYTES, originalBytes);
        return new EnvelopeContent(c.tenantId(), c.sourceType(), c.sourceId(), c.sourceName(), c.sourcePath(),
                c.timestamp(), c.host(), c.service(), c.severity(), c.assetId(), c.facility(), message,
                c.structuredFields(), c.correlationKeys(), metadata);
    }
}

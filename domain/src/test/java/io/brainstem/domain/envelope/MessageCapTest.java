package io.brainstem.domain.envelope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MessageCapTest {

    private static final MessageCap CAP = new MessageCap(1024);

    private static EnvelopeContent withMessage(String message) {
        return EnvelopeContent.builder(TenantId.of("t")).sourceType("syslog").messageRaw(message)
                .metadata(Map.of("transport", "http")).build();
    }

    @Test
    void aMessageThatFitsIsLeftAsItIs() {
        EnvelopeContent content = withMessage("é".repeat(512)); // exactly 1,024 bytes
        assertSame(content, CAP.apply(content));
        assertFalse(MessageCap.isTruncated(content));
    }

    @Test
    void aLongerMessageIsCutOnACharacterBoundaryAndSaysHowLongItWas() {
        String message = "x" + "€".repeat(400) + "🙂".repeat(10); // 1 + 1,200 + 40 bytes
        EnvelopeContent held = CAP.apply(withMessage(message));

        byte[] kept = held.messageRaw().getBytes(StandardCharsets.UTF_8);
        assertTrue(kept.length <= 1024 && kept.length > 1020, "cut at the last whole character: " + kept.length);
        assertTrue(message.startsWith(held.messageRaw()));
        assertEquals(true, held.metadata().get(MessageCap.TRUNCATED));
        assertEquals(1241L, held.metadata().get(MessageCap.ORIGINAL_BYTES));
        assertEquals("http", held.metadata().get("transport"), "the sender's metadata stays");
        assertTrue(MessageCap.isTruncated(held));
    }

    @Test
    void aSurrogatePairIsNeverSplit() {
        String message = "a".repeat(1022) + "🙂🙂";
        assertEquals("a".repeat(1022), CAP.apply(withMessage(message)).messageRaw());
        assertEquals(1030, MessageCap.utf8Length(message));
    }

    @Test
    void aLengthAnAdapterRecordedIsKept() {
        EnvelopeContent cut = MessageCap.markTruncated(withMessage("y".repeat(2000)), 5_000_000);
        assertEquals(5_000_000L, CAP.apply(cut).metadata().get(MessageCap.ORIGINAL_BYTES));
        assertEquals(1024, CAP.apply(cut).messageRaw().length());
    }

    @Test
    void aCapBelowOneKibibyteIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new MessageCap(100));
    }
}

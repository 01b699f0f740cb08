package io.brainstem.domain.candidate.detection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PhrasesTest {

    @Test
    void durationsReadLikeAPersonWouldSayThem() {
        assertEquals("40 s", Phrases.duration(Duration.ofSeconds(40)));
        assertEquals("3 min 5 s", Phrases.duration(Duration.ofSeconds(185)));
        assertEquals("2 min", Phrases.duration(Duration.ofSeconds(120)));
        assertEquals("2 h 10 min", Phrases.duration(Duration.ofMinutes(130)));
        assertEquals("3 d 4 h", Phrases.duration(Duration.ofHours(76)));
    }

    @Test
    void hostListsStayShort() {
        assertEquals("fw-01", Phrases.hosts(List.of("fw-01"), 1));
        assertEquals("fw-01 and fw-02", Phrases.hosts(List.of("fw-01", "fw-02"), 2));
        assertEquals("a, b and c", Phrases.hosts(List.of("a", "b", "c"), 3));
        assertEquals("a, b, c and 2 more hosts", Phrases.hosts(List.of("a", "b", "c", "d", "e"), 5));
        assertEquals("a and 1 more host", Phrases.hosts(List.of("a"), 2));
    }
}

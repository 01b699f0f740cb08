package io.brainstem.domain.event.parsing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SyslogTimestampsTest {

    @ParameterizedTest(name = "{0} received {1} is {2}")
    @CsvSource({
            "'Dec 31 23:59:59', 2025-01-01T00:00:10Z, 2024-12-31T23:59:59Z",
            "'Jan  1 00:00:05', 2024-12-31T23:59:59Z, 2025-01-01T00:00:05Z",
            "'Mar 22 03:00:00', 2024-11-24T10:00:00Z, 2024-03-22T03:00:00Z",
            "'Nov 25 09:00:00', 2024-11-24T10:00:00Z, 2024-11-25T09:00:00Z",
            "'Nov 26 10:00:00', 2024-11-24T10:00:00Z, 2023-11-26T10:00:00Z",
            "'Feb 29 12:00:00', 2025-06-01T00:00:00Z, 2024-02-29T12:00:00Z",
            "'Jun  1 00:00:00', 2025-01-15T00:00:00Z, 2024-06-01T00:00:00Z",
            "'nov 24 10:00:00.250', 2024-11-24T10:00:00Z, 2024-11-24T10:00:00.250Z",
            "'Nov 24 2019 10:00:00', 2024-11-24T10:00:00Z, 2019-11-24T10:00:00Z",
            "'*Nov 24 10:00:00 UTC', 2024-11-24T10:00:00Z, 2024-11-24T10:00:00Z",
            "'2019 Nov 24 10:00:00', 2024-11-24T10:00:00Z, 2019-11-24T10:00:00Z",
            "'AUG 10 22:18:24', 2024-11-24T10:00:00Z, 2024-08-10T22:18:24Z"})
    void infersTheYearNearestToReception(String text, String receivedAt, String expected) {
        LineCursor cursor = new LineCursor(text, 0);

        assertEquals(Instant.parse(expected), SyslogTimestamps.bsd(cursor, Instant.parse(receivedAt)));
        assertEquals(text.length(), cursor.pos());
    }

    @ParameterizedTest
    @CsvSource({
            "2003-10-11T22:14:15.003Z, 2003-10-11T22:14:15.003Z",
            "2003-08-24T05:14:15.000003-07:00, 2003-08-24T12:14:15.000003Z",
            "2024-03-22t03:00:00z, 2024-03-22T03:00:00Z",
            "2024-03-22T03:00:00+0130, 2024-03-22T01:30:00Z",
            "2024-03-22 03:00:00, 2024-03-22T03:00:00Z",
            "2016-12-31T23:59:60Z, 2016-12-31T23:59:59Z",
            "2024-03-22T03:00:00.1234567891234+00:00, 2024-03-22T03:00:00.123456789Z"})
    void readsRfc3339(String text, String expected) {
        LineCursor cursor = new LineCursor(text, 0);

        assertEquals(Instant.parse(expected), SyslogTimestamps.rfc3339(cursor));
        assertEquals(text.length(), cursor.pos());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-03-22", "2024-03-22Tfoo", "Nov 24", "November 24 10:00:00", "Nov x 10:00:00",
            "1969 Nov 24 10:00:00", "2024 and more"})
    void answersNullForTextWithoutTheShape(String text) {
        LineCursor cursor = new LineCursor(text, 0);
        Instant received = Instant.parse("2024-11-24T10:00:00Z");

        assertNull(text.startsWith("2") && text.charAt(4) == '-' ? SyslogTimestamps.rfc3339(cursor)
                : SyslogTimestamps.bsd(cursor, received));
        assertEquals(0, cursor.pos());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-02-30T00:00:00Z", "2023-02-29T00:00:00Z", "2024-03-22T24:00:00Z",
            "2024-03-22T03:60:00Z", "2024-03-22T03:00:00+25:00"})
    void rejectsImpossibleDates(String text) {
        assertThrows(MalformedInput.class, () -> SyslogTimestamps.rfc3339(new LineCursor(text, 0)));
    }
}

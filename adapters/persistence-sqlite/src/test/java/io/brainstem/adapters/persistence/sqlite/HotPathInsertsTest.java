package io.brainstem.adapters.persistence.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.brainstem.domain.envelope.EnvelopeContent;
import io.brainstem.domain.envelope.RawEnvelope;
import io.brainstem.domain.envelope.TenantId;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rows go in 20 to a statement plus a remainder; every row comes back as it was, in id order. */
class HotPathInsertsTest {

    @TempDir
    Path dir;

    @Test
    void groupedAndRemainingRowsAreStoredExactly() {
        for (int size : new int[] {1, 19, 20, 21, 47, 500}) {
            try (SqliteStorage storage = new SqliteStorage(dir.resolve("rows-" + size + ".sqlite3"))) {
                List<EnvelopeContent> contents = new ArrayList<>();
                for (int i = 0; i < size; i++) {
                    EnvelopeContent.Builder b = EnvelopeContent.builder(new TenantId(i % 3 == 0 ? "t-a" : "t-b"))
                            .sourceType(i % 2 == 0 ? "syslog" : "file").sourceId("src-" + (i % 5))
                            .messageRaw("line " + i + " with 'quotes' and \u00e9");
                    if (i % 4 == 0) {
                        b.host("h" + i).sourcePath("/var/log/" + i).metadata(Map.of("n", i));
                    }
                    contents.add(b.build());
                }
                Instant at = Instant.parse("2026-11-25T10:00:00Z");
                List<RawEnvelope> received = storage.unitOfWork()
                        .write(() -> storage.rawEnvelopes().receiveAll(contents, at));
                List<RawEnvelope> stored = storage.unitOfWork()
                        .read(() -> storage.rawEnvelopes().findAfter(0, List.of(), null, 1_000));

                assertEquals(size, stored.size(), "rows of a batch of " + size);
                for (int i = 0; i < size; i++) {
                    assertEquals(received.get(i).id(), stored.get(i).id());
                    assertEquals(contents.get(i), stored.get(i).content(), "row " + i + " of " + size);
                }
            }
        }
    }
}

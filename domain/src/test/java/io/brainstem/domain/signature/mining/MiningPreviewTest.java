package io.brainstem.domain.signature.mining;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.brainstem.domain.envelope.TenantId;
import io.brainstem.domain.event.Canonicalizer;
import io.brainstem.domain.signature.SignatureId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MiningPreviewTest {

    @Test
    void reportsEachLinesFinalAssignmentInInputOrder() {
        List<String> lines = List.of(
                "session opened for user news by (uid=0)",
                "tunnel to 10.0.0.1 up",
                "session opened for user cyrus by (uid=0)",
                "tunnel to 10.0.0.2 down");
        List<String> output = new ArrayList<>();

        MiningPreview.preview(TenantId.of("acme"), lines, output::add);

        String session = SignatureId.derive("acme", "session opened for user news by (uid=<*>)").value();
        assertEquals(List.of(
                session + "\tsession opened for user <*> by (uid=<*>)",
                SignatureId.derive("acme", "tunnel to <*> up").value() + "\ttunnel to <*> up",
                session + "\tsession opened for user <*> by (uid=<*>)",
                SignatureId.derive("acme", "tunnel to <*> down").value() + "\ttunnel to <*> down"), output);
        assertNotEquals(output.get(1), output.get(3));
    }

    @Test
    void syslogLinesAreMinedByTheirMessageAsTheServerReadsIt() {
        TenantId acme = TenantId.of("acme");
        Canonicalizer canonicalizer = new Canonicalizer();
        Instant received = Instant.parse("2024-11-24T10:00:30Z");
        List<String> lines = List.of(
                "<30>Nov 24 10:00:00 fw-01 charon[812]: tunnel to 10.0.0.1 up",
                "<30>Nov 24 10:00:09 fw-02 charon[77]: tunnel to 10.0.0.2 up",
                "<13>1 2024-11-24T10:00:00Z host app - - [a@1 k=\"v\"] tunnel to 10.0.0.3 up",
                "<14>Nov 24 10:00:00 X4711",
                "<999> not syslog: mined as it is");
        List<String> output = new ArrayList<>();

        MiningPreview.preview(acme, lines, line -> canonicalizer.messageToMine(acme, line, received), output::add);

        List<String> asItIs = new ArrayList<>();
        MiningPreview.preview(acme, List.of(lines.get(4)), asItIs::add);
        String tunnel = SignatureId.derive("acme", "tunnel to <*> up").value() + "\ttunnel to <*> up";
        assertEquals(List.of(tunnel, tunnel, tunnel, SignatureId.derive("acme", "<empty>").value() + "\t<empty>",
                asItIs.getFirst()), output);
    }

    @Test
    void linesOfAbsorbedSignaturesAreReportedUnderTheSurvivor() {
        List<String> lines = List.of(
                "Failed password for alice from 10.0.0.1 port 22 ssh2",
                "Failed password for oracle from 10.0.0.2 port 22 ssh2",
                "Failed password for nagios from 10.0.0.3 port 22 ssh2",
                "Failed password for backup from 10.0.0.4 port 22 ssh2");
        List<String> output = new ArrayList<>();

        MiningPreview.preview(TenantId.of("acme"), lines, output::add);

        String survivor = SignatureId.derive("acme", "Failed password for alice from <*> port <*> ssh2").value();
        String line = survivor + "\tFailed password for <*> from <*> port <*> ssh2";
        assertEquals(List.of(line, line, line, line), output);
    }

    @Test
    void emptyInputGivesNoOutput() {
        List<String> output = new ArrayList<>();

        MiningPreview.preview(TenantId.of("acme"), List.of(), output::add);

        assertEquals(List.of(), output);
    }
}

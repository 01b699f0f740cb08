package io.brainstem.adapters.syslog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.brainstem.domain.envelope.EnvelopeContent;
import io.brainstem.domain.envelope.TenantId;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SyslogJsonLinesTest {

    @Test
    void eachEnvelopeIsOneEscapedJsonLine() {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("transport", "udp");
        metadata.put("sender_port", 514);
        EnvelopeContent envelope = EnvelopeContent.builder(TenantId.of("t1")).sourceType("syslog")
                .sourceId("syslog").sourcePath("udp://127.0.0.1:5514")
                .messageRaw("<13>say \"hi\"\\ \t\u0001\nnext").metadata(metadata).build();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        SyslogJsonLines.printer(new PrintStream(bytes, true, StandardCharsets.UTF_8)).accept(List.of(envelope, envelope));

        String line = "{\"tenant_id\":\"t1\",\"source_type\":\"syslog\",\"source_id\":\"syslog\","
                + "\"source_path\":\"udp://127.0.0.1:5514\",\"message_raw\":\"<13>say \\\"hi\\\"\\\\ \\t\\u0001\\nnext\","
                + "\"metadata\":{\"transport\":\"udp\",\"sender_port\":514}}";
        assertEquals(line + "\n" + line + "\n", bytes.toString(StandardCharsets.UTF_8));
    }
}

package io.brainstem.domain.signature.mining;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brainstem.domain.envelope.TenantId;
import io.brainstem.domain.signature.MinerSettings;
import io.brainstem.domain.signature.SignatureId;
import io.brainstem.domain.signature.TemplateMiner;
import io.brainstem.domain.signature.TemplateMiner.Match;
import io.brainstem.domain.signature.TemplateMiners;
import org.junit.jupiter.api.Test;

/** Grouping of formats the miner was not written on (ADR 19): the general mechanisms, one at a time. */
class UnseenFormatsMinerTest {

    private static final TenantId TENANT = TenantId.of("acme");

    private final TemplateMiner miner = TemplateMiners.create(TENANT, MinerSettings.DEFAULTS);

    @Test
    void aWildcardTakesTheRootPathAndAnEmptyDash() {
        SignatureId id = miner.add("request: \"GET /index.html HTTP/1.1\", host: \"a.example.com\"").signatureId();

        assertEquals(id, miner.add("request: \"GET / HTTP/1.1\", host: \"a.example.com\"").signatureId());
        assertEquals(1, miner.size());
    }

    @Test
    void aMessageWhoseTemplateCoversAnOlderOneGeneralizesIt() {
        SignatureId older = miner.add("Configured from console by root on vty line").signatureId();

        Match covering = miner.add("Configured from console by 1042 on vty line");

        assertEquals(older, covering.signatureId());
        assertTrue(covering.templateChanged());
        assertEquals("Configured from console by <*> on vty line", covering.template());
        assertEquals(older, miner.add("Configured from console by root on vty line").signatureId());
        assertEquals(1, miner.size());
    }

    @Test
    void aCoveringTemplateNeedsThreeSharedConstants() {
        SignatureId word = miner.add("cupsd startup").signatureId();

        assertNotEquals(word, miner.add("1042 startup").signatureId());
        assertEquals(2, miner.size());
    }

    @Test
    void aCoveringTemplateNeverTakesAStateWord() {
        SignatureId down = miner.add("tunnel to the peer went down").signatureId();

        assertNotEquals(down, miner.add("tunnel to the peer went 4").signatureId());
        assertEquals(2, miner.size());
    }

    @Test
    void aGeneralizedTemplateAbsorbsTheSignaturesItNowCovers() {
        SignatureId words = miner.add("disk alpha on host web is full").signatureId();
        SignatureId numbered = miner.add("disk 7 on host db is full").signatureId();
        assertNotEquals(words, numbered);

        Match generalized = miner.add("disk 8 on host web is full");

        assertEquals(numbered, generalized.signatureId());
        assertEquals("disk <*> on host <*> is full", generalized.template());
        assertEquals(java.util.List.of(words), generalized.absorbed());
        assertEquals(numbered, miner.add("disk alpha on host web is full").signatureId());
        assertEquals(1, miner.size());
    }
}

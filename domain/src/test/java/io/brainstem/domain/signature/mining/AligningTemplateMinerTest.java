package io.brainstem.domain.signature.mining;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brainstem.domain.envelope.TenantId;
import io.brainstem.domain.signature.MinerSettings;
import io.brainstem.domain.signature.SignatureId;
import io.brainstem.domain.signature.TemplateMiner;
import io.brainstem.domain.signature.TemplateMiner.Match;
import io.brainstem.domain.signature.TemplateMiners;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AligningTemplateMinerTest {

    private static final TenantId TENANT = TenantId.of("acme");

    private final TemplateMiner miner = TemplateMiners.create(TENANT, MinerSettings.DEFAULTS);

    @Test
    void defaultEngineIsTheAligningMiner() {
        assertTrue(miner instanceof AligningTemplateMiner);
    }

    @Test
    void messagesDifferingOnlyInValuesShareASignature() {
        Match first = miner.add("IPsec SA rekey failed for peer 203.0.113.10");
        Match second = miner.add("IPsec SA rekey failed for peer 198.51.100.7");

        assertEquals(first.signatureId(), second.signatureId());
        assertEquals("IPsec SA rekey failed for peer <*>", second.template());
        assertTrue(first.created());
        assertFalse(second.created());
    }

    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource(delimiter = '|', textBlock = """
            IPsec tunnel to peer 203.0.113.10 is up                      | IPsec tunnel to peer 203.0.113.10 is down
            Link on port ge-0/0/1 dropped for host edge1 in rack r7       | Link on port ge-0/0/1 recovered for host edge1 in rack r7
            Service nginx on host web1 started by user deploy with pid 42 | Service nginx on host web1 stopped by user deploy with pid 42
            Backup job nightly for user admin failed after 30 seconds     | Backup job nightly for user admin succeeded after 30 seconds
            Session 7 for user alice opened from 10.0.0.1                 | Session 7 for user alice closed from 10.0.0.1
            BGP session with neighbor 192.0.2.1 established in vrf blue   | BGP session with neighbor 192.0.2.1 lost in vrf blue
            [instance: 42] VM Paused (Lifecycle Event)                    | [instance: 42] VM Resumed (Lifecycle Event)
            Task attempt_1 Transitioned from NEW to SCHEDULED             | Task attempt_1 Transitioned from SCHEDULED to RUNNING
            IPsec tunnel up for peer 203.0.113.10 on gateway gw1          | IPsec tunnel down for peer 203.0.113.10 on gateway gw1
            Uplink interface dropped on switch sw1 port 3 of the core     | Uplink interface recovered on switch sw1 port 3 of the core
            Unit for service started on host web1 by systemd pid 42       | Unit for service stopped on host web1 by systemd pid 42
            Nightly backup job failed for database orders at 02:00        | Nightly backup job succeeded for database orders at 02:00
            Connection from client opened on port 443 for site shop       | Connection from client closed on port 443 for site shop
            BGP neighbor established with 192.0.2.1 in vrf blue as 65001  | BGP neighbor lost with 192.0.2.1 in vrf blue as 65001
            """)
    void stateWordsAreNeverMergedIntoAWildcard(String one, String other) {
        for (int i = 0; i < 3; i++) {
            miner.add(one.replace("42", String.valueOf(40 + i)));
        }
        Match a = miner.add(one);
        Match b = miner.add(other);

        assertNotEquals(a.signatureId(), b.signatureId());
        assertNotEquals(a.template(), b.template());
    }

    @Test
    void tunnelUpAndDownStayApartEvenAcrossManyPeers() {
        for (int i = 1; i <= 50; i++) {
            miner.add("tunnel to 10.0.0." + i + " up");
            miner.add("tunnel to 10.0.0." + i + " down");
        }

        assertEquals(2, miner.size());
        assertEquals("tunnel to <*> up", miner.add("tunnel to 10.9.9.9 up").template());
        assertEquals("tunnel to <*> down", miner.add("tunnel to 10.9.9.9 down").template());
    }

    @Test
    void valuesOfVaryingTokenCountShareASignature() {
        Match admin = miner.add("Invalid user admin from 10.0.0.1 port 22");
        Match oracle = miner.add("Invalid user oracle from 10.0.0.2 port 22");
        Match spaced = miner.add("Invalid user john smith from 10.0.0.3 port 22");

        assertEquals(admin.signatureId(), oracle.signatureId());
        assertEquals(admin.signatureId(), spaced.signatureId());
        assertEquals("Invalid user <*> from <*> port <*>", spaced.template());
    }

    @Test
    void aValueWithASpaceFirstStillGroupsWithLaterOnes() {
        Match spaced = miner.add("Invalid user john smith from 10.0.0.3");
        Match single = miner.add("Invalid user admin from 10.0.0.1");

        assertEquals(spaced.signatureId(), single.signatureId());
        assertTrue(single.templateChanged());
        assertEquals("Invalid user <*> from <*>", single.template());
    }

    @Test
    void listsOfAnyLengthShareASignature() {
        Match two = miner.add("ask 10.0.0.1:50010 to delete blk_1 blk_2");
        Match five = miner.add("ask 10.0.0.2:50010 to delete blk_1 blk_2 blk_3 blk_4 blk_5");

        assertEquals(two.signatureId(), five.signatureId());
    }

    @Test
    void differentWordingIsADifferentSignature() {
        Match spawn = miner.add("Took 19.05 seconds to spawn the instance on the hypervisor.");
        Match destroy = miner.add("Took 1.03 seconds to destroy the instance on the hypervisor.");

        assertNotEquals(spawn.signatureId(), destroy.signatureId());
    }

    @Test
    void idIsDerivedFromTenantAndFirstTemplateAndSurvivesGeneralization() {
        Match first = miner.add("session opened for user news by (uid=0)");
        Match second = miner.add("session opened for user cyrus by (uid=0)");

        assertEquals(SignatureId.derive("acme", "session opened for user news by (uid=<*>)"), first.signatureId());
        assertEquals(first.signatureId(), second.signatureId());
        assertTrue(second.templateChanged());
        assertEquals("session opened for user <*> by (uid=<*>)", second.template());
    }

    @Test
    void restoredMinerAssignsNewMessagesToTheSameIds() {
        List<String> history = List.of(
                "session opened for user news by (uid=0)",
                "session opened for user cyrus by (uid=0)",
                "Accepted password for root from 10.0.0.1 port 22 ssh2",
                "Failed password for root from 10.0.0.9 port 22 ssh2",
                "tunnel to 10.0.0.1 up",
                "tunnel to 10.0.0.1 down");
        Map<SignatureId, String> stored = new LinkedHashMap<>();
        Map<String, SignatureId> idOf = new LinkedHashMap<>();
        for (String line : history) {
            Match match = miner.add(line);
            stored.put(match.signatureId(), match.template());
            idOf.put(line, match.signatureId());
        }
        TemplateMiner rebuilt = TemplateMiners.create(TENANT, MinerSettings.DEFAULTS);
        stored.forEach(rebuilt::restore);

        assertEquals(stored.size(), rebuilt.size());
        assertEquals(idOf.get(history.get(0)), rebuilt.add("session opened for user test by (uid=509)").signatureId());
        assertEquals(idOf.get(history.get(2)), rebuilt.add("Accepted password for root from 10.1.1.1 port 2222 ssh2")
                .signatureId());
        assertEquals(idOf.get(history.get(3)), rebuilt.add("Failed password for root from 10.1.1.1 port 22 ssh2")
                .signatureId());
        assertEquals(idOf.get(history.get(5)), rebuilt.add("tunnel to 192.0.2.7 down").signatureId());
        assertEquals(stored.size(), rebuilt.size());
    }

    @Test
    void anIdAlreadyHeldIsNotHandedOutAgain() {
        SignatureId taken = SignatureId.derive("acme", "disk <*> is full");
        miner.restore(taken, "fan tray removed");

        Match match = miner.add("disk 3 is full");

        assertTrue(match.created());
        assertNotEquals(taken, match.signatureId());
    }

    @Test
    void holdsAtMostMaxSignaturesEvictingTheLeastRecentlyUsed() {
        TemplateMiner small = TemplateMiners.create(TENANT, new MinerSettings(3));
        Match keep = small.add("alpha event happened");
        small.add("bravo event happened");
        small.add("charlie event happened");
        small.add("alpha event happened");
        for (String word : List.of("delta", "echo", "foxtrot", "golf")) {
            small.add(word + " event happened");
            small.add("alpha event happened");
            assertTrue(small.size() <= 3);
        }

        Match again = small.add("alpha event happened");
        Match bravo = small.add("bravo event happened");

        assertEquals(3, small.size());
        assertFalse(again.created());
        assertEquals(keep.signatureId(), again.signatureId());
        assertTrue(bravo.created());
        assertEquals(SignatureId.derive("acme", "bravo event happened"), bravo.signatureId());
    }

    @Test
    void restoreAlsoRespectsTheBound() {
        TemplateMiner small = TemplateMiners.create(TENANT, new MinerSettings(2));
        small.restore(new SignatureId("sig_a"), "a <*>");
        small.restore(new SignatureId("sig_b"), "b <*>");
        small.restore(new SignatureId("sig_c"), "c <*>");

        assertEquals(2, small.size());
    }

    @Test
    void blankMessagesGetTheEmptyTemplate() {
        Match blank = miner.add("   ");

        assertEquals("<empty>", blank.template());
        assertEquals(blank.signatureId(), miner.add("").signatureId());
    }
}

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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The four ways grouping used to fail on unseen sources: equal templates, word variables, optional parts, masks. */
class GeneralizingMinerTest {

    private static final TenantId TENANT = TenantId.of("acme");

    private final TemplateMiner miner = TemplateMiners.create(TENANT, MinerSettings.DEFAULTS);

    // 1. Equal templates are one signature

    @Test
    void restoringTwoEqualTemplatesKeepsTheOlderId() {
        SignatureId older = new SignatureId("sig_older");
        SignatureId younger = new SignatureId("sig_younger");

        assertEquals(older, miner.restore(older, "disk <*> is full"));
        assertEquals(older, miner.restore(younger, "disk  <*> is full "));

        assertEquals(1, miner.size());
        assertEquals(older, miner.add("disk 3 is full").signatureId());
    }

    @Test
    void restoringATemplateEqualToAnOlderOneMergesIntoTheOlder() {
        SignatureId older = miner.restore(new SignatureId("sig_a"), "link <*> down on switch core");
        SignatureId younger = miner.restore(new SignatureId("sig_b"), "link eth0 down on switch core");

        SignatureId held = miner.restore(younger, "link <*> down on switch core");

        assertEquals(older, held);
        assertEquals(1, miner.size());
    }

    @Test
    void anIdMergedAwayIsNotHandedOutAgain() {
        SignatureId older = miner.restore(new SignatureId("sig_a"), "disk <*> is full");
        SignatureId merged = SignatureId.derive("acme", "quota <*> exceeded for volume home");
        miner.restore(merged, "disk <*> is full");

        Match quota = miner.add("quota 7 exceeded for volume home");

        assertTrue(quota.created());
        assertNotEquals(merged, quota.signatureId());
        assertNotEquals(older, quota.signatureId());
    }

    @Test
    void noTwoSignaturesEverHoldEqualTemplates() {
        Map<SignatureId, String> held = new HashMap<>();
        for (String line : mixedLog()) {
            Match match = miner.add(line);
            match.absorbed().forEach(held::remove);
            held.put(match.signatureId(), match.template());
        }

        assertEquals(held.size(), new HashSet<>(held.values()).size());
        assertEquals(miner.size(), held.size());
    }

    // 2. A position where new words keep arriving is a variable

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            user names after a preposition | Failed password for {} from 10.0.0.1 port 22 ssh2     | Failed password for <*> from <*> port <*> ssh2
            archive names                  | Backup of {} completed on worker pool blue in region west | Backup of <*> completed on worker pool blue in region west
            numbered interfaces            | carrier lost on {} while negotiating speed with peer  | carrier lost on <*> while negotiating speed with peer
            first word                     | {} service reported a heartbeat to the controller     | <*> service reported a heartbeat to the controller
            """)
    void aFamilyOfSiblingsBecomesOneSignatureAtTheThreshold(String kind, String pattern, String template) {
        List<String> values = pattern.contains("lost on")
                ? List.of("eth0", "eth1", "eth2", "eth3", "eth4")
                : List.of("alice", "oracle", "nagios", "backup", "deploy");
        List<Match> matches = new ArrayList<>();
        for (String value : values) {
            matches.add(miner.add(pattern.replace("{}", value)));
        }
        int threshold = MinerSettings.DEFAULTS.variableAfter();

        for (int i = 1; i < threshold - 1; i++) {
            assertTrue(matches.get(i).created(), "value " + (i + 1) + " is still a constant");
        }
        Match merge = matches.get(threshold - 1);
        assertFalse(merge.created());
        assertTrue(merge.templateChanged());
        assertEquals(template, merge.template());
        assertEquals(matches.getFirst().signatureId(), merge.signatureId());
        assertEquals(threshold - 2, merge.absorbed().size());
        assertTrue(merge.absorbed().contains(matches.get(1).signatureId()));
        assertEquals(1, miner.size());
        Match later = miner.add(pattern.replace("{}", "zeta"));
        assertEquals(merge.signatureId(), later.signatureId());
        assertEquals(merge.signatureId(), miner.add(pattern.replace("{}", values.get(1))).signatureId());
    }

    @Test
    void aFieldWhoseWordValuesVaryTakesNewValuesOnceItsFamilyMerged() {
        String pattern = "authentication failure; logname= uid=0 tty=ssh rhost=10.0.0.1 user={}";
        Match merge = null;
        for (String user : List.of("alice", "oracle", "nagios", "backup")) {
            merge = miner.add(pattern.replace("{}", user));
        }
        Match later = miner.add(pattern.replace("{}", "gitlab-runner"));

        assertEquals("authentication failure; logname= uid=<*> tty=ssh rhost=<*> user=<*>", merge.template());
        assertEquals(merge.signatureId(), later.signatureId());
        assertFalse(later.created());
        assertEquals(1, miner.size());
    }

    @Test
    void aFieldOfStateWordsStaysApart() {
        Set<SignatureId> ids = new HashSet<>();
        for (String state : List.of("up", "down", "active", "standby", "offline")) {
            ids.add(miner.add("link monitor on switch core reports link state=" + state).signatureId());
        }

        assertEquals(5, ids.size());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            event wording             | Took 2.5 seconds to {} the instance on the hypervisor | spawn,destroy,rebuild
            state words               | IPsec tunnel to peer 10.0.0.1 is now {} on gateway gw1 | up,down,active,standby,offline
            enum constants            | Task attempt_1 changed its state to {} on node nm1     | NEW,SCHEDULED,RUNNING,FAILED,KILLED
            past participles          | The backup of volume home was {} by the scheduler     | started,stopped,paused,resumed,cancelled
            """)
    void closedSetsOfWordingsStayApart(String kind, String pattern, String words) {
        Set<SignatureId> ids = new HashSet<>();
        for (String word : words.split(",")) {
            ids.add(miner.add(pattern.replace("{}", word)).signatureId());
        }

        assertEquals(words.split(",").length, ids.size());
    }

    @Test
    void shortMessagesDoNotGeneralizeByCardinality() {
        for (String word : List.of("alpha", "bravo", "charlie", "delta", "echo")) {
            miner.add(word + " event happened");
        }

        assertEquals(5, miner.size());
    }

    @Test
    void familiesAreFoundUnderASmallBoundToo() {
        TemplateMiner small = TemplateMiners.create(TENANT, new MinerSettings(8));
        for (int i = 0; i < 200; i++) {
            small.add("unrelated event number " + i + " from subsystem sub" + (char) ('a' + i % 26) + "x now");
            assertTrue(small.size() <= 8);
        }
        Match merge = null;
        for (String user : List.of("alice", "oracle", "nagios", "backup")) {
            merge = small.add("Failed password for " + user + " from 10.0.0.1 port 22 ssh2");
        }

        assertEquals("Failed password for <*> from <*> port <*> ssh2", merge.template());
        assertTrue(small.size() <= 8);
    }

    // 3. Optional parts do not split a template

    @ParameterizedTest(name = "{0} then {1}")
    @CsvSource(delimiter = '|', textBlock = """
            sent 512 bytes to peer 10.0.0.1            | sent 1536 bytes (1.5 KB) to peer 10.0.0.2
            sent 1536 bytes (1.5 KB) to peer 10.0.0.2  | sent 512 bytes to peer 10.0.0.1
            request took 12 ms on worker w1 today     | request took 2500 ms (99%) on worker w1 today
            """)
    void aParenthesisedAdditionToAValueIsOptional(String one, String other) {
        Match a = miner.add(one);
        Match b = miner.add(other);

        assertEquals(a.signatureId(), b.signatureId());
        assertEquals(1, miner.size());
    }

    @Test
    void aParenthesisedWordIsNotOptional() {
        Match a = miner.add("sent 512 bytes to peer 10.0.0.1");
        Match b = miner.add("sent 512 bytes (retransmitted) to peer 10.0.0.1");

        assertNotEquals(a.signatureId(), b.signatureId());
    }

    // 4. Masks respect token boundaries

    @Test
    void protocolNamesKeepTheirNumbers() {
        Match match = miner.add("Accepted publickey for git from 10.0.0.1 port 4242 ssh2 over IPv6 with TLSv1.3");

        assertEquals("Accepted publickey for git from <*> port <*> ssh2 over IPv6 with TLSv1.3", match.template());
    }

    private static List<String> mixedLog() {
        List<String> lines = new ArrayList<>();
        String[] users = {"root", "alice", "oracle", "nagios", "backup", "test", "guest", "admin"};
        for (int i = 0; i < 400; i++) {
            String user = users[i % users.length];
            lines.add("Failed password for " + user + " from 10.0.0." + (i % 9) + " port " + (1000 + i) + " ssh2");
            lines.add("session opened for user " + user + " by (uid=" + i + ")");
            lines.add("carrier lost on eth" + (i % 6) + " while negotiating speed with peer");
            lines.add("sent " + (i * 7) + " bytes" + (i % 3 == 0 ? " (" + i + " KB)" : "") + " to peer 10.1.0." + (i % 5));
            lines.add("tunnel to 10.0.0." + (i % 4) + (i % 2 == 0 ? " up" : " down"));
            lines.add("Took " + i + ".5 seconds to " + (i % 2 == 0 ? "spawn" : "destroy") + " the instance");
        }
        return lines;
    }
}

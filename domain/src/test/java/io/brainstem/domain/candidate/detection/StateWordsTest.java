package io.brainstem.domain.candidate.detection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class StateWordsTest {

    @Test
    void failureAndRecoveryTemplatesShareTheKeyWithTheStateWordReplaced() {
        StateWords.Failure down = assertInstanceOf(StateWords.Failure.class, StateWords.read("link <*> down"));
        StateWords.Recovery up = assertInstanceOf(StateWords.Recovery.class, StateWords.read("link <*> up"));
        assertEquals("link <*> <state>", down.key());
        assertEquals(down.key(), up.key());
    }

    @Test
    void everyDocumentedPairPairs() {
        String[][] pairs = {{"dropped", "recovered"}, {"failed", "succeeded"}, {"stopped", "started"},
                {"closed", "opened"}, {"lost", "established"}, {"disconnected", "connected"},
                {"offline", "online"}, {"unreachable", "reachable"}, {"DOWN", "UP"}};
        for (String[] p : pairs) {
            StateWords.Failure f = assertInstanceOf(StateWords.Failure.class,
                    StateWords.read("Peer <*> " + p[0] + "."), p[0]);
            StateWords.Recovery r = assertInstanceOf(StateWords.Recovery.class,
                    StateWords.read("Peer <*> " + p[1] + "."), p[1]);
            assertEquals(f.key(), r.key(), p[0] + "/" + p[1]);
        }
    }

    @Test
    void stateWordsCountOnlyAsWholeWords() {
        assertInstanceOf(StateWords.Stateless.class, StateWords.read("backup of <*> completed"));
        assertInstanceOf(StateWords.Stateless.class, StateWords.read("setup_down_hook ran"));
        assertInstanceOf(StateWords.Failure.class, StateWords.read("interface state:down"));
    }

    @Test
    void aFailureFollowedByAnExplicitRecoveryIsOneMessageSelfHeal() {
        assertInstanceOf(StateWords.FailedAndRecovered.class, StateWords.read("VPN tunnel dropped and recovered"));
        assertInstanceOf(StateWords.FailedAndRecovered.class,
                StateWords.read("session lost, re-established after <*> s"));
    }

    @Test
    void mixedWordsWithoutAnExplicitRecoveryAreNotGuessed() {
        assertInstanceOf(StateWords.Stateless.class, StateWords.read("connection failed, retrying up to <*> times"));
        assertInstanceOf(StateWords.Stateless.class, StateWords.read("recovered from earlier failure"));
    }

    @Test
    void subjectMasksNumbersButKeepsInterfaceNames() {
        assertEquals(StateWords.subjectOf("link eth0 down after 3421 ms"),
                StateWords.subjectOf("link eth0 up after 12 ms"));
        assertNotEquals(StateWords.subjectOf("link eth0 down"), StateWords.subjectOf("link eth1 up"));
        assertNotEquals(StateWords.subjectOf("peer 10.0.0.1 down"), StateWords.subjectOf("peer 10.0.0.2 up"));
    }

    @Test
    void phraseJoinsTheTwoStateWords() {
        assertEquals("VPN tunnel dropped and recovered", StateWords.phrase("VPN tunnel dropped", "VPN tunnel recovered"));
        assertEquals("Interface <*>, changed state to down and up",
                StateWords.phrase("Interface <*>, changed state to down", "Interface <*>, changed state to up"));
    }
}

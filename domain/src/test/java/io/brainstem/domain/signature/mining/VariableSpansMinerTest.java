package io.brainstem.domain.signature.mining;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.brainstem.domain.envelope.TenantId;
import io.brainstem.domain.signature.MinerSettings;
import io.brainstem.domain.signature.SignatureId;
import io.brainstem.domain.signature.TemplateMiner;
import io.brainstem.domain.signature.TemplateMiners;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Variable spans and names of ADR 30, one mechanism at a time, with the state words they must not take. */
class VariableSpansMinerTest {

    private static final TenantId TENANT = TenantId.of("acme");

    private final TemplateMiner miner = TemplateMiners.create(TENANT, MinerSettings.DEFAULTS);

    private Set<SignatureId> mine(List<String> lines) {
        Set<SignatureId> ids = new HashSet<>();
        for (String line : lines) {
            ids.add(miner.add(line).signatureId());
        }
        return ids;
    }

    @Test
    void aTrailingFieldTakesAnArgumentListOfAnyLength() {
        SignatureId id = miner.add("alice : TTY=pts/1 ; PWD=/home/alice ; USER=root ; COMMAND=/usr/bin/apt update")
                .signatureId();

        assertEquals(id, miner.add("alice : TTY=pts/1 ; PWD=/home/alice ; USER=root ; COMMAND=/bin/systemctl restart nginx")
                .signatureId());
        assertEquals(id, miner.add("alice : TTY=pts/2 ; PWD=/home/alice ; USER=root ; COMMAND=/usr/bin/id").signatureId());
        assertEquals("alice : TTY=pts/<*> ; PWD=<*> ; USER=root ; COMMAND=<*>", miner.add(
                "alice : TTY=pts/3 ; PWD=/tmp ; USER=root ; COMMAND=/usr/bin/tail -f /var/log/syslog").template());
    }

    @Test
    void aTrailingFieldDoesNotSwallowAnotherField() {
        SignatureId without = miner.add("authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=10.0.0.1")
                .signatureId();

        assertNotEquals(without, miner.add(
                "authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=10.0.0.1 user=alice").signatureId());
    }

    @Test
    void singularAndPluralAreOneWord() {
        SignatureId id = miner.add("list 101 denied tcp 10.0.0.1(1234) -> 10.0.0.2(22), 1 packet").signatureId();

        assertEquals(id, miner.add("list 101 denied tcp 10.0.0.1(1234) -> 10.0.0.2(22), 9 packets").signatureId());
        assertEquals("list <*> denied tcp <*>(<*>) -> <*>(<*>), <*> packet<*>",
                miner.add("list 102 denied tcp 10.0.0.3(1) -> 10.0.0.4(80), 1 packet").template());
    }

    @Test
    void aDottedVersionVariesButAPlainNumberDoesNot() {
        SignatureId http = miner.add("client 10.0.0.1 sent \"GET /index.html HTTP/1.1\" to the proxy").signatureId();
        assertEquals(http, miner.add("client 10.0.0.1 sent \"GET /index.html HTTP/2.0\" to the proxy").signatureId());

        SignatureId layer4 = miner.add("health check failed, reason: Layer4 timeout, check duration: 2001ms").signatureId();
        assertNotEquals(layer4, miner.add("health check failed, reason: Layer7 timeout, check duration: 2001ms")
                .signatureId());
    }

    @Test
    void namesVaryingInAShortMessageMergeAtVariableAfter() {
        Set<SignatureId> ids = mine(List.of("nginx.service: Deactivated successfully.",
                "sshd.service: Deactivated successfully.", "cron.service: Deactivated successfully.",
                "dbus.socket: Deactivated successfully.", "nginx.service: Deactivated successfully."));

        assertEquals(1, miner.size());
        assertEquals("<*>: Deactivated successfully.", miner.add("apt-daily.timer: Deactivated successfully.").template());
        assertEquals(3, ids.size());
    }

    @Test
    void wordsInAShortMessageStayApart() {
        mine(List.of("link ok", "link bad", "link slow", "link lost", "link flaky"));

        assertEquals(5, miner.size());
    }

    @Test
    void aNameAndItsDescriptionAreOneVariable() {
        mine(List.of("Started nginx.service - A high performance web server and a reverse proxy server.",
                "Started sshd.service - OpenSSH server daemon.",
                "Started cron.service - Regular background program processing daemon.",
                "Started docker.service - Docker Application Container Engine."));

        assertEquals(1, miner.size());
        SignatureId id = miner.add("Started kubelet.service - kubelet: The Kubernetes Node Agent.").signatureId();
        assertEquals("Started <*> - <*>", miner.add("Started ssh.service - OpenBSD Secure Shell server.").template());
        assertEquals(id, miner.add("Started user@1000.service - User Manager for UID 1000.").signatureId());
        assertNotEquals(id, miner.add("Stopped nginx.service - A high performance web server and a reverse proxy server.")
                .signatureId());
    }

    @Test
    void aReasonIsOneVariableButNotAcrossAState() {
        mine(List.of("%BGP-5-ADJCHANGE: neighbor 10.0.0.1 Down Peer de-configured",
                "%BGP-5-ADJCHANGE: neighbor 10.0.0.2 Down Interface flap",
                "%BGP-5-ADJCHANGE: neighbor 10.0.0.3 Down Admin. shutdown",
                "%BGP-5-ADJCHANGE: neighbor 10.0.0.4 Down Hold timer expiry"));
        assertEquals(1, miner.size());

        TemplateMiner other = TemplateMiners.create(TENANT, MinerSettings.DEFAULTS);
        for (String line : List.of("ISIS: Adjacency to web01 (Vlan10) Up, new adjacency",
                "ISIS: Adjacency to db02 (Vlan11) Down, hold time expired",
                "ISIS: Adjacency to fw1 (Vlan12) Up, new adjacency",
                "ISIS: Adjacency to nas (Vlan13) Down, hold time expired",
                "ISIS: Adjacency to lb2 (Vlan14) Down, hold time expired")) {
            other.add(line);
        }
        SignatureId up = other.add("ISIS: Adjacency to core (Vlan15) Up, new adjacency").signatureId();
        assertNotEquals(up, other.add("ISIS: Adjacency to core (Vlan15) Down, hold time expired").signatureId());
    }

    @Test
    void aWildcardDoesNotTakeAStateWordInsideACompound() {
        SignatureId named = miner.add("connect from mail.example.com[10.0.0.1]").signatureId();

        assertNotEquals(named, miner.add("connect from unknown[10.0.0.2]").signatureId());
    }
}

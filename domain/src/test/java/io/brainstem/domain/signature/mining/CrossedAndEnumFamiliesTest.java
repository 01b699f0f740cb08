package io.brainstem.domain.signature.mining;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brainstem.domain.envelope.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Families of two positions varying together, and of upper-case constants (ADR 40). */
class CrossedAndEnumFamiliesTest {

    private static final TenantId TENANT = TenantId.of("acme");

    /** The final templates of a preview of {@code lines}, one per signature. */
    private static Set<String> templates(List<String> lines) {
        Set<String> templates = new TreeSet<>();
        MiningPreview.preview(TENANT, lines, line -> templates.add(line.substring(line.indexOf('\t') + 1)));
        return templates;
    }

    @Test
    void twoClosedSetsCrossedAreOneFamily() {
        List<String> lines = new ArrayList<>();
        for (String frontend : List.of("https-in~", "http-in")) {
            for (String backend : List.of("be_app", "be_api")) {
                lines.add("proxy request on frontend " + frontend + " for backend " + backend + "/<NOSRV> refused by policy");
            }
        }

        assertEquals(Set.of("proxy request on frontend <*> for backend <*>/<NOSRV> refused by policy"), templates(lines));
    }

    @Test
    void twoPositionsThatOnlyVaryTogetherStayApart() {
        List<String> lines = List.of(
                "Device: /dev/sda [SAT], SMART Usage Attribute: 194 Temperature_Celsius changed from 31 to 32",
                "Device: /dev/sda [SAT], SMART Usage Attribute: 190 Airflow_Temperature_Cel changed from 69 to 68",
                "Device: /dev/sda [SAT], SMART Usage Attribute: 195 Hardware_ECC_Recovered changed from 1 to 2",
                "Device: /dev/sdb [SAT], SMART Usage Attribute: 194 Temperature_Celsius changed from 33 to 34");

        assertEquals(3, templates(lines).size(), templates(lines).toString());
    }

    @Test
    void theFirstTokenNamesTheEmitterAndIsNotCrossed() {
        List<String> lines = new ArrayList<>();
        for (String service : List.of("sudo", "cron")) {
            for (String user : List.of("root", "backup")) {
                lines.add("pam_unix(" + service + ":session): session opened for user " + user + " by operator");
            }
        }

        Set<String> templates = templates(lines);

        assertTrue(templates.stream().anyMatch(t -> t.startsWith("pam_unix(sudo:session)")), templates.toString());
        assertTrue(templates.stream().anyMatch(t -> t.startsWith("pam_unix(cron:session)")), templates.toString());
    }

    @Test
    void fourUpperCaseConstantsInOnePositionAreAVariable() {
        List<String> lines = new ArrayList<>();
        for (String method : List.of("GET", "POST", "HEAD", "PUT")) {
            lines.add("backend be_app served \"" + method + " /index.html HTTP/1.1\" with status 200");
        }

        assertEquals(Set.of("backend be_app served \"<*> <*> HTTP/1.1\" with status <*>"), templates(lines));
    }

    @Test
    void threeUpperCaseConstantsStayApart() {
        List<String> lines = new ArrayList<>();
        for (String method : List.of("GET", "POST", "HEAD")) {
            lines.add("backend be_app served \"" + method + " /index.html HTTP/1.1\" with status 200");
        }

        assertEquals(3, templates(lines).size());
    }

    @Test
    void upperCaseStateWordsNeverBecomeAVariable() {
        List<String> lines = new ArrayList<>();
        for (String state : List.of("DOWN", "UP", "FAILED", "ACTIVE", "OFFLINE")) {
            lines.add("cluster member node-a of pool main reported state " + state + " to the controller");
        }

        assertEquals(5, templates(lines).size());
    }

    @Test
    void enumConstantsAreUpperCaseWordsThatAreNotStates() {
        assertTrue(TokenKind.isEnumConstant("GET"));
        assertTrue(TokenKind.isEnumConstant("\"POST"));
        assertTrue(TokenKind.isEnumConstant("CONTAINER_REMOTE_LAUNCH"));
        assertTrue(TokenKind.isEnumConstant("SD"));
        assertFalse(TokenKind.isEnumConstant("DOWN"));
        assertFalse(TokenKind.isEnumConstant("LINK_DOWN"));
        assertFalse(TokenKind.isEnumConstant("STARTED"));
        assertFalse(TokenKind.isEnumConstant("Get"));
        assertFalse(TokenKind.isEnumConstant("A"));
        assertFalse(TokenKind.isEnumConstant("END-OF-MESSAGE"));
        assertFalse(TokenKind.isEnumConstant("SEVERE"));
        assertFalse(TokenKind.isEnumConstant("[ERR]"));
        assertFalse(TokenKind.isEnumConstant("TRACE"));
    }
}

package io.brainstem.domain.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EventFamilyClassifierTest {

    @ParameterizedTest(name = "{1} -> {0}")
    @CsvSource(delimiter = '|', textBlock = """
            vpn      | IPsec SA rekey failed for peer <*>                      |
            vpn      | tunnel to <*> down                                      |
            vpn      | initiating Main Mode to <*>                             | charon
            auth     | Failed password for root from <*> port <*> ssh2         |
            auth     | Invalid user <*> from <*>                               |
            auth     | session opened for user <*> by (uid=<*>)                |
            auth     | pam_unix(cron:session): check pass; user unknown        |
            security | Deny tcp src outside:<*> dst inside:<*> by access-group  |
            security | packet blocked by policy <*>                            |
            link     | Interface GigabitEthernet<*>, changed state to down     |
            link     | BGP neighbor <*> Down                                   |
            disk     | EXT4-fs error: I/O error on device sda<*>               |
            disk     | No space left on device                                 |
            disk     | RAID array <*> degraded                                 |
            power    | PSU <*> failed                                          |
            power    | UPS on battery                                          |
            hardware | Fan <*> speed below threshold                           |
            hardware | Temperature (<*>) exceeds warning threshold             |
            hardware | instruction cache parity error corrected                |
            config   | Configured from console by admin on vty<*>              |
            config   | commit confirmed by <*>                                 |
            service  | nginx.service: Main process exited, code=exited         |
            service  | Started Session <*> of user <*>.                        | systemd
            generic  | Report generated for <*> groups                         |
            generic  | something unremarkable happened                         |
            """)
    void classifiesByTheFirstMatchingRule(String family, String template, String service) {
        assertEquals(EventFamily.fromWireName(family).orElseThrow(), EventFamilyClassifier.classify(template, service));
    }

    @Test
    void matchesWholeWordsNotSubstrings() {
        assertEquals(EventFamily.GENERIC, EventFamilyClassifier.classify("startups like reporting", null));
    }

    @Test
    void nullTemplateAndServiceAreGeneric() {
        assertEquals(EventFamily.GENERIC, EventFamilyClassifier.classify(null, null));
    }
}

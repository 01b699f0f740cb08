package io.brainstem.domain.signature.mining;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MessageMaskerTest {

    private final MessageMasker masker = new MessageMasker();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            integer                | retry 3 of 5                              | retry <*> of <*>
            negative and decimal   | offset -12 ratio 0.25                     | offset <*> ratio <*>
            hex number             | dear 0x1f2e iar 00106570                  | dear <*> iar <*>
            hex string             | image 54fadb412c4e40cdbaed9335e4c35a9e ok  | image <*> ok
            ipv4                   | peer 203.0.113.10 down                    | peer <*> down
            ipv4 with port         | connect 10.0.0.1:8080 refused             | connect <*> refused
            ipv4 with prefix       | route 192.168.0.0/16 added                | route <*> added
            ipv6                   | neighbor fe80::1ff:fe23:4567:890a up      | neighbor <*> up
            mac with colons        | station 00:1a:2b:3c:4d:5e joined          | station <*> joined
            mac with dots          | station 001a.2b3c.4d5e joined             | station <*> joined
            uuid                   | vm 123e4567-e89b-12d3-a456-426614174000 x | vm <*> x
            absolute path          | open /var/log/messages failed             | open <*> failed
            relative path          | exec ./run.sh failed                      | exec <*> failed
            url                    | fetch https://example.com/a?b=1 failed    | fetch <*> failed
            email                  | mail to ops@example.com queued            | mail to <*> queued
            host name              | rhost=mail.example.com user=root          | rhost=<*> user=root
            host and port          | connect db1.example.com:5432 ok            | connect <*> ok
            object identity        | manager=com.example.Cache@1b6d3586 set    | manager=<*> set
            duration with unit     | took 250ms and 1.5s                       | took <*> and <*>
            compound duration      | uptime 1h2m3s                             | uptime <*>
            clock time             | at 02:40:07 done                          | at <*> done
            iso date               | since 2024-05-01T10:00:00Z ok             | since <*> ok
            percent                | disk at 93% full                          | disk at <*> full
            key value number       | uid=0 euid=0 tty=ssh                      | uid=<*> euid=<*> tty=ssh
            key colon value        | onExtend:1514038530000 4                  | onExtend:<*> <*>
            key value word stays   | action=deny proto=TCP                     | action=deny proto=TCP
            quoted value           | started service 'sparkDriver' ok          | started service '<*>' ok
            quoted state stays     | state changed to 'down'                   | state changed to 'down'
            brackets kept          | [instance: 42] (pid 7)                    | [instance: <*>] (pid <*>)
            numbered name          | via interface eth0                        | via interface eth0
            numbered name in field | dev=eth0 up                               | dev=eth<*> up
            numbered name in id    | domains:node-D3 ok                        | domains:node-D<*> ok
            protocol names         | ssh2 HTTP/1.1 TLSv1.3 IPv6 SMBv3.1.1      | ssh2 HTTP/1.1 TLSv1.3 IPv6 SMBv3.1.1
            long version is value  | agent v10.2.33 started                    | agent <*> started
            name with long number  | on host123 now                            | on <*> now
            id with underscores    | got attempt_1445_0020_m_3 and blk_-42     | got <*> and <*>
            prefixed number        | generating core.2275                      | generating core.<*>
            syslog date            | at Sun Jul 24 02:40:07 2005 ok            | at <*> ok
            repeated values        | delete blk_1 blk_2 blk_3                  | delete <*>
            repeated groups        | set n-1 0x1 <ok> n-2 0x2 <ok>             | set n-<*> <*> <ok>
            words stay             | tunnel up                                 | tunnel up
            reverse dns name stays | package com.example.health loaded         | package com.example.health loaded
            whitespace folded      | '  a \t  b  '                             | a b
            name and address       | connect from unknown[10.0.0.1]            | connect from unknown[<*>]
            host and address       | client=mx.example.net[10.0.0.1]           | client=<*>[<*>]
            number and name        | port 8(enp2s0) entered                    | port <*>(<*>) entered
            endpoints compound     | between 10.0.0.1[a.lan]...10.0.0.2[b.lan] | between <*>[<*>]...<*>[<*>]
            function call stays    | pam_unix(sudo:session): opened            | pam_unix(sudo:session): opened
            reserved test domain   | forwarded relay4.int.acme.test to x       | forwarded <*> to x
            """)
    void masksVariableValues(String kind, String message, String masked) {
        assertEquals(masked, masker.mask(message));
    }
}

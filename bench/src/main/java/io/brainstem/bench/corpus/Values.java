package io.brainstem.bench.corpus;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Realistic values for typed placeholders, drawn from one seeded {@link Random} so a set comes out the
 * same on every run. Entities that recur in real logs (users, addresses, hosts, interfaces, units, disks)
 * come from a per-set pool chosen with Zipf-like skew, so a few values dominate and many appear once;
 * counters, ports and pids are fresh draws.
 *
 * <p>Types ({@code {type}} or {@code {type:argument}}):
 * <ul>
 *   <li>{@code one:a|b|c} one of the listed words (skewed towards the first); {@code user}, {@code uid},
 *       {@code group} (Unix group);</li>
 *   <li>{@code ipv4}, {@code ipv6}, {@code ip} (mostly v4), {@code prefix} (v4 CIDR), {@code port}
 *       (ephemeral), {@code sport} (service port), {@code mac}, {@code mac:cisco}, {@code asn}, {@code vlan};</li>
 *   <li>{@code host} (no dots), {@code fqdn}, {@code hostname} (either), {@code domain}, {@code email},
 *       {@code msgid} (RFC 5322 Message-ID), {@code url} (request path);</li>
 *   <li>{@code iface:linux|cisco|cisco_short|junos}, {@code dev} (disk), {@code part}, {@code md},
 *       {@code pci}, {@code scsi}, {@code pool}, {@code vdev};</li>
 *   <li>{@code int} (log-uniform 0..9999), {@code int:LO-HI}, {@code float:LO-HI:DECIMALS}, {@code hex:N},
 *       {@code xhex:N} (upper case), {@code pid}, {@code seq} (counter), {@code bytes}, {@code size}
 *       (systemd style, 12.3M), {@code duration} (systemd style, 1min 2.345s), {@code ms}, {@code secs}
 *       (seconds with 3 decimals);</li>
 *   <li>{@code uuid}, {@code alnum:N}, {@code qid} (Postfix queue id), {@code fp} (SHA256 key
 *       fingerprint), {@code path}, {@code unit} (systemd unit), {@code unitdesc} (a unit
 *       with its description, as systemd prints it), {@code time}, {@code date},
 *       {@code iso} (timestamp), {@code version}, {@code topic}, {@code cgroup} (consumer group),
 *       {@code ns}, {@code pod}, {@code container}, {@code node}, {@code image}, {@code serial},
 *       {@code sid} (Windows SID), {@code word} (an ordinary lower-case word).</li>
 * </ul>
 */
final class Values {

    private static final List<String> USERS = List.of("root", "admin", "test", "oracle", "ubuntu", "git", "user",
            "postgres", "guest", "pi", "deploy", "jenkins", "ftpuser", "ansible", "nagios", "www-data", "mysql",
            "support", "ec2-user", "centos", "alice", "bob", "jsmith", "m.rossi", "k.nakamura", "svc-backup",
            "hadoop", "tomcat", "vagrant", "debian", "backup", "dev", "operator", "zabbix", "elastic", "minecraft",
            "steam", "teamspeak", "sysadmin", "j.doe", "anna.k", "build", "gitlab-runner", "prometheus", "nobody");
    private static final List<String> GROUPS = List.of("wheel", "sudo", "adm", "docker", "users", "staff",
            "developers", "ops", "www-data", "backup");
    private static final List<String> HOSTS = List.of("web01", "web02", "db-prod-3", "fw1", "core-sw2", "nas",
            "mail", "build7", "kube-node-4", "kube-node-11", "lb2", "vpn-gw", "ns1", "dc01", "edge-rtr1",
            "app-7f3", "monitor", "backup02", "jump", "printer-3f", "ap-lobby", "cache5", "git", "ldap2", "pve1");
    private static final List<String> DOMAINS = List.of("example.com", "corp.example.net", "example.org",
            "mail.example.io", "int.acme.test", "eu-west-1.compute.internal", "lan", "home.arpa", "hinet.net",
            "customer.isp-provider.de");
    private static final List<String> WORDS = List.of("default", "primary", "backup", "internal", "public",
            "staging", "production", "alpha", "beta", "legacy", "blue", "green", "edge", "core", "main");
    private static final List<String> PATHS = List.of("/var/log/syslog", "/etc/ssh/sshd_config",
            "/var/lib/mysql/ibdata1", "/home/%u/.ssh/authorized_keys", "/etc/nginx/nginx.conf", "/tmp/.X11-unix",
            "/usr/share/nginx/html/index.html", "/var/www/html/wp-login.php", "/srv/data/export.csv",
            "/var/spool/postfix/maildrop", "/opt/app/current/config.yml", "/run/user/1000/bus", "/etc/resolv.conf",
            "/var/cache/apt/archives/partial", "/usr/lib/systemd/system", "/dev/shm/sem.lock", "/mnt/backup/daily");
    private static final List<String> UNITS = List.of("nginx.service", "sshd.service", "docker.service",
            "systemd-tmpfiles-clean.service", "apt-daily.service", "logrotate.service", "cron.service",
            "postfix.service", "user@1000.service", "session-42.scope", "snapd.service", "containerd.service",
            "var-lib-docker-overlay2.mount", "apt-daily-upgrade.timer", "fstrim.timer", "kubelet.service",
            "NetworkManager.service", "systemd-journald.service", "dev-sdb1.device", "home.mount",
            "motd-news.service", "certbot.timer", "man-db.service", "dbus.socket", "getty@tty1.service");
    private static final List<String> UNIT_DESCRIPTIONS = List.of(
            "nginx.service - A high performance web server and a reverse proxy server",
            "docker.service - Docker Application Container Engine", "sshd.service - OpenSSH Daemon",
            "apt-daily.service - Daily apt download activities", "logrotate.service - Rotate log files",
            "systemd-tmpfiles-clean.service - Cleanup of Temporary Directories",
            "user@1000.service - User Manager for UID 1000", "session-42.scope - Session 42 of User ubuntu",
            "containerd.service - containerd container runtime", "kubelet.service - kubelet: The Kubernetes Node Agent",
            "postfix.service - Postfix Mail Transport Agent", "man-db.service - Daily man-db regeneration",
            "fstrim.service - Discard unused blocks on filesystems from /etc/fstab",
            "certbot.service - Certbot", "motd-news.service - Message of the Day",
            "snapd.service - Snap Daemon", "NetworkManager.service - Network Manager",
            "prometheus-node-exporter.service - Prometheus exporter for machine metrics",
            "backup.service - Nightly restic backup", "app-worker@3.service - Queue worker 3");
    private static final List<String> DISKS = List.of("sda", "sdb", "nvme0n1", "sdc", "sdd", "vda", "nvme1n1",
            "sde", "sdf", "xvda");
    private static final List<String> POOLS = List.of("tank", "rpool", "data", "backup", "zroot", "vault");
    private static final List<String> TOPICS = List.of("orders", "payments", "clickstream", "audit-log",
            "user-events", "__consumer_offsets", "metrics.raw", "inventory-updates", "email-outbox",
            "connect-configs", "sessions", "fraud-scores");
    private static final List<String> CONSUMER_GROUPS = List.of("order-service", "billing", "analytics-etl",
            "connect-cluster", "search-indexer", "fraud-detector", "notifications");
    private static final List<String> NAMESPACES = List.of("default", "kube-system", "monitoring", "ingress-nginx",
            "payments", "cert-manager", "argocd", "logging", "staging");
    private static final List<String> APPS = List.of("coredns", "api-gateway", "checkout", "prometheus-server",
            "fluent-bit", "cert-manager-webhook", "ingress-nginx-controller", "redis-master", "postgres",
            "web-frontend", "kube-proxy", "metrics-server", "worker", "grafana");
    private static final List<String> IMAGES = List.of("nginx:1.27", "registry.k8s.io/coredns/coredns:v1.11.1",
            "quay.io/prometheus/prometheus:v2.53.0", "docker.io/library/redis:7.2", "ghcr.io/acme/checkout:4.2.1",
            "postgres:16-alpine", "busybox:latest");
    private static final List<String> URLS = List.of("/", "/index.html", "/api/v1/orders", "/favicon.ico",
            "/wp-login.php", "/login", "/static/js/app.3f2a.js", "/healthz", "/api/v2/users/1842",
            "/.env", "/robots.txt", "/images/logo.png", "/search?q=router", "/cgi-bin/luci", "/metrics");
    private static final char[] ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final char[] B64 =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".toCharArray();

    private final Random random;
    private final Map<String, Pool> pools = new HashMap<>();
    private long seq;

    Values(Random random) {
        this.random = random;
        this.seq = 1000 + random.nextInt(90_000);
    }

    /** A value for one placeholder. */
    String next(CorpusSpec.Slot slot) {
        String arg = slot.argument();
        return switch (slot.type()) {
            case "one" -> pooled("one:" + arg, arg.split("\\|", -1).length, 1.0, () -> null, arg.split("\\|", -1));
            case "user" -> pick("user", USERS, 1.1);
            case "uid" -> pooled("uid", 12, 1.2, () -> String.valueOf(random.nextInt(4) == 0 ? random.nextInt(1000)
                    : 1000 + random.nextInt(40)), "0");
            case "group" -> pick("group", GROUPS, 1.0);
            case "ipv4" -> pooled("ipv4", 70, 1.05, this::ipv4);
            case "ipv6" -> pooled("ipv6", 25, 1.0, this::ipv6);
            case "ip" -> random.nextInt(7) == 0 ? pooled("ipv6", 25, 1.0, this::ipv6) : pooled("ipv4", 70, 1.05, this::ipv4);
            case "prefix" -> pooled("prefix", 30, 0.9, this::prefix);
            case "port" -> String.valueOf(random.nextInt(3) == 0 ? 1024 + random.nextInt(64_511) : 32_768 + random.nextInt(28_232));
            case "sport" -> pooled("sport", 12, 1.2, () -> null, "22", "443", "80", "25", "53", "8080", "3389",
                    "587", "993", "3306", "5432", "6443");
            case "mac" -> pooled("mac:" + arg, 30, 0.9, () -> mac(arg.equals("cisco")));
            case "asn" -> pooled("asn", 12, 0.9, () -> String.valueOf(random.nextInt(4) == 0 ? 64_512 + random.nextInt(1000)
                    : 1000 + random.nextInt(60_000)));
            case "vlan" -> pooled("vlan", 15, 0.9, () -> String.valueOf(1 + random.nextInt(4094)));
            case "host" -> pick("host", HOSTS, 0.9);
            case "fqdn" -> pooled("fqdn", 40, 1.0, this::fqdn);
            case "hostname" -> random.nextBoolean() ? pick("host", HOSTS, 0.9) : pooled("fqdn", 40, 1.0, this::fqdn);
            case "domain" -> pick("domain", DOMAINS, 1.0);
            case "email" -> pooled("email", 40, 1.0, () -> pick("user", USERS, 1.1).replace("www-data", "info") + "@"
                    + pick("domain", DOMAINS, 1.0));
            case "msgid" -> "<" + (20_261_202_000_000L + random.nextInt(999_999)) + "." + upperHex(8) + "@"
                    + pooled("fqdn", 40, 1.0, this::fqdn) + ">";
            case "url" -> pick("url", URLS, 1.0);
            case "iface" -> pooled("iface:" + arg, 30, 1.0, () -> iface(arg));
            case "dev" -> pick("dev", DISKS, 1.0);
            case "part" -> pooled("part", 12, 1.0, () -> {
                String disk = pick("dev", DISKS, 1.0);
                return disk + (disk.startsWith("nvme") ? "p" : "") + (1 + random.nextInt(4));
            });
            case "md" -> pooled("md", 4, 1.2, () -> "md" + random.nextInt(128));
            case "pci" -> pooled("pci", 8, 1.0, () -> String.format(Locale.ROOT, "0000:%02x:%02x.%d",
                    random.nextInt(0x40), random.nextInt(0x20), random.nextInt(4)));
            case "scsi" -> pooled("scsi", 8, 1.0, () -> random.nextInt(8) + ":0:" + random.nextInt(4) + ":0");
            case "pool" -> pick("pool", POOLS, 1.2);
            case "vdev" -> pooled("vdev", 10, 1.0, () -> random.nextBoolean()
                    ? "/dev/disk/by-id/ata-WDC_WD40EFRX-68N32N0_WD-WCC7K" + upperHex(7) + "-part1"
                    : "/dev/" + pick("dev", DISKS, 1.0) + "1");
            case "int" -> arg.isEmpty() ? String.valueOf(logUniform(10_000)) : String.valueOf(range(arg));
            case "float" -> decimal(arg);
            case "hex" -> hex(arg.isEmpty() ? 8 : Integer.parseInt(arg));
            case "xhex" -> upperHex(arg.isEmpty() ? 8 : Integer.parseInt(arg));
            case "pid" -> String.valueOf(random.nextInt(10) == 0 ? 2 + random.nextInt(900) : 900 + random.nextInt(4_000_000) % 64_000);
            case "seq" -> String.valueOf(seq += 1 + random.nextInt(3));
            case "bytes" -> String.valueOf(logUniform(2_000_000_000L));
            case "size" -> size();
            case "duration" -> duration();
            case "ms" -> String.valueOf(logUniform(30_000));
            case "secs" -> String.format(Locale.ROOT, "%.3f", logUniform(600_000) / 1000.0);
            case "uuid" -> hex(8) + "-" + hex(4) + "-4" + hex(3) + "-" + "89ab".charAt(random.nextInt(4)) + hex(3)
                    + "-" + hex(12);
            case "alnum" -> alnum(arg.isEmpty() ? 8 : Integer.parseInt(arg));
            case "qid" -> upperHex(9 + random.nextInt(3));
            case "fp" -> pooled("fp", 20, 1.0, () -> "SHA256:" + base64(43));
            case "path" -> pick("path", PATHS, 1.0).replace("%u", pick("user", USERS, 1.1));
            case "unit" -> pick("unit", UNITS, 1.0);
            case "unitdesc" -> pick("unitdesc", UNIT_DESCRIPTIONS, 1.0);
            case "time" -> String.format(Locale.ROOT, "%02d:%02d:%02d", random.nextInt(24), random.nextInt(60),
                    random.nextInt(60));
            case "date" -> String.format(Locale.ROOT, "2026-%02d-%02d", 1 + random.nextInt(12), 1 + random.nextInt(28));
            case "iso" -> String.format(Locale.ROOT, "2026-12-%02dT%02d:%02d:%02d.%03dZ", 1 + random.nextInt(2),
                    random.nextInt(24), random.nextInt(60), random.nextInt(60), random.nextInt(1000));
            case "version" -> pooled("version", 6, 1.0, () -> random.nextInt(5) + "." + random.nextInt(20) + "."
                    + random.nextInt(12));
            case "topic" -> pick("topic", TOPICS, 1.0);
            case "cgroup" -> pick("cgroup", CONSUMER_GROUPS, 1.0);
            case "ns" -> pick("ns", NAMESPACES, 1.0);
            case "pod" -> pooled("pod", 40, 1.0, () -> pick("app", APPS, 1.0) + "-" + hexDigits(9, 10) + "-"
                    + alnum(5));
            case "container" -> pick("app", APPS, 1.0);
            case "node" -> pooled("node", 10, 1.0, () -> random.nextBoolean() ? "worker-" + random.nextInt(12)
                    : "ip-10-0-" + random.nextInt(255) + "-" + random.nextInt(255) + ".ec2.internal");
            case "image" -> pick("image", IMAGES, 1.0);
            case "serial" -> pooled("serial", 10, 1.0, () -> "WD-WCC" + upperAlnum(8));
            case "sid" -> pooled("sid", 10, 1.0, () -> "S-1-5-21-" + (1_000_000_000L + random.nextInt(1_000_000_000))
                    + "-" + (1_000_000_000L + random.nextInt(1_000_000_000)) + "-" + (500 + random.nextInt(3000)));
            case "word" -> pick("word", WORDS, 1.0);
            default -> throw new IllegalArgumentException("unknown placeholder type {" + slot.type() + "}");
        };
    }

    /** Draws an index in [0, n) with probability proportional to 1 / (rank + 1)^s. */
    int zipf(int n, double s) {
        double total = 0;
        for (int i = 1; i <= n; i++) {
            total += Math.pow(i, -s);
        }
        double u = random.nextDouble() * total;
        for (int i = 1; i <= n; i++) {
            u -= Math.pow(i, -s);
            if (u <= 0) {
                return i - 1;
            }
        }
        return n - 1;
    }

    private String pick(String key, List<String> values, double s) {
        return pooled(key, values.size(), s, () -> null, values.toArray(String[]::new));
    }

    /**
     * A value from the pool named {@code key}: {@code fixed} values first, then {@code size} in all drawn
     * from {@code fresh}; the pool's order is shuffled once so the most frequent value is not always the
     * first of a list (except for {@code one:}, whose first word is meant to be the common one).
     */
    private String pooled(String key, int size, double s, Supplier<String> fresh, String... fixed) {
        Pool pool = pools.get(key);
        if (pool == null) {
            // not computeIfAbsent: building a pool may draw from other pools (an email's user and domain)
            pool = new Pool(build(size, fresh, fixed, !key.startsWith("one:")));
            pools.put(key, pool);
        }
        return pool.values.get(zipf(pool.values.size(), s));
    }

    private List<String> build(int size, Supplier<String> fresh, String[] fixed, boolean shuffle) {
        java.util.LinkedHashSet<String> values = new java.util.LinkedHashSet<>(List.of(fixed));
        int attempts = 0;
        while (values.size() < size && attempts++ < size * 20) {
            String v = fresh.get();
            if (v != null) {
                values.add(v);
            }
        }
        List<String> list = new java.util.ArrayList<>(values);
        if (shuffle) {
            // keep a fixed first value (root, uid 0) near the top, shuffle the rest
            java.util.Collections.shuffle(list.subList(Math.min(list.size(), fixed.length > 0 ? 1 : 0), list.size()),
                    random);
        }
        return List.copyOf(list);
    }

    private record Pool(List<String> values) {
    }

    private String ipv4() {
        return switch (random.nextInt(5)) {
            case 0 -> "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
            case 1 -> "192.168." + random.nextInt(4) + "." + (1 + random.nextInt(254));
            case 2 -> "172." + (16 + random.nextInt(16)) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
            default -> (1 + random.nextInt(223)) + "." + random.nextInt(256) + "." + random.nextInt(256) + "."
                    + (1 + random.nextInt(254));
        };
    }

    private String ipv6() {
        return switch (random.nextInt(3)) {
            case 0 -> "fe80::" + Integer.toHexString(random.nextInt(0x10000)) + ":"
                    + Integer.toHexString(random.nextInt(0x10000)) + "ff:fe" + Integer.toHexString(random.nextInt(0x100))
                    + ":" + Integer.toHexString(random.nextInt(0x10000));
            case 1 -> "2001:db8:" + Integer.toHexString(random.nextInt(0x10000)) + "::" + Integer.toHexString(1 + random.nextInt(0xfff));
            default -> "2a02:" + Integer.toHexString(random.nextInt(0x10000)) + ":" + Integer.toHexString(random.nextInt(0x10000))
                    + ":" + Integer.toHexString(random.nextInt(0x10000)) + "::" + Integer.toHexString(1 + random.nextInt(0xff));
        };
    }

    private String prefix() {
        int len = 8 + random.nextInt(17);
        int address = random.nextInt() & (int) (0xffffffffL << (32 - len));
        return ((address >>> 24) & 0xff) + "." + ((address >>> 16) & 0xff) + "." + ((address >>> 8) & 0xff) + "."
                + (address & 0xff) + "/" + len;
    }

    private String mac(boolean cisco) {
        String h = hex(12);
        if (cisco) {
            return h.substring(0, 4) + "." + h.substring(4, 8) + "." + h.substring(8);
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 12; i += 2) {
            out.append(i == 0 ? "" : ":").append(h, i, i + 2);
        }
        return out.toString();
    }

    private String fqdn() {
        return switch (random.nextInt(4)) {
            case 0 -> pick("host", HOSTS, 0.9) + "." + pick("domain", DOMAINS, 1.0);
            case 1 -> "host-" + random.nextInt(256) + "-" + random.nextInt(256) + "-" + random.nextInt(256) + "."
                    + pick("domain", DOMAINS, 1.0);
            case 2 -> List.of("mx", "smtp", "mail", "relay", "out", "mta").get(random.nextInt(6))
                    + (1 + random.nextInt(9)) + "." + pick("domain", DOMAINS, 1.0);
            default -> List.of("www", "api", "cdn", "vpn", "auth").get(random.nextInt(5)) + "."
                    + pick("domain", DOMAINS, 1.0);
        };
    }

    private String iface(String style) {
        return switch (style) {
            case "cisco" -> switch (zipf(6, 1.0)) {
                case 0 -> "GigabitEthernet" + random.nextInt(3) + "/0/" + (1 + random.nextInt(48));
                case 1 -> "TenGigabitEthernet" + (1 + random.nextInt(2)) + "/1/" + (1 + random.nextInt(8));
                case 2 -> "FastEthernet0/" + (1 + random.nextInt(24));
                case 3 -> "Vlan" + (1 + random.nextInt(999));
                case 4 -> "Port-channel" + (1 + random.nextInt(12));
                default -> "Tunnel" + random.nextInt(20);
            };
            case "cisco_short" -> switch (zipf(4, 1.0)) {
                case 0 -> "Gi" + random.nextInt(3) + "/" + (1 + random.nextInt(48));
                case 1 -> "Te1/1/" + (1 + random.nextInt(8));
                case 2 -> "Fa0/" + (1 + random.nextInt(24));
                default -> "Po" + (1 + random.nextInt(12));
            };
            case "junos" -> switch (zipf(5, 1.0)) {
                case 0 -> "ge-" + random.nextInt(2) + "/0/" + random.nextInt(48);
                case 1 -> "xe-" + random.nextInt(2) + "/" + random.nextInt(3) + "/" + random.nextInt(8);
                case 2 -> "et-0/0/" + random.nextInt(32);
                case 3 -> "ae" + random.nextInt(8);
                default -> "irb." + (1 + random.nextInt(999));
            };
            default -> switch (zipf(8, 1.0)) {
                case 0 -> "eth" + random.nextInt(2);
                case 1 -> "ens" + (160 + random.nextInt(40));
                case 2 -> "enp" + random.nextInt(6) + "s0";
                case 3 -> "wlan0";
                case 4 -> "bond0";
                case 5 -> "docker0";
                case 6 -> "veth" + hex(7);
                default -> "br" + random.nextInt(3);
            };
        };
    }

    private long logUniform(long max) {
        return Math.min(max - 1, (long) Math.floor(Math.expm1(random.nextDouble() * Math.log1p(max))));
    }

    private long range(String arg) {
        String[] bounds = arg.split("-", 2);
        long lo = Long.parseLong(bounds[0]);
        long hi = Long.parseLong(bounds[1]);
        return lo + (long) Math.floor(random.nextDouble() * (hi - lo + 1));
    }

    private String decimal(String arg) {
        String[] parts = arg.isEmpty() ? new String[] {"0-100", "2"} : arg.split(":", 2);
        String[] bounds = parts[0].split("-", 2);
        double lo = Double.parseDouble(bounds[0]);
        double hi = Double.parseDouble(bounds[1]);
        int decimals = parts.length > 1 ? Integer.parseInt(parts[1]) : 2;
        return String.format(Locale.ROOT, "%." + decimals + "f", lo + random.nextDouble() * (hi - lo));
    }

    private String size() {
        long bytes = logUniform(40L << 30);
        String[] units = {"B", "K", "M", "G", "T"};
        int u = 0;
        double v = bytes;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return u == 0 ? bytes + "B" : String.format(Locale.ROOT, "%.1f%s", v, units[u]);
    }

    private String duration() {
        long ms = logUniform(4 * 3_600_000L);
        if (ms < 1000) {
            return ms + "ms";
        }
        long s = ms / 1000;
        String frac = String.format(Locale.ROOT, "%d.%03ds", s % 60, ms % 1000);
        if (s < 60) {
            return frac;
        }
        long min = s / 60;
        if (min < 60) {
            return min + "min " + frac;
        }
        return (min / 60) + "h " + (min % 60) + "min " + (s % 60) + "s";
    }

    private String hex(int n) {
        return hexDigits(n, n);
    }

    private String hexDigits(int min, int max) {
        int n = min + random.nextInt(max - min + 1);
        StringBuilder out = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            out.append(Character.forDigit(random.nextInt(16), 16));
        }
        return out.toString();
    }

    private String upperHex(int n) {
        return hex(n).toUpperCase(Locale.ROOT);
    }

    private String alnum(int n) {
        StringBuilder out = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            out.append(ALNUM[random.nextInt(ALNUM.length)]);
        }
        return out.toString();
    }

    private String upperAlnum(int n) {
        return alnum(n).toUpperCase(Locale.ROOT);
    }

    private String base64(int n) {
        StringBuilder out = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            out.append(B64[random.nextInt(B64.length)]);
        }
        return out.toString();
    }
}

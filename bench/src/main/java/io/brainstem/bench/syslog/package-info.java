/** Syslog load: {@link io.brainstem.bench.syslog.UdpLoadGenerator} and its helpers (see bench/SYSLOG.md). */
package io.brainstem.bench.syslog;

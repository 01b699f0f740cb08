/**
 * Syslog intake: {@link io.brainstem.adapters.syslog.SyslogUdpListener} (one datagram, one message) and
 * {@link io.brainstem.adapters.syslog.SyslogTcpListener} (RFC 6587 octet counting or newline framing). Both
 * queue what arrives and a batching writer hands it to the one ingest use case, one transaction per batch.
 */
package io.brainstem.adapters.syslog;

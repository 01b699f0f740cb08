package io.brainstem.adapters.syslog;

import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;

/** Small helpers the two listeners share. */
final class Sockets {

    private static final System.Logger LOG = System.getLogger(Sockets.class.getName());

    private Sockets() {
    }

    /** {@code udp://127.0.0.1:5514}, {@code tcp://[::1]:6514}. */
    static String sourcePath(String scheme, InetSocketAddress address) {
        return scheme + "://" + hostPort(address);
    }

    static String hostPort(InetSocketAddress address) {
        String host = address.getAddress() != null ? address.getAddress().getHostAddress() : address.getHostString();
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + address.getPort();
    }

    static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.log(Level.DEBUG, "close failed", e);
        }
    }

    /** Waits for a thread to end; an interrupt is kept for the caller and stops the wait. */
    static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

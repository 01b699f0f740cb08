package io.brainstem.bench.syslog;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Prints a free TCP port and a free UDP port on 127.0.0.1 (for bench scripts): {@code "<tcp> <udp>"}. */
public final class FreePorts {

    private FreePorts() {
    }

    public static void main(String[] args) throws IOException {
        InetSocketAddress any = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        try (ServerSocket tcp = new ServerSocket(); DatagramSocket udp = new DatagramSocket(any)) {
            tcp.bind(any);
            System.out.println(tcp.getLocalPort() + " " + udp.getLocalPort());
        }
    }
}

package io.brainstem.bootstrap;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** {@code brainstem serve} as a process of its own, on a free port, for tests that kill it with SIGKILL. */
final class ServeProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final int port;
    final Process process;

    private ServeProcess(int port, Process process) {
        this.port = port;
        this.process = process;
    }

    /** Starts {@code serve} with {@code env} on top of a clean environment and waits until /healthz answers 200. */
    static ServeProcess start(Map<String, String> env, Path log) throws IOException, InterruptedException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), BrainstemCli.class.getName(), "serve");
        pb.environment().keySet().removeIf(k -> k.startsWith("BRAINSTEM_"));
        pb.environment().putAll(env);
        pb.environment().put("BRAINSTEM_HTTP_PORT", Integer.toString(port));
        pb.environment().putIfAbsent("BRAINSTEM_SYSLOG_PORT", "off");
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        ServeProcess p = new ServeProcess(port, pb.start());
        p.awaitHealthy();
        return p;
    }

    private void awaitHealthy() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("server exited during start-up");
            }
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        throw new AssertionError("server did not become healthy");
    }

    /** POSTs a JSON body; true when the answer is 200 (acknowledged: committed). */
    boolean post(String path, String body) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** SIGKILL: no shutdown hook, nothing flushed. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            process.waitFor();
        }
    }
}

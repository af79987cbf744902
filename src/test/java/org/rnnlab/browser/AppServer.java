package org.rnnlab.browser;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real production jar ({@code target/rnnlab.jar}), started once per test JVM on a free loopback port,
 * exactly as the README runs it, and stopped when the tests end. Its log goes to {@code target/browser-server.log}.
 */
public final class AppServer implements BeforeAllCallback, ExtensionContext.Store.CloseableResource {
    private static AppServer instance;
    private final Process process;
    private final int port;

    private AppServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static String baseUrl() {
        return "http://127.0.0.1:" + instance.port;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        synchronized (AppServer.class) {
            if (instance != null) return;
            instance = start();
            context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(AppServer.class.getName(), instance);
        }
    }

    public AppServer() {
        this(null, 0);
    }

    private static AppServer start() throws IOException, InterruptedException {
        String jar = System.getProperty("rnnlab.jar", "target/rnnlab.jar");
        if (!new File(jar).isFile()) throw new IllegalStateException("no " + jar + ": run mvn verify (package builds it)");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = Path.of("target", "browser-server.log");
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector", "-XX:+UseTransparentHugePages", "-Xmx1g", "-jar", jar, "--server.port=" + port, "--server.address=127.0.0.1"))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        AppServer server = new AppServer(process, port);
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) throw new IllegalStateException("the server exited; see " + log);
            try {
                // Ready as a load balancer sees it: after the JIT warm-up (WarmUp), so the tests time warm runs.
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) return server;
            } catch (IOException e) {
                // not listening yet
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(250));
        }
        process.destroyForcibly();
        throw new IllegalStateException("the server did not answer within 120 s; see " + log);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) process.destroyForcibly();
    }
}

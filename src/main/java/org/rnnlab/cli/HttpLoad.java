package org.rnnlab.cli;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * {@code http-load SESSIONS [--url http://127.0.0.1:8080] [--link '/exercise-3?step=1&run=1'] [--ramp SECONDS]
 * [--timeout SECONDS]}: a class opening a page of a running server at once, over loopback HTTP, each student a
 * browser-like session that speaks Vaadin Flow's own protocol (plain JDK {@link HttpClient} and its
 * {@link WebSocket}, Jackson for the JSON). Unlike {@code load}, which drives the lab's service in-process, this
 * goes through everything a browser goes through: the servlet, the session, the UI, {@code @Push} over
 * Atmosphere's WebSocket.
 *
 * <p>One session, as Flow 24's client does it:
 * <ol>
 * <li>{@code GET /exercise-3?step=1&run=1}: the index page (no UI yet); sets {@code JSESSIONID}.</li>
 * <li>{@code GET /?v-r=init&location=exercise-3&query=step%3D1%26run%3D1}: JSON {@code appConfig} with
 * {@code v-uiId}, {@code heartbeatInterval} and the first UIDL message ({@code Vaadin-Security-Key} = the CSRF
 * token, {@code Vaadin-Push-ID}, {@code syncId}); {@code pushScript} says push is on.</li>
 * <li>WebSocket {@code /VAADIN/push?v-r=push&v-uiId=..&v-pushId=..} with Atmosphere's parameters
 * ({@code X-Atmosphere-Transport=websocket}, {@code X-atmo-protocol=true}, ...); the server's first frame is
 * Atmosphere's handshake {@code uuid|heartbeat-ms|padding|}, later frames are UIDL messages
 * {@code for(;;);[{"syncId":..,"changes":[..]}]}, applied in syncId order (a push may overtake the answer to the
 * navigation). A padding frame ({@code X}) is the server's heartbeat; if the handshake asks for one, the client
 * sends the padding back at that interval (this server asks for none: 0).</li>
 * <li>{@code POST /?v-r=uidl&v-uiId=..} with the {@code ui-navigate} event on the root node (the server asks for
 * client-to-server messages over XHR: {@code alwaysXhrToServer}); the answer renders the view, and with
 * {@code run=1} the run starts here.</li>
 * <li>Every {@code heartbeatInterval} seconds {@code POST /?v-r=heartbeat&v-uiId=..}, as the browser does.</li>
 * <li>The status line is the span with attribute {@code id=status}; its text is the {@code text} of its child
 * text node, a {@code put} in the UIDL. "Done: ..." ends the session: the unload beacon
 * ({@code POST /?v-r=uidl} with {@code {"csrfToken":..,"rpc":[],"UNLOAD":true}}, what Flow's client sends by
 * {@code navigator.sendBeacon} when a page goes away; the server then detaches the UI and stops its runs) and a
 * WebSocket close (1001, going away).</li>
 * </ol>
 * Prints sessions opened and completed, errors by reason, how long after the navigation the view and the first
 * push came, the gaps between updates of the status line (what a student sees move; as {@code ClassroomIT} counts
 * them in Chromium) over all sessions, also split into gaps while the line said "Queued: ..." (it ticks the
 * seconds waited, so about one a second by design) and the rest, the wall time, the driver's own CPU time (it
 * shares the machine with the server) and, if {@code /actuator/prometheus} answers, the server's peak heap. Exit
 * status 0 only if every session reached "Done" with no error. Loopback only; every wait is bounded. The driver
 * renders nothing, so what a browser's web components would send back (e.g. tab selection) is not sent.
 */
public final class HttpLoad {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final String ATMOSPHERE_VERSION = "4.0.1";
    private static final String SAFE_PREFIX = "for(;;);";
    /** Flow's node features in the UIDL: attributes of an element, its children, the text of a text node. */
    private static final int FEAT_CHILDREN = 2, FEAT_ATTRIBUTES = 3, FEAT_TEXT = 7;

    private HttpLoad() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out));
    }

    /**
     * Runs the load and prints its numbers; {@code args} as on the command line, with or without the leading
     * {@code http-load}. Returns the exit status: 0 if every session completed with no error, 1 if not, 2 for
     * wrong arguments.
     */
    public static int run(String[] args, PrintStream out) {
        Result result = measure(args, out);
        return result == null ? 2 : result.passed() ? 0 : 1;
    }

    /** As {@link #run}, returning the numbers it printed; null (after printing the usage) for wrong arguments. */
    public static @Nullable Result measure(String[] args, PrintStream out) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            out.println("http-load: " + e.getMessage());
            out.println("usage: http-load SESSIONS [--url http://127.0.0.1:8080] [--link '/exercise-3?step=1&run=1']"
                    + " [--ramp SECONDS] [--timeout SECONDS]");
            return null;
        }
        return new HttpLoad.Driver(options, out).run();
    }

    /**
     * What a load measured. Gaps are between changes of a session's status line, in seconds, over all sessions (and
     * split: while it said "Queued: ..." or not); {@code peakHeapBytes} is -1 if the server's metrics were not
     * reachable.
     */
    public record Result(int sessions, long opened, long completed, Map<String, Integer> errors, double medianView,
            double worstView, double medianFirstPush, double worstFirstPush, double medianGap, double p95Gap,
            double worstGap, double worstRunningGap, double worstQueuedGap, double wallSeconds, long peakHeapBytes) {
        public int errorCount() {
            return errors.values().stream().mapToInt(Integer::intValue).sum();
        }

        /** Every session reached "Done" and nothing went wrong. */
        public boolean passed() {
            return completed == sessions && errorCount() == 0;
        }
    }

    record Options(int sessions, URI base, String path, String query, double rampSeconds, double timeoutSeconds) {
        static Options parse(String[] raw) {
            List<String> args = new ArrayList<>(Arrays.asList(raw));
            if (!args.isEmpty() && args.get(0).equals("http-load")) args.remove(0);
            String url = "http://127.0.0.1:8080", link = "/exercise-3?step=1&run=1";
            double ramp = 0, timeout = 180;
            Integer sessions = null;
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                switch (a) {
                    case "--url" -> url = value(args, ++i, a);
                    case "--link" -> link = value(args, ++i, a);
                    case "--ramp" -> ramp = Double.parseDouble(value(args, ++i, a));
                    case "--timeout" -> timeout = Double.parseDouble(value(args, ++i, a));
                    default -> {
                        if (a.startsWith("--") || sessions != null) throw new IllegalArgumentException("unknown argument " + a);
                        sessions = Integer.parseInt(a);
                    }
                }
            }
            if (sessions == null || sessions < 1 || sessions > 2000) throw new IllegalArgumentException("SESSIONS: 1 .. 2000");
            if (!(ramp >= 0 && ramp <= 600)) throw new IllegalArgumentException("--ramp: 0 .. 600 s");
            if (!(timeout >= 1 && timeout <= 3600)) throw new IllegalArgumentException("--timeout: 1 .. 3600 s");
            URI base = URI.create(url.endsWith("/") ? url : url + "/");
            if (!"http".equals(base.getScheme()) || base.getHost() == null) throw new IllegalArgumentException("--url: http://host:port");
            if (!isLoopback(base.getHost())) throw new IllegalArgumentException("--url: loopback only (127.0.0.1), not " + base.getHost());
            if (!link.startsWith("/")) link = "/" + link;
            int q = link.indexOf('?');
            String path = q < 0 ? link : link.substring(0, q);
            String query = q < 0 ? "" : link.substring(q + 1);
            return new Options(sessions, base, path, query, ramp, timeout);
        }

        private static String value(List<String> args, int i, String name) {
            if (i >= args.size()) throw new IllegalArgumentException(name + " needs a value");
            return args.get(i);
        }

        private static boolean isLoopback(String host) {
            String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
            if (h.equals("localhost")) return true;
            if (!h.matches("[0-9.]+|[0-9a-fA-F:]+")) return false; // a literal address only: no name lookups
            try {
                return InetAddress.getByName(h).isLoopbackAddress();
            } catch (IOException e) {
                return false;
            }
        }

        /** The route as Flow's client sends it: the path without the leading slash (the app is at the root). */
        String route() {
            return path.substring(1);
        }
    }

    /** What one pushed (or answered) UIDL message carried, with the moment it arrived. */
    private record Arrival(JsonNode message, long nanos, boolean pushed) {}

    private static final class Driver {
        final Options options;
        final PrintStream out;
        final HttpClient http;
        final ScheduledExecutorService timers = Executors.newScheduledThreadPool(2, daemon("http-load-timer"));
        final Map<String, Integer> errors = new ConcurrentHashMap<>();
        final List<Session> sessions = new ArrayList<>();
        final AtomicLong peakHeap = new AtomicLong(-1);
        final AtomicLong peakSessions = new AtomicLong(-1);

        Driver(Options options, PrintStream out) {
            this.options = options;
            this.out = out;
            this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
                    .followRedirects(HttpClient.Redirect.NEVER).build();
        }

        Result run() {
            out.printf(Locale.ROOT, "http-load: %d sessions on %s%s%s, ramp %.1f s%n", options.sessions, options.base,
                    options.path.substring(1), options.query.isEmpty() ? "" : "?" + options.query, options.rampSeconds);
            var cpu = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long cpuStart = cpu.getProcessCpuTime();
            ScheduledFuture<?> metrics = timers.scheduleWithFixedDelay(this::sampleMetrics, 0, 500, TimeUnit.MILLISECONDS);
            ExecutorService threads = Executors.newCachedThreadPool(daemon("http-load-session"));
            long start = System.nanoTime();
            long deadline = start + (long) ((options.rampSeconds + options.timeoutSeconds) * 1e9);
            try {
                for (int i = 0; i < options.sessions; i++) {
                    Session s = new Session(this, i, deadline);
                    sessions.add(s);
                    long startAt = start + (long) (options.rampSeconds * 1e9 * i / options.sessions);
                    threads.execute(() -> {
                        sleepUntil(startAt);
                        s.run();
                    });
                }
                threads.shutdown();
                boolean ended = threads.awaitTermination(Math.max(1, deadline - System.nanoTime()) + TimeUnit.SECONDS.toNanos(40),
                        TimeUnit.NANOSECONDS);
                if (!ended) error("a session thread did not end in time");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                error("interrupted");
            } finally {
                threads.shutdownNow();
                metrics.cancel(false);
                timers.shutdownNow();
            }
            sampleMetrics();
            double wall = (System.nanoTime() - start) / 1e9;
            double cpuSeconds = (cpu.getProcessCpuTime() - cpuStart) / 1e9;
            return report(wall, cpuSeconds);
        }

        Result report(double wall, double driverCpu) {
            long opened = sessions.stream().filter(s -> s.opened).count();
            long completed = sessions.stream().filter(s -> s.done).count();
            List<Double> gaps = new ArrayList<>(), views = new ArrayList<>(), firsts = new ArrayList<>();
            List<Double> worstPerSession = new ArrayList<>(), queued = new ArrayList<>(), running = new ArrayList<>();
            long pushes = 0, pushBytes = 0;
            for (Session s : sessions) {
                synchronized (s) {
                    gaps.addAll(s.gaps);
                    queued.addAll(s.queuedGaps);
                    running.addAll(s.runningGaps);
                    if (!s.gaps.isEmpty()) worstPerSession.add(Collections.max(s.gaps));
                    if (s.shown > 0) views.add((s.shown - s.navigated) / 1e9);
                    if (s.firstPush > 0) firsts.add((s.firstPush - s.navigated) / 1e9);
                    pushes += s.pushes;
                    pushBytes += s.pushBytes;
                }
            }
            double[] g = sorted(gaps), v = sorted(views), f = sorted(firsts), w = sorted(worstPerSession);
            double[] gq = sorted(queued), gr = sorted(running);
            int errorCount = errors.values().stream().mapToInt(Integer::intValue).sum();
            long slow = worstPerSession.stream().filter(x -> x >= 1.0).count();
            out.printf(Locale.ROOT, "sessions: opened %d, completed %d of %d, errors %d%n", opened, completed, options.sessions,
                    errorCount);
            errors.forEach((reason, n) -> out.printf(Locale.ROOT, "  error x%d: %s%n", n, reason));
            out.printf(Locale.ROOT, "view with its status line after navigation: median %.3f s, worst %.3f s%n", pct(v, 50), worst(v));
            out.printf(Locale.ROOT, "first pushed update after navigation: median %.3f s, worst %.3f s%n", pct(f, 50), worst(f));
            out.printf(Locale.ROOT, "status-line update gap over all sessions (%d gaps): median %.3f s, p95 %.3f s, worst %.3f s%n",
                    g.length, pct(g, 50), pct(g, 95), worst(g));
            out.printf(Locale.ROOT, "  while running (%d gaps): median %.3f s, p95 %.3f s, worst %.3f s;"
                    + " while queued (%d gaps): median %.3f s, p95 %.3f s, worst %.3f s%n", gr.length, pct(gr, 50), pct(gr, 95),
                    worst(gr), gq.length, pct(gq, 50), pct(gq, 95), worst(gq));
            out.printf(Locale.ROOT, "worst gap per session: median %.3f s, worst %.3f s; sessions with a gap of 1 s or more: %d%n",
                    pct(w, 50), worst(w), slow);
            out.printf(Locale.ROOT, "push messages: %d (%.1f MB)%n", pushes, pushBytes / 1e6);
            out.printf(Locale.ROOT, "wall %.1f s; driver CPU %.1f s%n", wall, driverCpu);
            if (peakHeap.get() >= 0) {
                out.printf(Locale.ROOT, "server: peak heap used %.0f MiB, peak sessions %d%n", peakHeap.get() / 1048576.0,
                        peakSessions.get());
            } else {
                out.println("server: peak heap unknown (/actuator/prometheus not reachable;"
                        + " start the server with MANAGEMENT_ENDPOINTS_WEB_EXPOSURE_INCLUDE=health,prometheus)");
            }
            return new Result(options.sessions, opened, completed, Map.copyOf(errors), pct(v, 50), worst(v), pct(f, 50), worst(f),
                    pct(g, 50), pct(g, 95), worst(g), worst(gr), worst(gq), wall, peakHeap.get());
        }

        void error(String reason) {
            errors.merge(reason, 1, Integer::sum);
        }

        private static final Pattern HEAP = Pattern.compile("(?m)^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*} (\\S+)$");
        private static final Pattern SESSIONS = Pattern.compile("(?m)^rnnlab_sessions(?:\\{[^}]*})? (\\S+)$");

        /** The server's heap now: the sum over its heap pools, from the Prometheus endpoint. */
        void sampleMetrics() {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(options.base.resolve("actuator/prometheus"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) return;
                double heap = 0;
                Matcher m = HEAP.matcher(r.body());
                boolean any = false;
                while (m.find()) {
                    heap += Double.parseDouble(m.group(1));
                    any = true;
                }
                if (any) peakHeap.accumulateAndGet((long) heap, Math::max);
                Matcher s = SESSIONS.matcher(r.body());
                if (s.find()) peakSessions.accumulateAndGet((long) Double.parseDouble(s.group(1)), Math::max);
            } catch (IOException | RuntimeException e) {
                // metrics are optional
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** One browser tab: its cookies, its UI, its push connection, and what its status line showed when. */
    private static final class Session implements WebSocket.Listener {
        final Driver driver;
        final int index;
        final long deadline;
        final Map<String, String> cookies = new LinkedHashMap<>();
        final CountDownLatch handshake = new CountDownLatch(1);
        final CountDownLatch finished = new CountDownLatch(1);
        final AtomicReference<@Nullable String> failure = new AtomicReference<>();
        final List<ScheduledFuture<?>> heartbeats = new ArrayList<>();
        final StringBuilder frame = new StringBuilder();
        volatile boolean opened, done;
        volatile boolean closing;
        volatile @Nullable WebSocket socket;
        volatile int uiId = -1;
        String csrf = "";
        // The UI state this driver follows (guarded by this).
        final TreeMap<Integer, Arrival> pending = new TreeMap<>();
        int lastSyncId = -1;
        int statusNode = -1;
        final List<Integer> statusChildren = new ArrayList<>();
        final Map<Integer, String> texts = new ConcurrentHashMap<>();
        String status = "";
        long navigated, shown, firstPush, lastUpdate;
        final List<Double> gaps = new ArrayList<>();
        /** The same gaps by what the line said meanwhile: "Queued: ..." (it names the seconds waited) or not. */
        final List<Double> queuedGaps = new ArrayList<>(), runningGaps = new ArrayList<>();
        long pushes, pushBytes;
        // Atmosphere's handshake
        String padding = "X";
        long atmosphereHeartbeatMillis;

        Session(Driver driver, int index, long deadline) {
            this.driver = driver;
            this.index = index;
            this.deadline = deadline;
        }

        void run() {
            try {
                open();
                long left = deadline - System.nanoTime();
                if (!finished.await(Math.max(0, left), TimeUnit.NANOSECONDS)) {
                    // Grouped by what the page showed, numbers aside: "Queued: position # in line, ...".
                    fail("no \"Done\" before the timeout; status: " + statusNow().replaceAll("[0-9]+(\\.[0-9]+)?", "#"));
                }
                String f = failure.get();
                if (f != null) driver.error(f);
            } catch (IOException | RuntimeException e) {
                driver.error(e.getMessage() == null ? e.toString() : e.getClass().getSimpleName() + ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                driver.error("interrupted");
            } finally {
                close();
            }
        }

        private synchronized String statusNow() {
            return status.isEmpty() ? "(none)" : status;
        }

        void fail(String reason) {
            if (failure.compareAndSet(null, reason)) finished.countDown();
        }

        private void open() throws IOException, InterruptedException {
            Options o = driver.options;
            // 1. The page: index.html, and the session cookie.
            HttpResponse<String> page = get(o.base.resolve(o.path.substring(1) + (o.query.isEmpty() ? "" : "?" + o.query)));
            expect200(page, "page");
            // 2. The UI: Flow's bootstrap request, relative to <base href="."> (the app's root).
            HttpResponse<String> init = get(o.base.resolve("?v-r=init&location=" + enc(o.route()) + "&query=" + enc(o.query)));
            expect200(init, "v-r=init");
            JsonNode config = JSON.readTree(init.body()).path("appConfig");
            JsonNode uidl = config.path("uidl");
            uiId = config.path("v-uiId").asInt(-1);
            csrf = uidl.path("Vaadin-Security-Key").asText("");
            String pushId = uidl.path("Vaadin-Push-ID").asText("");
            int heartbeat = config.path("heartbeatInterval").asInt(300);
            if (uiId < 0 || csrf.isEmpty() || pushId.isEmpty()) throw new IOException("v-r=init: no uiId, security key or push id");
            handle(List.of(new Arrival(uidl, System.nanoTime(), false)));
            // 3. Push: Atmosphere over a WebSocket, as vaadinPush.js opens it.
            URI push = URI.create("ws://" + o.base.getRawAuthority() + o.base.getRawPath() + "VAADIN/push?v-r=push&v-uiId=" + uiId
                    + "&v-pushId=" + enc(pushId) + "&X-Atmosphere-tracking-id=0&X-Atmosphere-Framework=" + ATMOSPHERE_VERSION
                    + "&X-Atmosphere-Transport=websocket&Content-Type=application/json;%20charset=UTF-8&X-atmo-protocol=true");
            try {
                socket = driver.http.newWebSocketBuilder().header("Cookie", cookieHeader()).connectTimeout(REQUEST_TIMEOUT)
                        .buildAsync(push, this).get(REQUEST_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                throw new IOException("push WebSocket: " + (e.getCause() != null ? e.getCause() : e), e);
            }
            if (!handshake.await(REQUEST_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) throw new IOException("push: no Atmosphere handshake");
            // 4. Heartbeats as the browser sends them: Flow's over HTTP, Atmosphere's padding over the socket.
            URI beat = o.base.resolve("?v-r=heartbeat&v-uiId=" + uiId);
            synchronized (this) {
                heartbeats.add(driver.timers.scheduleWithFixedDelay(() -> heartbeat(beat), heartbeat, heartbeat, TimeUnit.SECONDS));
                if (atmosphereHeartbeatMillis > 0) {
                    heartbeats.add(driver.timers.scheduleWithFixedDelay(this::atmosphereHeartbeat, atmosphereHeartbeatMillis,
                            atmosphereHeartbeatMillis, TimeUnit.MILLISECONDS));
                }
            }
            // 5. Navigation: the ui-navigate event on the root node, over XHR; with run=1 the run starts now.
            ObjectNode data = JSON.createObjectNode().put("route", o.route()).put("query", o.query).put("appShellTitle", "")
                    .put("trigger", "");
            data.putObject("historyState").putNull("usr").put("key", "default").put("idx", 0);
            ObjectNode rpc = JSON.createObjectNode().put("type", "event").put("node", 1).put("event", "ui-navigate");
            rpc.set("data", data);
            ObjectNode payload = JSON.createObjectNode().put("csrfToken", csrf);
            payload.putArray("rpc").add(rpc);
            synchronized (this) {
                payload.put("syncId", Math.max(lastSyncId, 0)).put("clientId", 0);
                navigated = System.nanoTime();
            }
            HttpResponse<String> nav = post(o.base.resolve("?v-r=uidl&v-uiId=" + uiId), payload.toString(),
                    "application/json; charset=UTF-8");
            expect200(nav, "ui-navigate");
            handle(unwrap(nav.body(), System.nanoTime(), false));
            opened = true;
            synchronized (this) {
                if (statusNode < 0) throw new IOException("the page has no element with id \"status\"");
            }
        }

        private void heartbeat(URI beat) {
            if (closing) return;
            HttpRequest r = request(beat).timeout(REQUEST_TIMEOUT).header("Content-Type", "text/plain; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.noBody()).build();
            driver.http.sendAsync(r, HttpResponse.BodyHandlers.discarding()).whenComplete((resp, e) -> {
                if (closing) return;
                if (e != null) fail("heartbeat: " + e);
                else if (resp.statusCode() != 200) fail("heartbeat: HTTP " + resp.statusCode());
            });
        }

        private void atmosphereHeartbeat() {
            WebSocket ws = socket;
            if (ws == null || closing || ws.isOutputClosed()) return;
            try {
                synchronized (ws) {
                    ws.sendText(padding, true).get(5, TimeUnit.SECONDS);
                }
            } catch (Exception e) {
                if (!closing) fail("push heartbeat: " + e);
            }
        }

        /** The tab goes away: Flow's unload beacon, then the socket closes. Every step bounded. */
        private void close() {
            closing = true;
            synchronized (this) {
                heartbeats.forEach(h -> h.cancel(false));
            }
            if (uiId >= 0 && !csrf.isEmpty()) {
                try {
                    String body = JSON.createObjectNode().put("csrfToken", csrf).<ObjectNode>set("rpc", JSON.createArrayNode())
                            .put("UNLOAD", true).toString();
                    HttpResponse<String> r = post(driver.options.base.resolve("?v-r=uidl&v-uiId=" + uiId), body,
                            "text/plain;charset=UTF-8");
                    if (r.statusCode() != 200) driver.error("unload beacon: HTTP " + r.statusCode());
                } catch (IOException e) {
                    driver.error("unload beacon: " + e.getMessage());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            WebSocket ws = socket;
            if (ws != null) {
                try {
                    synchronized (ws) {
                        ws.sendClose(1001, "").get(5, TimeUnit.SECONDS);
                    }
                } catch (Exception e) {
                    // closed already
                }
                ws.abort();
            }
        }

        // --- WebSocket.Listener: frames from the server ---

        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            frame.append(data);
            if (last) {
                String message = frame.toString();
                frame.setLength(0);
                try {
                    onMessage(message, System.nanoTime());
                } catch (IOException | RuntimeException e) {
                    fail("push message: " + e);
                }
            }
            webSocket.request(1);
            return null;
        }

        private void onMessage(String message, long now) throws IOException {
            if (handshake.getCount() > 0) {
                // Atmosphere's protocol handshake: uuid|heartbeat interval in ms|padding character|
                String[] parts = message.split("\\|", -1);
                if (parts.length >= 3) {
                    atmosphereHeartbeatMillis = parseLong(parts[1].trim());
                    if (!parts[2].isEmpty()) padding = parts[2];
                    handshake.countDown();
                    String rest = parts.length > 4 ? String.join("|", Arrays.copyOfRange(parts, 3, parts.length)) : "";
                    if (!rest.isBlank()) onMessage(rest, now);
                    return;
                }
                handshake.countDown();
            }
            String m = message.trim();
            if (m.isEmpty() || m.equals(padding)) return; // the server's heartbeat
            // With X-Atmosphere-TrackMessageSize a frame is "length|message", possibly several; without, the message.
            List<String> messages = new ArrayList<>();
            while (!m.isEmpty()) {
                int bar = m.indexOf('|');
                if (bar > 0 && bar < 10 && m.substring(0, bar).chars().allMatch(Character::isDigit)) {
                    int len = Integer.parseInt(m.substring(0, bar));
                    int end = Math.min(m.length(), bar + 1 + len);
                    messages.add(m.substring(bar + 1, end));
                    m = m.substring(end).trim();
                } else {
                    messages.add(m);
                    m = "";
                }
            }
            for (String one : messages) {
                if (one.equals(padding)) continue;
                synchronized (this) {
                    pushes++;
                    pushBytes += one.length();
                }
                handle(unwrap(one, now, true));
            }
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            if (!closing && !done) fail("push closed by the server: " + statusCode + " " + reason);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            if (!closing && !done) fail("push error: " + error);
        }

        // --- UIDL ---

        private static List<Arrival> unwrap(String body, long now, boolean pushed) throws IOException {
            String json = body.startsWith(SAFE_PREFIX) ? body.substring(SAFE_PREFIX.length()) : body;
            JsonNode node = JSON.readTree(json);
            List<Arrival> list = new ArrayList<>();
            if (node.isArray()) node.forEach(m -> list.add(new Arrival(m, now, pushed)));
            else list.add(new Arrival(node, now, pushed));
            return list;
        }

        /** Applies messages in the order of their syncId, as Flow's client does, holding any that come early. */
        private synchronized void handle(List<Arrival> arrivals) {
            for (Arrival a : arrivals) {
                JsonNode meta = a.message.path("meta");
                if (meta.path("sessionExpired").asBoolean(false)) fail("session expired");
                if (meta.has("appError")) fail("application error: " + meta.path("appError"));
                int syncId = a.message.path("syncId").asInt(-1);
                if (syncId < 0 || lastSyncId < 0) {
                    apply(a);
                    if (syncId >= 0) lastSyncId = syncId;
                } else if (syncId > lastSyncId) {
                    pending.put(syncId, a);
                }
            }
            while (!pending.isEmpty() && pending.firstKey() == lastSyncId + 1) {
                Map.Entry<Integer, Arrival> e = pending.pollFirstEntry();
                apply(e.getValue());
                lastSyncId = e.getKey();
            }
            if (pending.size() > 200) fail("UIDL messages out of order: waiting for syncId " + (lastSyncId + 1));
        }

        private void apply(Arrival a) {
            JsonNode changes = a.message.path("changes");
            if (!changes.isArray()) return;
            for (JsonNode c : changes) {
                int node = c.path("node").asInt(-1);
                int feat = c.path("feat").asInt(-1);
                String type = c.path("type").asText("");
                if (type.equals("put") && feat == FEAT_ATTRIBUTES && c.path("key").asText().equals("id")
                        && c.path("value").asText().equals("status")) {
                    statusNode = node;
                } else if (type.equals("put") && feat == FEAT_TEXT && c.path("key").asText().equals("text")) {
                    texts.put(node, c.path("value").asText(""));
                } else if (node == statusNode && feat == FEAT_CHILDREN) {
                    if (type.equals("clear")) {
                        statusChildren.clear();
                    } else if (type.equals("splice")) {
                        int at = Math.min(c.path("index").asInt(0), statusChildren.size());
                        int remove = Math.min(c.path("remove").asInt(0), statusChildren.size() - at);
                        for (int k = 0; k < remove; k++) statusChildren.remove(at);
                        List<Integer> added = new ArrayList<>();
                        c.path("addNodes").forEach(n -> added.add(n.asInt()));
                        statusChildren.addAll(at, added);
                    }
                }
            }
            StringBuilder text = new StringBuilder();
            for (int child : statusChildren) text.append(texts.getOrDefault(child, ""));
            String now = text.toString();
            if (now.equals(status)) return;
            boolean wasQueued = status.startsWith("Queued");
            status = now;
            if (navigated > 0 && !done) {
                // What the tab shows changes when it has applied this message: not before the ones ahead of it.
                long at = Math.max(a.nanos, lastUpdate);
                if (shown == 0) {
                    shown = at; // the view, from the answer to ui-navigate or an early push
                } else if (at > lastUpdate) { // held messages show at once: one update
                    gaps.add((at - lastUpdate) / 1e9);
                    (wasQueued ? queuedGaps : runningGaps).add((at - lastUpdate) / 1e9);
                }
                if (a.pushed && firstPush == 0) firstPush = at;
                lastUpdate = at;
            }
            if (now.startsWith("Done")) {
                done = true;
                finished.countDown();
            } else if (now.startsWith("Failed") || now.startsWith("Stopped")
                    || (!now.startsWith("Running") && !now.startsWith("Queued") && !now.startsWith("Ready") && navigated > 0)) {
                fail("status: " + now);
            }
        }

        // --- HTTP ---

        private HttpRequest.Builder request(URI uri) {
            HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT);
            String cookie = cookieHeader();
            if (!cookie.isEmpty()) b.header("Cookie", cookie);
            return b;
        }

        private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
            HttpResponse<String> r = driver.http.send(request(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
            keepCookies(r);
            return r;
        }

        private HttpResponse<String> post(URI uri, String body, String type) throws IOException, InterruptedException {
            HttpRequest r = request(uri).header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(body)).build();
            HttpResponse<String> response = driver.http.send(r, HttpResponse.BodyHandlers.ofString());
            keepCookies(response);
            return response;
        }

        private synchronized void keepCookies(HttpResponse<?> r) {
            for (String c : r.headers().allValues("Set-Cookie")) {
                String pair = c.split(";", 2)[0];
                int eq = pair.indexOf('=');
                if (eq > 0) cookies.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
            }
        }

        private synchronized String cookieHeader() {
            StringBuilder b = new StringBuilder();
            cookies.forEach((k, v) -> b.append(b.length() == 0 ? "" : "; ").append(k).append('=').append(v));
            return b.toString();
        }

        private static void expect200(HttpResponse<String> r, String what) throws IOException {
            if (r.statusCode() != 200) throw new IOException(what + ": HTTP " + r.statusCode());
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static long parseLong(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static void sleepUntil(long nanos) {
        long left;
        while ((left = nanos - System.nanoTime()) > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static double[] sorted(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }

    /** The p-th percentile, nearest rank. */
    private static double pct(double[] sorted, double p) {
        if (sorted.length == 0) return 0;
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static double worst(double[] sorted) {
        return sorted.length == 0 ? 0 : sorted[sorted.length - 1];
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicLong n = new AtomicLong();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}

package org.rnnlab.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.rnnlab.experiment.ExperimentConfig;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;

/** The whole application with Prometheus enabled: the lab's own figures are there and move. */
@AutoConfigureMetrics // tests switch metrics export off unless asked
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "management.endpoints.web.exposure.include=health,prometheus")
class MetricsTest {
    @LocalServerPort
    int port;

    /** A GET on this server: its status and body. */
    record Response(HttpStatus status, String body) {}

    Response get(String path) throws Exception {
        var response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        return new Response(HttpStatus.valueOf(response.statusCode()), response.body());
    }

    @Autowired
    LabService lab;

    @Test
    void prometheusShowsSessionsRunsSamplesAndPushes() throws Exception {
        RunHandle run = lab.start(ExperimentConfig.defaults(1), new RunGroup());
        run.result().get(60, java.util.concurrent.TimeUnit.SECONDS);
        Response response = get("/actuator/prometheus");
        assertThat(response.status()).isEqualTo(HttpStatus.OK);
        String body = response.body();
        assertThat(body).contains("rnnlab_sessions ", "rnnlab_runs_running ", "rnnlab_runs_queued ", "rnnlab_frames_pushed_total ",
                "rnnlab_jobs_queued{kind=\"download\"}", "rnnlab_jobs_running{kind=\"spectrum\"}");
        assertThat(body).containsPattern("rnnlab_jobs_ended_total\\{kind=\"run\",status=\"done\"} [1-9]");
        Matcher samples = Pattern.compile("rnnlab_samples_total (\\d+\\.\\d+)").matcher(body);
        assertThat(samples.find()).isTrue();
        assertThat(Double.parseDouble(samples.group(1))).isGreaterThanOrEqualTo(500);
    }

    @Autowired
    WarmUp warmUp;

    @Test
    void readinessWaitsForTheWarmUpAndLivenessDoesNot() throws Exception {
        assertThat(get("/actuator/health/liveness").body()).contains("\"UP\"");
        // Out of service while warming up (unless the warm-up ended during the request).
        HttpStatus early = get("/actuator/health/readiness").status();
        assertThat(early == HttpStatus.SERVICE_UNAVAILABLE || warmUp.isDone()).as("readiness %s before the warm-up ended", early).isTrue();
        warmUp.finished().get(120, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(get("/actuator/health/readiness").body()).contains("\"UP\"");
    }

    @Test
    void thisJvmCompilesWithC2() {
        // The tests run with the same flags as the jar and spring-boot:run (see the pom): a C1-only launch fails here.
        assertThat(WarmUp.fullJit()).isTrue();
    }

    @Test
    void thisJvmHasItsHeapOnHugePagesOnLinux() {
        // Same flags as the jar's documented launch and spring-boot:run: a launch without them fails here.
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getProperty("os.name").equals("Linux"));
        assertThat(WarmUp.hugePages()).isEqualTo("on");
    }
}

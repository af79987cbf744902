package org.rnnlab.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.rnnlab.experiment.ExperimentConfig;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/** The whole application with Prometheus enabled: the lab's own figures are there and move. */
@AutoConfigureObservability // tests switch metrics export off unless asked
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "management.endpoints.web.exposure.include=health,prometheus")
class MetricsTest {
    @Autowired
    TestRestTemplate http;

    @Autowired
    LabService lab;

    @Test
    void prometheusShowsSessionsRunsSamplesAndPushes() throws Exception {
        RunHandle run = lab.start(ExperimentConfig.defaults(1), new RunGroup());
        run.result().get(60, java.util.concurrent.TimeUnit.SECONDS);
        var response = http.getForEntity("/actuator/prometheus", String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        String body = response.getBody();
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
        assertThat(http.getForEntity("/actuator/health/liveness", String.class).getBody()).contains("\"UP\"");
        // Out of service while warming up (unless the warm-up ended during the request).
        HttpStatus early = HttpStatus.valueOf(http.getForEntity("/actuator/health/readiness", String.class).getStatusCode().value());
        assertThat(early == HttpStatus.SERVICE_UNAVAILABLE || warmUp.isDone()).as("readiness %s before the warm-up ended", early).isTrue();
        warmUp.finished().get(120, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(http.getForEntity("/actuator/health/readiness", String.class).getBody()).contains("\"UP\"");
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

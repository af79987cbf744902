package org.rnnlab.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rnnlab.cli.HttpLoad;

/**
 * The over-HTTP load driver ({@code http-load}) against the production jar: three browser-like sessions open
 * {@code /exercise-3?step=1&run=1} at once, speak Vaadin's protocol (bootstrap, UIDL over XHR, push over
 * Atmosphere's WebSocket, heartbeats, the unload beacon), and each sees its FORCE run through to "Done" with its
 * status line pushed at least once a second.
 */
@ExtendWith(AppServer.class)
class HttpLoadIT {
    static final int SESSIONS = 3;

    @Test
    void threeSessionsOverHttpRunExerciseThreeAndArePushedEverySecond() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        HttpLoad.Result r = HttpLoad.measure(new String[] {"http-load", Integer.toString(SESSIONS), "--url", AppServer.baseUrl(),
                "--link", "/exercise-3?step=1&run=1", "--timeout", "45"}, new PrintStream(printed, true, StandardCharsets.UTF_8));
        String report = printed.toString(StandardCharsets.UTF_8);
        System.out.print(report);
        assertThat(r).as(report).isNotNull();
        assertThat(r.errors()).as(report).isEmpty();
        assertThat(r.opened()).as(report).isEqualTo(SESSIONS);
        assertThat(r.completed()).as(report).isEqualTo(SESSIONS);
        assertThat(r.passed()).isTrue();
        // Every session's status line was pushed and moved at least once a second until "Done".
        assertThat(r.worstFirstPush()).as(report).isGreaterThan(0);
        assertThat(r.worstGap()).as(report).isGreaterThan(0).isLessThan(1.0);
    }
}

package org.rnnlab.ui;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.rnnlab.run.LabProperties;
import org.rnnlab.run.LabService;

/** A mocked Vaadin UI and a real lab (pool, ticker, network cache) for server-side view tests. */
public abstract class KaribuSupport {
    protected LabService lab;

    @BeforeEach
    void setUpVaadin() {
        MockVaadin.setup();
        lab = new LabService(new LabProperties(2000, 3000, 5000, 2, 128, 200, 12, 256, 2, 100));
    }

    @AfterEach
    void tearDownVaadin() {
        lab.shutdown();
        MockVaadin.tearDown();
    }

    /** Runs pending UI work (pushed updates) for {@code duration}, whatever happens meanwhile. */
    protected static void holdUi(Duration duration) {
        long end = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < end) {
            MockVaadin.clientRoundtrip();
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }

    /** Runs pending UI work (pushed updates) until {@code condition} holds; fails after {@code timeout}. */
    protected static void awaitUi(BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            MockVaadin.clientRoundtrip();
            if (condition.getAsBoolean()) return;
            if (System.nanoTime() > deadline) throw new AssertionError("condition not met within " + timeout);
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }
}

package org.rnnlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.rnnlab.ui.exercise.DrivenView;

/** A thousand tabs opened, run and closed: nothing of them stays behind. */
class OpenCloseCyclesTest extends KaribuSupport {

    @Test
    void aThousandOpenRunCloseCyclesLeaveNoSubscriberRunOrMemoryBehind() {
        cycles(100); // warm-up: classes loaded, network cached
        System.gc();
        long before = usedHeap();
        cycles(1000);
        awaitUi(() -> lab.running() == 0 && lab.queued() == 0, Duration.ofSeconds(60));
        assertThat(lab.subscribers()).isZero();
        assertThat(lab.networks().size()).isEqualTo(1);
        System.gc();
        System.out.printf("1000 open/run/close cycles: heap %+d KiB%n", (usedHeap() - before) / 1024);
        // Each cycle allocated a view, charts and a run's buffers; none may be kept (1000 kept runs would be > 40 MB).
        assertThat(usedHeap() - before).isLessThan(20L * 1024 * 1024);
    }

    void cycles(int count) {
        for (int i = 0; i < count; i++) {
            DrivenView view = new DrivenView(lab);
            UI.getCurrent().add(view);
            view.runPanel().start();
            respond();
            UI.getCurrent().remove(view);
            respond();
        }
    }

    /** What writing a response to the browser does: pending work runs, and the collected changes are sent. */
    static void respond() {
        MockVaadin.clientRoundtrip();
        UI.getCurrent().getInternals().getStateTree().collectChanges(change -> {});
    }

    static long usedHeap() {
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }
}

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
    void aThousandOpenRunCloseCyclesLeaveNoSubscriberRunOrViewBehind() {
        cycles(100, new java.util.ArrayList<>()); // warm-up: classes loaded, network cached
        java.util.List<java.lang.ref.WeakReference<DrivenView>> closed = new java.util.ArrayList<>();
        cycles(1000, closed);
        awaitUi(() -> lab.running() == 0 && lab.queued() == 0, Duration.ofSeconds(60));
        assertThat(lab.subscribers()).isZero();
        assertThat(lab.networks().size()).isEqualTo(1);
        // Every closed view can be collected: nothing (a subscriber, a job, a pending callback) holds one. Counted by
        // reference, not by heap bytes: in development mode Vaadin's component tracker keeps each component's
        // creation stack until its weak map is next touched, which moved the heap by up to 33 MB from run to run.
        for (int i = 0; i < 5 && closed.stream().anyMatch(r -> r.get() != null); i++) {
            System.gc();
            respond();
        }
        long alive = closed.stream().filter(r -> r.get() != null).count();
        System.out.printf("1000 open/run/close cycles: %d views still reachable%n", alive);
        assertThat(alive).isZero();
    }

    void cycles(int count, java.util.List<java.lang.ref.WeakReference<DrivenView>> closed) {
        for (int i = 0; i < count; i++) {
            DrivenView view = new DrivenView(lab);
            UI.getCurrent().add(view);
            view.runPanel().start();
            respond();
            UI.getCurrent().remove(view);
            respond();
            closed.add(new java.lang.ref.WeakReference<>(view));
        }
    }

    /** What writing a response to the browser does: pending work runs, and the collected changes are sent. */
    static void respond() {
        MockVaadin.clientRoundtrip(false);
        UI.getCurrent().getInternals().getStateTree().collectChanges(change -> {});
    }

}

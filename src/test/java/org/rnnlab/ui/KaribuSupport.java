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

    /**
     * What a user typing or choosing {@code value} does: the field shows it and its listeners hear a change from the client.
     * Karibu 2.6's {@code _setValue} calls a method Flow 25.2 no longer has (Karibu 2.7, which follows it, is not served
     * here), so this does the same through the field's own two steps. Refuses a field the user could not edit.
     */
    @SuppressWarnings("unchecked")
    protected static <V> void _setValue(com.vaadin.flow.component.HasValue<?, V> field, V value) {
        com.vaadin.flow.component.Component component = (com.vaadin.flow.component.Component) field;
        if (!component.isVisible() || !((com.vaadin.flow.component.HasEnabled) field).isEnabled() || field.isReadOnly()) {
            throw new IllegalStateException(component + " is not editable by the user");
        }
        try {
            var presentation = com.vaadin.flow.component.AbstractField.class.getDeclaredMethod("setPresentationValue", Object.class);
            var model = com.vaadin.flow.component.AbstractField.class.getDeclaredMethod("setModelValue", Object.class, boolean.class);
            presentation.setAccessible(true);
            model.setAccessible(true);
            // the model first, so that the change is heard once, as the user's; then what the field shows
            model.invoke(field, value, true);
            presentation.invoke(field, value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs pending UI work (pushed updates) for {@code duration}, whatever happens meanwhile. */
    protected static void holdUi(Duration duration) {
        long end = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < end) {
            MockVaadin.clientRoundtrip(false);
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }

    /** Runs pending UI work (pushed updates) until {@code condition} holds; fails after {@code timeout}. */
    protected static void awaitUi(BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            MockVaadin.clientRoundtrip(false);
            if (condition.getAsBoolean()) return;
            if (System.nanoTime() > deadline) throw new AssertionError("condition not met within " + timeout);
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }

    /** Adds {@code view} to the UI and opens {@code query} on it, as the router would. */
    protected static <V extends org.rnnlab.ui.exercise.ExperimentPage> V open(V view, String query) {
        com.vaadin.flow.component.UI.getCurrent().add(view);
        view.openLink(query, com.vaadin.flow.component.UI.getCurrent());
        return view;
    }

    /** The text of the box that lists what was wrong in the link ("" when there is none). */
    protected static String linkMessages() {
        var boxes = com.github.mvysny.kaributesting.v10.LocatorJ._find(com.vaadin.flow.component.html.Div.class,
                spec -> spec.withId("link-messages"));
        return boxes.isEmpty() ? "" : boxes.get(0).getElement().getTextRecursively();
    }
}

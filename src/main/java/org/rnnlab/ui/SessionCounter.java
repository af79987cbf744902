package org.rnnlab.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.rnnlab.run.LabMetrics;
import org.springframework.stereotype.Component;

/** Counts open Vaadin sessions for the metrics. */
@Component
class SessionCounter implements VaadinServiceInitListener {
    private final LabMetrics metrics;

    SessionCounter(LabMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(e -> metrics.sessionOpened());
        event.getSource().addSessionDestroyListener(e -> metrics.sessionClosed());
    }
}

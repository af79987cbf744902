package org.rnnlab.ui.exercise;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.rnnlab.experiment.ExperimentConfig;
import org.rnnlab.experiment.FieldError;
import org.rnnlab.run.LabService;
import org.rnnlab.run.RunGroup;
import org.rnnlab.ui.CopyLink;
import org.rnnlab.ui.LinkState;
import org.rnnlab.ui.PageLink;
import org.rnnlab.ui.run.ParameterForm;
import org.rnnlab.ui.run.PinnedRuns;
import org.rnnlab.ui.run.RunCharts;
import org.rnnlab.ui.run.RunPanel;

/**
 * What every page with runs has, written once: a title with Copy link, the box of link messages, three columns
 * (text, charts, controls; stacked on a phone), the run panel, the parameter form of a free step (its config
 * drives the panel and the address bar), opening a link ({@link PageLink}: step, parameters, locks, run=1),
 * and stopping the page's jobs when it goes away. The guided exercises and the Playground differ only in what
 * fills the columns.
 */
public abstract class ExperimentPage extends Div implements BeforeEnterObserver {
    protected final LabService lab;
    protected final RunGroup group = new RunGroup();
    protected final RunPanel panel;
    protected final Div text = new Div();
    protected final Div charts = new Div();
    protected final Div controls = new Div();
    private final String route;
    private final Div linkMessages = new Div();
    private Set<String> locked = Set.of();
    private @Nullable UI entering;
    private @Nullable ParameterForm form;

    protected ExperimentPage(LabService lab, String route, String title) {
        this.lab = lab;
        this.route = route;
        this.panel = new RunPanel(lab, group);
        addClassName("guided");
        text.addClassName("step-text");
        controls.addClassName("step-controls");
        charts.addClassName("step-charts");
        charts.add(panel);
        panel.setOnPinsChanged(this::writeLink);
        HorizontalLayout header = new HorizontalLayout(new H1(title), CopyLink.button());
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        header.setWrap(true);
        Div layout = new Div(text, charts, controls);
        layout.addClassName("step-layout");
        add(header, linkMessages, layout);
    }

    /** Puts {@code component} between the title (and link messages) and the columns: the guided pages' step tabs. */
    protected void addAboveColumns(Component component) {
        addComponentAtIndex(2, component);
    }

    /** The page's exercise, or 0 when it shows any (the Playground). */
    protected abstract int exercise();

    /** How many steps the page has (0: no steps). */
    protected int stepCount() {
        return 0;
    }

    /** The current 0-based step, or -1 without steps. */
    public int currentStep() {
        return -1;
    }

    /** Shows what {@code link} asks for: its step and, when it names parameters, its config. */
    protected abstract void show(PageLink link);

    /** Opens the page as its link says; what is wrong is listed by key and replaced by the default. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        openLink(LinkState.query(event), event.getUI());
    }

    /** Shows what the link {@code query} describes (see {@link PageLink}). */
    public void openLink(String query, UI ui) {
        entering = ui;
        PageLink link = PageLink.parse(query, exercise(), lab.limits(), stepCount(), stepLinkKeys());
        locked = link.locks();
        show(link);
        List<FieldError> errors = new ArrayList<>(link.errors());
        errors.addAll(stepLinkErrors());
        panel.restorePins(pins(link, errors));
        linkMessages.removeAll();
        linkMessages.add(LinkState.messages(errors));
        applyLocks();
        writeLink();
        if (link.run()) startShown();
    }

    /** What a link's {@code run=1} starts: the page's runs; a step with an instrument of its own starts that. */
    protected void startShown() {
        panel.start();
    }

    /** The link keys some step of the page reads itself (a sweep's ranges), beside the config's and the page's. */
    protected Set<String> stepLinkKeys() {
        return Set.of();
    }

    /** What the shown step found wrong in the link's keys of its own (a sweep's ranges), by key. */
    protected List<FieldError> stepLinkErrors() {
        return List.of();
    }

    /** The config the link carries: the free step's form's, when valid. */
    protected @Nullable ExperimentConfig linkConfig() {
        ParameterForm f = form;
        return f == null ? null : f.config().orElse(null);
    }

    /** The shown step's own link keys (a sweep's ranges), after the config and page keys. */
    protected Map<String, String> stepLinkValues() {
        return Map.of();
    }

    /** The link's pins, read against the run the page shows now; what is wrong goes to {@code errors}. */
    private List<ExperimentConfig> pins(PageLink link, List<FieldError> errors) {
        if (link.pins().isEmpty()) return List.of();
        List<RunCharts> shown = panel.charts();
        if (shown.size() != 1) {
            link.pins().keySet().forEach(key -> errors.add(new FieldError(key, "this step has no single run to compare a pinned run with")));
            return List.of();
        }
        List<ExperimentConfig> configs = new ArrayList<>();
        link.pins().forEach((key, text) -> {
            ExperimentConfig pin = PinnedRuns.parse(key, text, shown.get(0).config(), lab.limits(), errors);
            if (pin != null) configs.add(pin);
        });
        return configs;
    }

    /**
     * A parameter form in the controls column whose valid config replaces the panel's run (titled {@code title})
     * and the address bar as the user types; Run is disabled while a field is wrong.
     */
    protected ParameterForm showForm(int exercise, ExperimentConfig start, String title) {
        ParameterForm f = new ParameterForm(exercise, lab.limits(), start);
        form = f;
        f.setOnChange(() -> f.config().ifPresentOrElse(c -> {
            if (panel.charts().isEmpty() || !c.equals(panel.charts().get(0).config())) panel.setConfigs(List.of(c), List.of(title), 1);
            panel.setRunnable(true);
            writeLink();
        }, () -> panel.setRunnable(false)));
        controls.add(f);
        applyLocks();
        return f;
    }

    /** The page has no form any more (a preset step). */
    protected void dropForm() {
        form = null;
    }

    public @Nullable ParameterForm form() {
        return form;
    }

    public RunPanel runPanel() {
        return panel;
    }

    private void applyLocks() {
        if (form != null) for (String key : locked) form.setLocked(key, true);
    }

    /** The page's state as its link's values: the step, on a free step its parameters (and locks), the step's own keys. */
    public Map<String, String> linkValues() {
        Map<String, String> values = PageLink.values(linkConfig(), currentStep(), locked, panel.pinLinkValues());
        values.putAll(stepLinkValues());
        return values;
    }

    /** Writes {@link #linkValues} to the address bar. */
    protected void writeLink() {
        Map<String, String> values = linkValues();
        // After the router's own history update of this round trip, so ours is the one that stays.
        getUI().or(() -> Optional.ofNullable(entering)).ifPresent(ui ->
                ui.beforeClientResponse(this, context -> LinkState.write(ui, route, values)));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        // The tab was closed or the user navigated away: nobody watches these jobs any more.
        group.stopAll();
    }

    /** For subclasses that replace the charts column (the eigenvalue step). */
    protected void showInCharts(Component component) {
        charts.removeAll();
        charts.add(component);
    }
}

package org.rnnlab.ui.exercise;

import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.component.UI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.rnnlab.experiment.ExperimentConfig;
import org.rnnlab.experiment.FieldError;
import org.rnnlab.experiment.LinkCodec;
import org.rnnlab.experiment.Schema;
import org.rnnlab.ui.CopyLink;
import org.rnnlab.ui.LinkState;
import org.rnnlab.run.LabService;
import org.rnnlab.run.RunGroup;
import org.rnnlab.ui.component.MathFormula;
import org.rnnlab.ui.run.ParameterForm;
import org.rnnlab.ui.run.RunPanel;

/**
 * A guided exercise: a step list (tabs, Prev/Next), and for the current step its text, equations, preset
 * runs or open controls, charts and a question with an answer to reveal. On a phone the columns stack:
 * text, then charts, then controls. Leaving the page (or closing the tab) stops its runs.
 */
public abstract class GuidedExerciseView extends Div implements BeforeEnterObserver {
    protected final LabService lab;
    private final int exercise;
    private final String route;
    private final Div linkMessages = new Div();
    private Set<String> locked = Set.of();
    private @Nullable UI entering;
    private final List<GuideStep> steps;
    private final RunGroup group = new RunGroup();
    private final Tabs tabs = new Tabs();
    private final Div text = new Div();
    private final Div controls = new Div();
    private final RunPanel panel;
    private final Div charts = new Div();
    private final Button previous = new Button("Previous", VaadinIcon.ARROW_LEFT.create());
    private final Button next = new Button("Next", VaadinIcon.ARROW_RIGHT.create());
    private @Nullable ParameterForm form;
    private @Nullable SpectrumPanel spectrum;
    private int current = -1;

    protected GuidedExerciseView(LabService lab, int exercise, String route, String title, List<GuideStep> steps) {
        this.lab = lab;
        this.exercise = exercise;
        this.route = route;
        this.steps = steps;
        this.panel = new RunPanel(lab, group);
        addClassName("guided");
        for (int i = 0; i < steps.size(); i++) tabs.add(new Tab((i + 1) + ". " + steps.get(i).title()));
        tabs.setId("steps");
        tabs.addSelectedChangeListener(e -> showStep(tabs.getSelectedIndex()));
        text.addClassName("step-text");
        controls.addClassName("step-controls");
        charts.addClassName("step-charts");
        charts.add(panel);
        previous.setId("previous");
        next.setId("next");
        next.setIconAfterText(true);
        previous.addClickListener(e -> tabs.setSelectedIndex(current - 1));
        next.addClickListener(e -> tabs.setSelectedIndex(current + 1));
        Div layout = new Div(text, charts, controls);
        layout.addClassName("step-layout");
        Button copy = CopyLink.button();
        HorizontalLayout header = new HorizontalLayout(new H1(title), copy);
        header.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        header.setWrap(true);
        add(header, linkMessages, tabs, layout, new HorizontalLayout(previous, next));
        showStep(0);
    }

    /**
     * Opens the page as its link says: {@code step} (1-based), the free step's parameters, {@code lock}ed fields
     * and {@code run=1}. What is wrong is listed by key and replaced by the default.
     */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        openLink(LinkState.query(event), event.getUI());
    }

    /** Shows what the link {@code query} describes (see {@link #beforeEnter}). */
    public void openLink(String query, UI ui) {
        entering = ui;
        Set<String> keys = LinkState.keys(query);
        // A link to this page need not say which exercise it is.
        String full = keys.contains("exercise") ? query : "exercise=" + exercise + (query.isEmpty() ? "" : "&" + query);
        LinkCodec.Parsed link = LinkCodec.parse(full, lab.limits(), LinkState.PAGE_KEYS);
        List<FieldError> errors = new ArrayList<>(link.errors());
        Map<String, String> extras = link.extras();
        boolean hasConfig = Schema.specs(exercise, lab.limits()).stream().anyMatch(spec -> keys.contains(spec.key()));
        int free = steps.size() - 1;
        int step = hasConfig ? free : current;
        if (extras.containsKey("step")) {
            String s = extras.get("step").strip();
            if (s.matches("\\d{1,3}") && Integer.parseInt(s) >= 1 && Integer.parseInt(s) <= steps.size()) {
                step = Integer.parseInt(s) - 1;
            } else {
                errors.add(new FieldError("step", "must be a whole number from 1 to " + steps.size() + " (got '" + FieldError.abbreviate(s) + "')"));
            }
        }
        if (link.config().exercise() != exercise && keys.contains("exercise")) {
            errors.add(new FieldError("exercise", "this page is exercise " + exercise + "; the link's other values were read for it"));
        }
        locked = LinkState.locks(extras, exercise, lab.limits(), errors);
        linkMessages.removeAll();
        linkMessages.add(LinkState.messages(errors));
        current = -1;
        showStep(step, hasConfig ? withExercise(link) : null);
        applyLocks();
        writeLink();
        if ("1".equals(extras.get("run"))) panel.start();
        else if (extras.containsKey("run") && !"0".equals(extras.get("run"))) {
            errors.add(new FieldError("run", "must be 1 (start at once) or 0"));
            linkMessages.removeAll();
            linkMessages.add(LinkState.messages(errors));
        }
    }

    private ExperimentConfig withExercise(LinkCodec.Parsed link) {
        if (link.config().exercise() == exercise) return link.config();
        Map<String, String> values = new LinkedHashMap<>(link.config().values());
        values.put("exercise", Integer.toString(exercise));
        return LinkCodec.parse(LinkCodec.format(values), lab.limits()).config();
    }

    private void applyLocks() {
        if (form != null) for (String key : locked) form.setLocked(key, true);
    }

    /** The page's state as a link: the step, and on the free step its parameters (and locks). */
    private void writeLink() {
        Map<String, String> values = new LinkedHashMap<>();
        ParameterForm f = form;
        if (f != null && f.config().isPresent()) values.putAll(f.config().get().values());
        else values.put("v", "1");
        values.put("step", Integer.toString(current + 1));
        if (!locked.isEmpty()) values.put("lock", String.join(",", locked));
        // After the router's own history update of this round trip, so ours is the one that stays.
        getUI().or(() -> Optional.ofNullable(entering)).ifPresent(ui ->
                ui.beforeClientResponse(this, context -> LinkState.write(ui, route, values)));
    }

    public int exercise() {
        return exercise;
    }

    public int currentStep() {
        return current;
    }

    public RunPanel runPanel() {
        return panel;
    }

    public @Nullable ParameterForm form() {
        return form;
    }

    public void showStep(int index) {
        showStep(index, null);
    }

    /** Shows step {@code index}; a free step starts from {@code start} when given (a link's values). */
    private void showStep(int index, @Nullable ExperimentConfig start) {
        if (index == current || index < 0 || index >= steps.size()) return;
        current = index;
        if (tabs.getSelectedIndex() != index) tabs.setSelectedIndex(index);
        GuideStep step = steps.get(index);
        text.removeAll();
        controls.removeAll();
        form = null;
        text.add(new H2(step.title()));
        step.paragraphs().forEach(p -> text.add(new Paragraph(p)));
        step.equations().forEach(tex -> text.add(MathFormula.display(tex)));

        if (step.kind() == GuideStep.Kind.SPECTRUM) {
            spectrum = new SpectrumPanel(lab, group, step.runs().get(0));
            charts.removeAll();
            charts.add(spectrum);
            panel.setConfigs(List.of(), List.of(), 1);
        } else {
            if (spectrum != null) {
                charts.removeAll();
                charts.add(panel);
                spectrum = null;
            }
            List<ExperimentConfig> runs = start != null && step.kind() == GuideStep.Kind.FREE ? List.of(start) : step.runs();
            panel.setConfigs(runs, step.runTitles(), step.columns());
        }
        if (step.kind() == GuideStep.Kind.FREE) {
            ParameterForm f = new ParameterForm(exercise, lab.limits(), start != null ? start : step.runs().get(0));
            form = f;
            f.setOnChange(() -> f.config().ifPresentOrElse(c -> {
                if (!c.equals(panel.charts().isEmpty() ? null : panel.charts().get(0).config())) {
                    panel.setConfigs(List.of(c), List.of(step.title()), 1);
                }
                panel.setRunnable(true);
                writeLink();
            }, () -> panel.setRunnable(false)));
            controls.add(f);
        } else if (step.kind() == GuideStep.Kind.RUNS) {
            Span summary = new Span("Parameters: " + summarize(step.runs()));
            summary.addClassName("preset-summary");
            controls.add(summary);
        }
        Details answer = new Details("Show the answer", new Paragraph(step.answer()));
        answer.setId("answer");
        Div think = new Div(new H3("Think about it"), new Paragraph(step.question()), answer);
        think.addClassName("think");
        think.setId("think");
        controls.add(think);
        previous.setEnabled(index > 0);
        next.setEnabled(index < steps.size() - 1);
        applyLocks();
        writeLink();
    }

    /** "n = 1000, g = 1.5, seed = 1, ..." with the values that differ between runs joined by "/". */
    static String summarize(List<ExperimentConfig> runs) {
        var first = runs.get(0).values();
        return first.keySet().stream().filter(k -> !k.equals("v") && !k.equals("exercise"))
                .map(k -> k + " = " + runs.stream().map(r -> r.values().get(k)).distinct().collect(Collectors.joining(" / ")))
                .collect(Collectors.joining(", "));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        // The tab was closed or the user navigated away: nobody watches these runs any more.
        group.stopAll();
    }
}

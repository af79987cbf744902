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
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.rnnlab.experiment.ExperimentConfig;
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
public abstract class GuidedExerciseView extends Div {
    protected final LabService lab;
    private final int exercise;
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

    protected GuidedExerciseView(LabService lab, int exercise, String title, List<GuideStep> steps) {
        this.lab = lab;
        this.exercise = exercise;
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
        add(new H1(title), tabs, layout, new HorizontalLayout(previous, next));
        showStep(0);
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
            spectrum = new SpectrumPanel(lab, step.runs().get(0));
            charts.removeAll();
            charts.add(spectrum);
            panel.setConfigs(List.of(), List.of(), 1);
        } else {
            if (spectrum != null) {
                charts.removeAll();
                charts.add(panel);
                spectrum = null;
            }
            panel.setConfigs(step.runs(), step.runTitles(), step.columns());
        }
        if (step.kind() == GuideStep.Kind.FREE) {
            ParameterForm f = new ParameterForm(exercise, lab.limits(), step.runs().get(0));
            form = f;
            f.setOnChange(() -> f.config().ifPresentOrElse(c -> {
                if (!c.equals(panel.charts().isEmpty() ? null : panel.charts().get(0).config())) {
                    panel.setConfigs(List.of(c), List.of(step.title()), 1);
                }
                panel.setRunnable(true);
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

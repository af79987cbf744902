package org.rnnlab.ui.exercise;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.rnnlab.experiment.ExperimentConfig;
import org.rnnlab.experiment.FieldError;
import org.rnnlab.run.LabService;
import org.rnnlab.ui.PageLink;
import org.rnnlab.ui.Reference;
import com.vaadin.flow.component.html.Anchor;
import org.rnnlab.ui.component.MathFormula;
import org.rnnlab.ui.run.LiveSweep;
import org.rnnlab.ui.run.ParameterForm;
import org.rnnlab.ui.run.SeedTrial;
import org.rnnlab.ui.run.SweepStep;

/**
 * A guided exercise: a step list (tabs, Prev/Next), and for the current step its text, equations, preset
 * runs or open controls, charts and a question with an answer to reveal. On a phone the columns stack:
 * text, then charts, then controls. The rest (link, form, run panel, stopping on leave) is {@link ExperimentPage}.
 */
public abstract class GuidedExerciseView extends ExperimentPage {
    private final int exercise;
    private final List<GuideStep> steps;
    private final Tabs tabs = new Tabs();
    private final Button previous = new Button("Previous", VaadinIcon.ARROW_LEFT.create());
    private final Button next = new Button("Next", VaadinIcon.ARROW_RIGHT.create());
    /** What stands in the charts column instead of the run panel (eigenvalues, nearby starts), if anything. */
    private @Nullable Component inCharts;
    /** The sweep of a SWEEP step shown (its state is in the link), else null. */
    private @Nullable SweepStep sweep;
    private List<FieldError> stepLinkErrors = List.of();
    /** The prediction of the step shown (its choice is in the link), else null. */
    private @Nullable PredictionPanel prediction;
    private int current = -1;

    protected GuidedExerciseView(LabService lab, int exercise, String route, String title, List<GuideStep> steps) {
        super(lab, route, title);
        this.exercise = exercise;
        this.steps = steps;
        for (int i = 0; i < steps.size(); i++) tabs.add(new Tab((i + 1) + ". " + steps.get(i).title()));
        tabs.setId("steps");
        // Vaadin 25.2's <vaadin-tabs> wraps its tabs in a focusable <div tabindex="-1"> (its scroll area): a focusable
        // element stays in the accessibility tree, so the tablist no longer owns its tabs and a screen reader loses the
        // "tab n of m" structure (axe: aria-required-children). The tabs themselves stay focusable, so the area needs no
        // tabindex of its own.
        tabs.addAttachListener(e -> tabs.getElement().executeJs(
                "const fix = () => this.shadowRoot?.getElementById('scroll')?.removeAttribute('tabindex');"
                        + "this.updateComplete ? this.updateComplete.then(fix) : fix();"));
        tabs.addSelectedChangeListener(e -> showStep(tabs.getSelectedIndex()));
        previous.setId("previous");
        next.setId("next");
        next.setIconAfterText(true);
        previous.addClickListener(e -> tabs.setSelectedIndex(current - 1));
        next.addClickListener(e -> tabs.setSelectedIndex(current + 1));
        addAboveColumns(tabs);
        add(new HorizontalLayout(previous, next));
        showStep(0);
    }

    /**
     * A link's step, or its free step when it names parameters, or the step shown. Steps keep their numbers once
     * published (links name them): a new step goes after the others, so the free step need not be the last.
     */
    @Override
    protected void show(PageLink link) {
        int step = link.step() >= 0 ? link.step() : link.config() != null ? Guides.freeStep(steps) : Math.max(current, 0);
        current = -1;
        // A link that names a step and a few keys changes those on the step's own preset (n = 200, g = 3 on the map); without
        // a step, the missing keys are the exercise's defaults, as the command line reads the same link. A page's own links
        // name every key.
        ExperimentConfig start = link.config() == null || link.step() < 0 ? link.config() : link.over(steps.get(step).runs().get(0), lab.limits());
        showStep(step, start, link.sweep());
    }

    @Override
    protected Set<String> stepLinkKeys() {
        Set<String> keys = new LinkedHashSet<>();
        for (GuideStep s : steps) if (s.sweep() != null) keys.addAll(SweepStep.linkKeys(s.sweep()));
        if (steps.stream().anyMatch(s -> s.prediction() != null)) keys.add(PREDICT);
        return keys;
    }

    @Override
    protected List<FieldError> stepLinkErrors() {
        return stepLinkErrors;
    }

    @Override
    protected @Nullable ExperimentConfig linkConfig() {
        return sweep != null ? sweep.base() : super.linkConfig();
    }

    @Override
    protected Map<String, String> stepLinkValues() {
        Map<String, String> values = new java.util.LinkedHashMap<>(sweep != null ? sweep.linkValues() : Map.of());
        String predicted = prediction == null ? null : prediction.selectedKey();
        if (predicted != null) values.put(PREDICT, predicted);
        return values;
    }

    /** The link key of a step's prediction ({@code predict=decays}). */
    static final String PREDICT = "predict";

    @Override
    public int exercise() {
        return exercise;
    }

    @Override
    protected int stepCount() {
        return steps.size();
    }

    @Override
    public int currentStep() {
        return current;
    }

    public void showStep(int index) {
        showStep(index, null, Map.of());
    }

    /**
     * Shows step {@code index}; a free or sweep step starts from {@code start} when given (a link's values), a sweep step
     * with the link's {@code sweepKeys} ({@code vary.KEY}, {@code seeds}).
     */
    private void showStep(int index, @Nullable ExperimentConfig start, Map<String, String> sweepKeys) {
        if (index == current || index < 0 || index >= steps.size()) return;
        current = index;
        if (tabs.getSelectedIndex() != index) tabs.setSelectedIndex(index);
        GuideStep step = steps.get(index);
        // Pins compare runs of one step.
        panel.clearPins();
        text.removeAll();
        controls.removeAll();
        dropForm();
        text.add(new H2(step.title()));
        step.paragraphs().forEach(p -> text.add(new Paragraph(p)));
        step.equations().forEach(tex -> text.add(MathFormula.display(tex)));
        List<Reference> cited = Reference.citedIn(String.join(" ", step.paragraphs()) + " " + step.answer() + " " + step.details());
        if (!cited.isEmpty()) {
            Div references = new Div(new Span("References: "));
            references.addClassName("step-references");
            for (Reference r : cited) {
                Anchor link = new Anchor(r.url(), r.cite());
                link.setTarget("_blank");
                link.getElement().setAttribute("title", r.full());
                references.add(link, new Span(" "));
            }
            text.add(references);
        }

        sweep = null;
        List<FieldError> errors = new java.util.ArrayList<>();
        Map<String, String> stepKeys = new java.util.LinkedHashMap<>(sweepKeys);
        String predicted = stepKeys.remove(PREDICT);
        prediction = step.prediction() == null ? null : new PredictionPanel(step.prediction(), this::writeLink);
        if (predicted != null) {
            if (prediction == null) {
                errors.add(new FieldError(PREDICT, "only a step that asks for a prediction reads it (this is step " + (index + 1) + ")"));
            } else if (!prediction.select(predicted.strip())) {
                errors.add(new FieldError(PREDICT, (step.prediction().isEstimate() ? "must be a number" : "must be one of "
                        + step.prediction().keys()) + " (got '" + FieldError.abbreviate(predicted) + "')"));
            }
        }
        if (step.kind() == GuideStep.Kind.SWEEP && step.sweep() != null) {
            sweep = new SweepStep(lab, group, start != null ? start : step.runs().get(0), step.sweep());
            errors.addAll(sweep.open(sweep.base(), stepKeys));
            sweep.setOnChange(this::writeLink);
        } else {
            stepKeys.keySet().forEach(k -> errors.add(new FieldError(k, "only a sweep step reads it (this is step " + (index + 1) + ")")));
        }
        stepLinkErrors = List.copyOf(errors);
        PredictionPanel judged = prediction;
        panel.setOnResults(judged == null ? () -> {} : () -> judged.judge(panel.charts()));
        if (sweep != null && judged != null) sweep.setOnDone(judged::judge);
        if (step.kind() == GuideStep.Kind.SPECTRUM || step.kind() == GuideStep.Kind.TWINS || step.kind() == GuideStep.Kind.SEEDS
                || sweep != null) {
            inCharts = sweep != null ? sweep : switch (step.kind()) {
                case SPECTRUM -> new SpectrumPanel(lab, group, step.runs().get(0));
                case TWINS -> new NearbyStartsPanel(lab, group, step.runs());
                default -> new SeedTrial(lab, group, step.runs(), step.runTitles());
            };
            showInCharts(inCharts);
            panel.setConfigs(List.of(), List.of(), 1);
        } else {
            if (inCharts != null) {
                showInCharts(panel);
                inCharts = null;
            }
            List<ExperimentConfig> runs = start != null && step.kind() == GuideStep.Kind.FREE ? List.of(start) : step.runs();
            panel.setConfigs(runs, step.runTitles(), step.columns());
        }
        if (step.kind() == GuideStep.Kind.FREE) {
            ParameterForm form = showForm(exercise, start != null ? start : step.runs().get(0), step.title());
            if (exercise == 1) controls.add(spectrumOfThisNetwork(form));
            if (exercise == 3) controls.add(new SeedTrial(lab, group, form::config));
        } else if (step.kind() == GuideStep.Kind.RUNS) {
            Span summary = new Span("Parameters: " + summarize(step.runs()));
            summary.addClassName("preset-summary");
            controls.add(summary);
        }
        Details answer = new Details("Show the answer", new Paragraph(step.answer()));
        answer.setId("answer");
        if (!step.details().isBlank()) {
            Details more = new Details("Details");
            more.setId("answer-details");
            for (String p : step.details().split("\n\n")) more.add(new Paragraph(p));
            answer.add(more);
        }
        if (prediction != null) {
            Div predict = new Div(new H3("Predict, then run"), prediction);
            predict.addClassName("think");
            controls.add(predict);
        }
        Div think = new Div(new H3("Think about it"), new Paragraph(step.question()), answer);
        think.addClassName("think");
        think.setId("think");
        controls.add(think);
        previous.setEnabled(index > 0);
        next.setEnabled(index < steps.size() - 1);
        writeLink();
    }

    @Override
    protected void startShown() {
        // The spectrum computes as soon as it is shown; the other instruments start as their button would.
        if (inCharts instanceof LiveSweep live) live.start();
        else if (inCharts instanceof NearbyStartsPanel twins) twins.start();
        else if (inCharts == null) super.startShown();
    }

    /** A button that shows the eigenvalues of the form's network (its n, seed and g) in place of the run, and back. */
    private Button spectrumOfThisNetwork(ParameterForm form) {
        Button show = new Button("Eigenvalues of this network", VaadinIcon.SCATTER_CHART.create());
        show.setId("show-spectrum");
        show.addClickListener(e -> {
            if (inCharts != null) {
                showInCharts(panel);
                inCharts = null;
                show.setText("Eigenvalues of this network");
                return;
            }
            form.config().ifPresent(config -> {
                inCharts = new SpectrumPanel(lab, group, config);
                showInCharts(inCharts);
                show.setText("Back to the run");
            });
        });
        return show;
    }

    /** "n = 1000, g = 1.5, seed = 1, ..." with the values that differ between runs joined by "/". */
    static String summarize(List<ExperimentConfig> runs) {
        var first = runs.get(0).values();
        return first.keySet().stream().filter(k -> !k.equals("v") && !k.equals("exercise"))
                .map(k -> k + " = " + runs.stream().map(r -> r.values().get(k)).distinct().collect(Collectors.joining(" / ")))
                .collect(Collectors.joining(", "));
    }
}

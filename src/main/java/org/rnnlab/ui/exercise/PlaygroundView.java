package org.rnnlab.ui.exercise;

import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import java.util.List;
import org.rnnlab.experiment.ExperimentConfig;
import org.rnnlab.experiment.LinkCodec;
import org.rnnlab.ui.CopyLink;
import org.rnnlab.ui.LinkState;
import org.rnnlab.run.LabService;
import org.rnnlab.run.RunGroup;
import org.rnnlab.ui.MainLayout;
import org.rnnlab.ui.run.ParameterForm;
import org.rnnlab.ui.run.RunPanel;

/** Any exercise with every parameter free: for those who finished the guided pages. */
@Route(value = PlaygroundView.ROUTE, layout = MainLayout.class)
@PageTitle("Playground · RNN Lab")
public class PlaygroundView extends Div implements BeforeEnterObserver {
    static final String ROUTE = "playground";

    private final LabService lab;
    private final Div linkMessages = new Div();
    private final RunGroup group = new RunGroup();
    private final RunPanel panel;
    private final Select<Integer> exercise = new Select<>();
    private final Div controls = new Div();
    private ParameterForm form;

    public PlaygroundView(LabService lab) {
        this.lab = lab;
        this.panel = new RunPanel(lab, group);
        addClassName("guided");
        exercise.setLabel("Exercise");
        exercise.setItems(1, 2, 3);
        exercise.setItemLabelGenerator(e -> switch (e) {
            case 1 -> "1 · Transition to chaos";
            case 2 -> "2 · Driven network";
            default -> "3 · FORCE learning";
        });
        exercise.setId("exercise");
        exercise.addValueChangeListener(e -> showExercise(e.getValue()));
        controls.addClassName("step-controls");
        Div charts = new Div(panel);
        charts.addClassName("step-charts");
        Div text = new Div(new Paragraph("Pick an exercise and set any parameter; the fields say what each one accepts."), exercise);
        text.addClassName("step-text");
        Div layout = new Div(text, charts, controls);
        layout.addClassName("step-layout");
        com.vaadin.flow.component.orderedlayout.HorizontalLayout header =
                new com.vaadin.flow.component.orderedlayout.HorizontalLayout(new H1("Playground"), CopyLink.button());
        header.setAlignItems(com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.BASELINE);
        add(header, linkMessages, layout);
        form = new ParameterForm(1, lab.limits(), ExperimentConfig.defaults(1));
        exercise.setValue(1);
    }

    public ParameterForm form() {
        return form;
    }

    public RunPanel runPanel() {
        return panel;
    }

    /** Opens the exercise and parameters of the link; wrong values are listed by key and replaced by defaults. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (LinkState.query(event).isEmpty()) return;
        LinkCodec.Parsed link = LinkState.parse(event, lab.limits());
        linkMessages.removeAll();
        linkMessages.add(LinkState.messages(link.errors()));
        int number = link.config().exercise();
        if (exercise.getValue() != number) exercise.setValue(number);
        form.setConfig(link.config());
        if ("1".equals(link.extras().get("run"))) panel.start();
    }

    private void showExercise(int number) {
        ExperimentConfig start = ExperimentConfig.defaults(number);
        form = new ParameterForm(number, lab.limits(), start);
        ParameterForm f = form;
        f.setOnChange(() -> f.config().ifPresentOrElse(c -> {
            panel.setConfigs(List.of(c), List.of("Exercise " + number), 1);
            panel.setRunnable(true);
            getUI().ifPresent(ui -> ui.beforeClientResponse(this, context -> LinkState.write(ui, ROUTE, c.values())));
        }, () -> panel.setRunnable(false)));
        controls.removeAll();
        controls.add(f);
        panel.setConfigs(List.of(start), List.of("Exercise " + number), 1);
    }

    @Override
    protected void onDetach(DetachEvent event) {
        group.stopAll();
    }
}

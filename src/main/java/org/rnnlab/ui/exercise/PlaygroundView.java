package org.rnnlab.ui.exercise;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import java.util.List;
import org.rnnlab.experiment.ExperimentConfig;
import org.rnnlab.run.LabService;
import org.rnnlab.ui.PageLink;

/** Any exercise with every parameter free: for those who finished the guided pages. */
@Route(PlaygroundView.ROUTE)
@Menu(order = 4, title = "Playground", icon = "vaadin:sliders")
@PageTitle("Playground · RNN Lab")
public class PlaygroundView extends ExperimentPage {
    static final String ROUTE = "playground";

    private final Select<Integer> exercise = new Select<>();
    /** The config a link asked for, shown when its exercise is selected (then forgotten). */
    private ExperimentConfig start = ExperimentConfig.defaults(1);

    public PlaygroundView(LabService lab) {
        super(lab, ROUTE, "Playground");
        exercise.setLabel("Exercise");
        exercise.setItems(1, 2, 3);
        exercise.setItemLabelGenerator(e -> switch (e) {
            case 1 -> "1 · Transition to chaos";
            case 2 -> "2 · Driven network";
            default -> "3 · FORCE learning";
        });
        exercise.setId("exercise");
        exercise.addValueChangeListener(e -> showExercise(e.getValue()));
        text.add(new Paragraph("Pick an exercise and set any parameter; the fields say what each one accepts."), exercise);
        exercise.setValue(1);
    }

    @Override
    protected int exercise() {
        return 0;
    }

    @Override
    protected void show(PageLink link) {
        ExperimentConfig config = link.config();
        if (config == null) return;
        start = config;
        if (exercise.getValue() != config.exercise()) exercise.setValue(config.exercise());
        else showExercise(config.exercise());
    }

    private void showExercise(int number) {
        ExperimentConfig config = start.exercise() == number ? start : ExperimentConfig.defaults(number);
        start = ExperimentConfig.defaults(1);
        controls.removeAll();
        panel.setConfigs(List.of(config), List.of("Exercise " + number), 1);
        showForm(number, config, "Exercise " + number);
        writeLink();
    }
}

package org.rnnlab.ui.exercise;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.rnnlab.ui.run.RunCharts;

/**
 * A step's prediction: the choices as a radio group (a labelled group a keyboard and a screen reader move through),
 * and, once the step's run is measured, the comparison in a status region that a screen reader announces.
 */
final class PredictionPanel extends Div {
    private final Prediction prediction;
    private final RadioButtonGroup<Prediction.Choice> choices = new RadioButtonGroup<>();
    private final Span feedback = new Span();

    PredictionPanel(Prediction prediction, Runnable onChange) {
        this.prediction = prediction;
        addClassName("prediction");
        setId("prediction");
        choices.setLabel(prediction.question());
        choices.setItems(prediction.choices());
        choices.setItemLabelGenerator(Prediction.Choice::label);
        choices.setId("prediction-choices");
        choices.addValueChangeListener(e -> {
            feedback.setText("");
            if (e.isFromClient()) onChange.run();
        });
        feedback.setId("prediction-feedback");
        feedback.getElement().setAttribute("role", "status");
        feedback.addClassName("prediction-feedback");
        add(choices, feedback);
    }

    /** Selects the choice of {@code key} (from a link); false when the step has no such choice. */
    boolean select(String key) {
        Prediction.Choice c = prediction.choice(key);
        if (c == null) return false;
        choices.setValue(c);
        return true;
    }

    /** The chosen key, or null. */
    @Nullable String selectedKey() {
        Prediction.Choice c = choices.getValue();
        return c == null ? null : c.key();
    }

    /** Compares the choice with the run the prediction names, once it is measured; nothing before. */
    void judge(List<RunCharts> charts) {
        if (prediction.run() >= charts.size()) return;
        RunCharts chart = charts.get(prediction.run());
        boolean measured = chart.config().isForce() ? !Double.isNaN(chart.testRmse()) : chart.lyapunov() != null;
        if (measured) feedback.setText(prediction.feedback(choices.getValue(), chart));
    }

    String feedbackText() {
        return feedback.getText();
    }
}

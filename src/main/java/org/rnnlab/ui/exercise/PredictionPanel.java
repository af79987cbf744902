package org.rnnlab.ui.exercise;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.rnnlab.experiment.Sweep;
import org.rnnlab.ui.run.RunCharts;

/**
 * A step's prediction: the choices as a radio group (a labelled group a keyboard and a screen reader move through), or
 * a number field for an estimate; once the step's run or sweep is measured, the comparison in a status region that a
 * screen reader announces.
 */
final class PredictionPanel extends Div {
    private final Prediction prediction;
    private final RadioButtonGroup<Prediction.Choice> choices = new RadioButtonGroup<>();
    private final TextField estimate = new TextField();
    private final Span feedback = new Span();

    PredictionPanel(Prediction prediction, Runnable onChange) {
        this.prediction = prediction;
        addClassName("prediction");
        setId("prediction");
        Component input;
        if (prediction.isEstimate()) {
            estimate.setLabel(prediction.question());
            estimate.setId("prediction-estimate");
            estimate.setHelperText("a number, per unit time");
            estimate.setValueChangeMode(ValueChangeMode.LAZY);
            estimate.addValueChangeListener(e -> {
                feedback.setText("");
                boolean bad = !e.getValue().isBlank() && Double.isNaN(Prediction.parseEstimate(e.getValue()));
                estimate.setInvalid(bad);
                estimate.setErrorMessage(bad ? "Your estimate must be a number, e.g. 0.1 or −0.2" : null);
                if (e.isFromClient()) onChange.run();
            });
            input = estimate;
        } else {
            choices.setLabel(prediction.question());
            choices.setItems(prediction.choices());
            choices.setItemLabelGenerator(Prediction.Choice::label);
            choices.setId("prediction-choices");
            choices.addValueChangeListener(e -> {
                feedback.setText("");
                if (e.isFromClient()) onChange.run();
            });
            input = choices;
        }
        feedback.setId("prediction-feedback");
        feedback.getElement().setAttribute("role", "status");
        feedback.addClassName("prediction-feedback");
        add(input, feedback);
    }

    /** Shows {@code key} (from a link): a choice's key, or an estimate's number; false when the step takes no such value. */
    boolean select(String key) {
        if (prediction.isEstimate()) {
            if (Double.isNaN(Prediction.parseEstimate(key))) return false;
            estimate.setValue(key);
            return true;
        }
        Prediction.Choice c = prediction.choice(key);
        if (c == null) return false;
        choices.setValue(c);
        return true;
    }

    /** What the link keeps: the chosen key, or the estimate as typed (when it is a number); null for none. */
    @Nullable String selectedKey() {
        if (prediction.isEstimate()) return Double.isNaN(Prediction.parseEstimate(estimate.getValue())) ? null : estimate.getValue().strip();
        Prediction.Choice c = choices.getValue();
        return c == null ? null : c.key();
    }

    /** Compares the choice with the run the prediction names, once it is measured; nothing before. */
    void judge(List<RunCharts> charts) {
        if (prediction.isEstimate() || prediction.run() >= charts.size()) return;
        RunCharts chart = charts.get(prediction.run());
        if (Prediction.isMeasured(chart)) feedback.setText(prediction.feedback(choices.getValue(), chart));
    }

    /** Compares the prediction with a finished sweep of the step. */
    void judge(Sweep sweep, List<Sweep.Row> rows) {
        if (prediction.isEstimate()) {
            feedback.setText(Double.isNaN(Prediction.parseEstimate(estimate.getValue()))
                    ? "Type an estimate before the next sweep: then the page compares it with the sweep."
                    : prediction.feedback(estimate.getValue(), sweep, rows));
        } else {
            feedback.setText(prediction.feedback(choices.getValue(), sweep, rows));
        }
    }
}

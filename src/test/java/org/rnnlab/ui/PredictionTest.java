package org.rnnlab.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.rnnlab.ui.exercise.ChaosView;
import org.rnnlab.ui.exercise.GuidedExerciseView;

/** Predict, run, compare: the student commits first, the page judges the choice by their run, the choice is in the link. */
class PredictionTest extends KaribuSupport {

    GuidedExerciseView open(String query) {
        return open(new ChaosView(lab), query);
    }

    static String feedback() {
        return _get(Span.class, spec -> spec.withId("prediction-feedback")).getText();
    }

    @SuppressWarnings("unchecked")
    static RadioButtonGroup<Object> choices() {
        return _get(RadioButtonGroup.class, spec -> spec.withId("prediction-choices"));
    }


    @Test
    void aPredictionIsJudgedByTheStudentsOwnRun() {
        // g = 0.5: a wrong prediction, from the link; the run measures λ < 0 by more than two standard errors.
        GuidedExerciseView view = open("step=2&predict=fluctuates&n=300&run=1");
        assertThat(choices().getLabel()).isEqualTo("Before you press Run: will the activity decay to rest, or keep fluctuating?");
        assertThat(view.linkValues()).containsEntry("predict", "fluctuates");
        awaitUi(() -> !feedback().isEmpty(), Duration.ofSeconds(60));
        assertThat(feedback()).startsWith("You said: it keeps fluctuating (chaos). Your run measured λ = −0.")
                .endsWith(": it decays to rest. Not what you predicted; compare with the answer below.");
        // The status region is announced by a screen reader.
        assertThat(_get(Span.class, spec -> spec.withId("prediction-feedback")).getElement().getAttribute("role")).isEqualTo("status");
        // A new choice clears the old verdict and goes into the link.
        KaribuSupport._setValue(choices(), choices().getListDataView().getItem(0));
        assertThat(feedback()).isEmpty();
        assertThat(view.linkValues()).containsEntry("predict", "decays");
    }

    @Test
    void aWrongPredictionKeyIsNamedAndTheStepStillOpens() {
        open("step=2&predict=maybe");
        assertThat(linkMessages()).contains("predict: must be one of decays, fluctuates (got 'maybe')");
        assertThat(choices().getValue()).isNull();
        UI.getCurrent().removeAll();
        open("step=3&predict=decays");
        assertThat(linkMessages()).contains("predict: only a step that asks for a prediction reads it (this is step 3)");
    }

    @Test
    void anEstimateIsComparedWithTheSweepsMeanAndKeptInTheLink() {
        GuidedExerciseView view = open("step=8&n=40&tmax=60&vary.g=1:2:2&seeds=2&predict=0.1&run=1");
        com.vaadin.flow.component.textfield.TextField estimate = _get(com.vaadin.flow.component.textfield.TextField.class,
                spec -> spec.withId("prediction-estimate"));
        assertThat(estimate.getLabel()).isEqualTo("Before you run: estimate λ at g = 2.");
        assertThat(estimate.getValue()).isEqualTo("0.1");
        assertThat(view.linkValues()).containsEntry("predict", "0.1");
        awaitUi(() -> !feedback().isEmpty(), Duration.ofSeconds(60));
        assertThat(feedback()).startsWith("You estimated λ = 0.1 at g = 2. Your sweep measured ").contains("(mean of 2 networks)");
        // Text in the number field is named, and the link keeps no estimate.
        KaribuSupport._setValue(estimate, "a lot");
        assertThat(estimate.isInvalid()).isTrue();
        assertThat(estimate.getErrorMessage()).isEqualTo("Your estimate must be a number, e.g. 0.1 or −0.2");
        assertThat(view.linkValues()).doesNotContainKey("predict");
        UI.getCurrent().removeAll();
        open("step=8&predict=lots");
        assertThat(linkMessages()).contains("predict: must be a number (got 'lots')");
    }
}

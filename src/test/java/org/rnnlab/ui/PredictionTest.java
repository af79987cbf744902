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
}

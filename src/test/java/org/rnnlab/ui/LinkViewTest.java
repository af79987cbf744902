package org.rnnlab.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.rnnlab.ui.exercise.ChaosView;
import org.rnnlab.ui.exercise.ForceView;
import org.rnnlab.ui.exercise.GuidedExerciseView;
import org.rnnlab.ui.exercise.PlaygroundView;

/** Opening links: the page shows the link's step and values, and names what was wrong. */
class LinkViewTest extends KaribuSupport {

    GuidedExerciseView openForce(String query) {
        return open(new ForceView(lab), query);
    }

    @Test
    void aLinkOpensItsStepWithItsValuesAndLocks() {
        GuidedExerciseView view = openForce("v=1&exercise=3&n=300&g=1.2&seed=9&tmax=400&plot=10&mode=continuous&alpha=1&train=200&target=square&lock=n,g");
        assertThat(view.currentStep()).isEqualTo(4); // the free step
        assertThat(view.runPanel().charts().get(0).config().n()).isEqualTo(300);
        assertThat(view.runPanel().charts().get(0).config().target().key()).isEqualTo("square");
        assertThat(_get(TextField.class, spec -> spec.withId("param-n")).isReadOnly()).isTrue();
        assertThat(_get(TextField.class, spec -> spec.withId("param-seed")).isReadOnly()).isFalse();
        assertThat(_find(Div.class, spec -> spec.withId("link-messages"))).isEmpty();
    }

    @Test
    void aBrokenLinkOpensWithDefaultsAndNamesEachBadKey() {
        GuidedExerciseView view = openForce("n=1000000&g=%3Cscript%3Ealert(1)%3C%2Fscript%3E&step=9&colour=red");
        Div messages = _get(Div.class, spec -> spec.withId("link-messages"));
        assertThat(messages.isVisible()).isTrue();
        String text = messages.getElement().getTextRecursively();
        assertThat(text).contains("n: must be a whole number from 1 to 2000 (got '1000000')");
        assertThat(text).contains("g: must be a number from 0 to 10 (got '<script>alert(1)</scr...')");
        assertThat(text).contains("step: must be a whole number from 1 to 7");
        assertThat(text).contains("colour: is not a key of exercise 3");
        assertThat(view.runPanel().charts().get(0).config().n()).isEqualTo(1000);
    }

    @Test
    void runOneStartsAtOnce() {
        GuidedExerciseView view = openForce("step=1&run=1");
        assertThat(view.currentStep()).isZero();
        assertThat(view.runPanel().runs()).hasSize(1);
        awaitUi(() -> view.runPanel().statusText().startsWith("Done"), Duration.ofSeconds(60));
    }

    @Test
    void thePlaygroundReadsLinksAsTheGuidedPagesDo() {
        PlaygroundView view = new PlaygroundView(lab);
        UI.getCurrent().add(view);
        view.openLink("exercise=2&n=300&a=5&omega=1&lock=a&run=yes&step=2", UI.getCurrent());
        assertThat(view.runPanel().charts()).singleElement().satisfies(c -> {
            assertThat(c.config().exercise()).isEqualTo(2);
            assertThat(c.config().amplitude()).isEqualTo(5);
        });
        assertThat(_get(TextField.class, spec -> spec.withId("param-a")).isReadOnly()).isTrue();
        String text = _get(Div.class, spec -> spec.withId("link-messages")).getElement().getTextRecursively();
        assertThat(text).contains("run: must be 1 (start at once) or 0");
        assertThat(text).contains("step: is not a key of exercise 2");
        assertThat(view.runPanel().runs()).isEmpty();
    }

    @Test
    void publishedStepNumbersKeepTheirMeaningWhenStepsAreAdded() {
        // Exercise 1 gained a seventh step after "Explore": links to step 6 and links with parameters still open Explore.
        ChaosView view = new ChaosView(lab);
        UI.getCurrent().add(view);
        view.openLink("step=6", UI.getCurrent());
        assertThat(view.currentStep()).isEqualTo(5);
        assertThat(view.form()).isNotNull();
        view.openLink("g=1.3&seed=4", UI.getCurrent());
        assertThat(view.currentStep()).isEqualTo(5);
        assertThat(view.runPanel().charts().get(0).config().g()).isEqualTo(1.3);
    }
}

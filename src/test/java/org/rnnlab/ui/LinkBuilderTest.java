package org.rnnlab.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.rnnlab.ui.exercise.ForceView;

class LinkBuilderTest extends KaribuSupport {

    @Test
    @SuppressWarnings("unchecked")
    void anInstructorsLinkOpensTheStepWithTheLockedValues() {
        LinkBuilder builder = new LinkBuilder(lab.limits());
        UI.getCurrent().add(builder);
        _setValue(_get(Select.class, spec -> spec.withId("builder-exercise")), 3);
        _setValue(_get(TextField.class, spec -> spec.withId("param-n")), "500");
        _setValue(_get(TextField.class, spec -> spec.withId("param-train")), "250");
        _setValue((CheckboxGroup<String>) _get(CheckboxGroup.class, spec -> spec.withId("builder-locks")), Set.of("n", "train"));
        String link = builder.link();
        assertThat(link).contains("/exercise-3?v=1&exercise=3&n=500&").contains("&train=250&").endsWith("&step=5&lock=n,train");

        UI.getCurrent().removeAll();
        ForceView view = new ForceView(lab);
        UI.getCurrent().add(view);
        view.openLink(link.substring(link.indexOf('?') + 1), UI.getCurrent());
        assertThat(view.currentStep()).isEqualTo(4);
        TextField n = _get(TextField.class, spec -> spec.withId("param-n"));
        assertThat(n.getValue()).isEqualTo("500");
        assertThat(n.isReadOnly()).isTrue();
        assertThat(_get(TextField.class, spec -> spec.withId("param-g")).isReadOnly()).isFalse();
        assertThat(view.runPanel().charts().get(0).config().train()).isEqualTo(250);
    }

    @Test
    void aPresetStepLinksToItsStepOnly() {
        LinkBuilder builder = new LinkBuilder(lab.limits());
        UI.getCurrent().add(builder);
        _setValue(_get(Select.class, spec -> spec.withId("builder-exercise")), 2);
        _setValue(_get(Select.class, spec -> spec.withId("builder-step")), 2);
        assertThat(builder.link()).endsWith("/exercise-2?v=1&step=2");
    }
}

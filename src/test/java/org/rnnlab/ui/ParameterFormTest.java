package org.rnnlab.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.Test;
import org.rnnlab.ui.exercise.PlaygroundView;

class ParameterFormTest extends KaribuSupport {

    @Test
    void textInANumberFieldNamesTheFieldKeepsTheTextAndBlocksRun() {
        PlaygroundView view = new PlaygroundView(lab);
        UI.getCurrent().add(view);
        TextField n = _get(TextField.class, spec -> spec.withId("param-n"));
        TextField g = _get(TextField.class, spec -> spec.withId("param-g"));
        _setValue(g, "1.2");
        _setValue(n, "abc");
        assertThat(n.isInvalid()).isTrue();
        assertThat(n.getErrorMessage()).isEqualTo("Neurons n must be a whole number from 1 to 2000 (got 'abc')");
        assertThat(n.getValue()).isEqualTo("abc");
        assertThat(g.getValue()).isEqualTo("1.2");
        assertThat(g.isInvalid()).isFalse();
        assertThat(_get(Button.class, spec -> spec.withId("run")).isEnabled()).isFalse();

        _setValue(n, "300");
        assertThat(n.isInvalid()).isFalse();
        assertThat(_get(Button.class, spec -> spec.withId("run")).isEnabled()).isTrue();
        assertThat(view.runPanel().charts().get(0).config().n()).isEqualTo(300);
        assertThat(view.runPanel().charts().get(0).config().g()).isEqualTo(1.2);
    }

    @Test
    void anAbsurdSizeIsRefusedWithTheLimit() {
        PlaygroundView view = new PlaygroundView(lab);
        UI.getCurrent().add(view);
        TextField n = _get(TextField.class, spec -> spec.withId("param-n"));
        _setValue(n, "100000000");
        assertThat(n.getErrorMessage()).contains("from 1 to 2000");
        assertThat(view.form().config()).isEmpty();
    }
}

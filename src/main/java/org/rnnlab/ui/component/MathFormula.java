package org.rnnlab.ui.component;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;

/** A TeX formula rendered by KaTeX in the browser ({@code <rnn-math>}, frontend/components/rnn-math.ts). */
@Tag("rnn-math")
@NpmPackage(value = "katex", version = "0.16.22")
@JsModule("./components/rnn-math.ts")
public class MathFormula extends Component {
    public MathFormula(String tex, boolean display) {
        getElement().setAttribute("tex", tex);
        if (display) getElement().setAttribute("display", "");
    }

    public static MathFormula display(String tex) {
        return new MathFormula(tex, true);
    }

    public static MathFormula inline(String tex) {
        return new MathFormula(tex, false);
    }
}

package org.rnnlab.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rnnlab.experiment.ExperimentConfig;
import org.rnnlab.experiment.Limits;
import org.rnnlab.experiment.LinkCodec;
import org.rnnlab.experiment.ParamSpec;
import org.rnnlab.experiment.Schema;
import org.rnnlab.ui.exercise.GuideStep;
import org.rnnlab.ui.exercise.Guides;
import org.rnnlab.ui.run.ParameterForm;

/**
 * For an assignment: pick an exercise and a step, set the parameters of the open step, lock the ones students
 * must keep, and hand out the link. The link is built by the same codec the pages read it with.
 */
public class LinkBuilder extends Div {
    private final Limits limits;
    private final Select<Integer> exercise = new Select<>();
    private final Select<Integer> step = new Select<>();
    private final Div formHolder = new Div();
    private final CheckboxGroup<String> locks = new CheckboxGroup<>();
    private final Checkbox runAtOnce = new Checkbox("Start the run when the link opens (run=1)");
    private final TextField link = new TextField("Link");
    private final Anchor open = new Anchor("", "Open this link");
    private ParameterForm form;
    private String base = "";

    public LinkBuilder(Limits limits) {
        this.limits = limits;
        addClassName("link-builder");
        exercise.setLabel("Exercise");
        exercise.setItems(1, 2, 3);
        exercise.setId("builder-exercise");
        step.setLabel("Step");
        step.setId("builder-step");
        locks.setLabel("Lock (students see these but cannot change them)");
        locks.setId("builder-locks");
        link.setReadOnly(true);
        link.setWidthFull();
        link.setId("builder-link");
        open.setId("builder-open");
        open.setTarget("_blank");
        form = new ParameterForm(1, limits, ExperimentConfig.defaults(1));
        exercise.addValueChangeListener(e -> showExercise(e.getValue()));
        step.addValueChangeListener(e -> update());
        locks.addValueChangeListener(e -> update());
        runAtOnce.addValueChangeListener(e -> update());
        add(exercise, step, formHolder, locks, runAtOnce, link, open);
        addAttachListener(e -> e.getUI().getPage().fetchCurrentURL(url -> {
            base = url.getProtocol() + "://" + url.getAuthority();
            update();
        }));
        exercise.setValue(1);
    }

    private void showExercise(int number) {
        List<GuideStep> steps = Guides.steps(number);
        step.setItems(java.util.stream.IntStream.rangeClosed(1, steps.size()).boxed().toList());
        step.setItemLabelGenerator(i -> i + ". " + steps.get(i - 1).title());
        int free = Guides.freeStep(steps);
        form = new ParameterForm(number, limits, steps.get(free).runs().get(0));
        form.setOnChange(this::update);
        formHolder.removeAll();
        formHolder.add(form);
        locks.setItems(Schema.specs(number, limits).stream().map(ParamSpec::key).toList());
        step.setValue(free + 1);
    }

    private void update() {
        Integer number = exercise.getValue();
        Integer s = step.getValue();
        if (number == null || s == null) return;
        // The free step need not be the last (steps added later go after it).
        boolean free = s - 1 == Guides.freeStep(Guides.steps(number));
        formHolder.setVisible(free);
        locks.setVisible(free);
        Map<String, String> values = new LinkedHashMap<>();
        if (free) {
            var config = form.config();
            if (config.isEmpty()) {
                link.setValue("");
                link.setInvalid(true);
                link.setErrorMessage("Fix the parameters above first.");
                return;
            }
            values.putAll(config.get().values());
        } else {
            values.put("v", Integer.toString(LinkCodec.VERSION));
        }
        values.put("step", Integer.toString(s));
        if (free && !locks.getValue().isEmpty()) {
            values.put("lock", String.join(",", locks.getValue().stream().sorted().toList()));
        }
        if (runAtOnce.getValue()) values.put("run", "1");
        String path = "/" + Guides.route(number) + "?" + LinkCodec.format(values);
        link.setInvalid(false);
        link.setValue(base + path);
        open.setHref(path);
    }

    /** The link as shown (for tests). */
    public String link() {
        return link.getValue();
    }

    public ParameterForm form() {
        return form;
    }
}

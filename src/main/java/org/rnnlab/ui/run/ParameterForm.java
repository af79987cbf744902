package org.rnnlab.ui.run;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.rnnlab.experiment.ExperimentConfig;
import org.rnnlab.experiment.FieldError;
import org.rnnlab.experiment.Limits;
import org.rnnlab.experiment.LinkCodec;
import org.rnnlab.experiment.ParamSpec;
import org.rnnlab.experiment.Schema;

/**
 * A field per parameter of an exercise, built from {@link Schema}. Every change is checked by the same codec
 * that reads links, so a wrong value shows the same message as a wrong link, under its field, and the text the
 * user typed stays as it is. {@link #config()} is empty while any field is wrong.
 */
public class ParameterForm extends FormLayout {
    private final int exercise;
    private final Limits limits;
    private final Map<String, Component> fields = new LinkedHashMap<>();
    private final Map<String, ParamSpec> specs = new LinkedHashMap<>();
    private Runnable onChange = () -> {};
    /** What the fields say, as the codec read it at the last edit: the form's one source of truth. */
    private LinkCodec.Parsed parsed;
    /** Set while {@link #setConfig} fills the fields: their change events wait for the one reading at the end. */
    private boolean loading;

    public ParameterForm(int exercise, Limits limits, ExperimentConfig initial) {
        this.exercise = exercise;
        this.limits = limits;
        addClassName("parameter-form");
        setResponsiveSteps(new ResponsiveStep("0", 2));
        for (ParamSpec spec : Schema.specs(exercise, limits)) {
            Component field = spec.kind() == ParamSpec.Kind.CHOICE ? choice(spec) : text(spec);
            field.setId("param-" + spec.key());
            fields.put(spec.key(), field);
            specs.put(spec.key(), spec);
            add(field);
        }
        setConfig(initial);
    }

    private TextField text(ParamSpec spec) {
        TextField field = new TextField(spec.label());
        // Our codec is the judge of a value; the browser's own check would clear our message on blur.
        field.setManualValidation(true);
        field.setHelperText(spec.help());
        field.setValueChangeMode(ValueChangeMode.LAZY);
        field.addValueChangeListener(e -> {
            if (!loading) validate();
        });
        return field;
    }

    /** A select of a choice key, labelled and explained as the schema says (the form's and a sweep step's). */
    static Select<String> select(ParamSpec spec) {
        Select<String> field = new Select<>();
        field.setManualValidation(true);
        field.setLabel(spec.label());
        field.setHelperText(spec.help());
        field.setItems(spec.choices());
        return field;
    }

    private Select<String> choice(ParamSpec spec) {
        Select<String> field = select(spec);
        field.addValueChangeListener(e -> {
            if (!loading) validate();
        });
        return field;
    }

    public void setOnChange(Runnable onChange) {
        this.onChange = onChange;
    }

    /** Shows {@code config}'s values (clears every error), read once when all fields hold them. */
    public void setConfig(ExperimentConfig config) {
        Map<String, String> values = config.values();
        // Each field's change would read the form (and rebuild the page's charts) with the fields half set.
        loading = true;
        try {
            // An optional choice at its default is absent from the link; its select shows that default.
            fields.forEach((key, field) -> setValue(field, values.getOrDefault(key,
                    field instanceof Select<?> ? specs.get(key).choices().get(0) : "")));
        } finally {
            loading = false;
        }
        validate();
    }

    /** Locks or unlocks a field (the user sees its value but cannot change it). */
    public void setLocked(String key, boolean locked) {
        Component field = fields.get(key);
        if (field instanceof TextField t) t.setReadOnly(locked);
        if (field instanceof Select<?> s) s.setReadOnly(locked);
    }

    /** The field of a link key, for tests and focus. */
    public Component field(String key) {
        return fields.get(key);
    }

    /** The text of every field, keyed like a link. */
    public Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("v", Integer.toString(LinkCodec.VERSION));
        values.put("exercise", Integer.toString(exercise));
        fields.forEach((key, field) -> values.put(key, getValue(field)));
        return values;
    }

    /** The config, when every field holds an allowed value (read once per edit, by the link codec). */
    public Optional<ExperimentConfig> config() {
        return parsed.isValid() ? Optional.of(parsed.config()) : Optional.empty();
    }

    /** Checks all fields and marks the wrong ones with their message. */
    public List<FieldError> validate() {
        parsed = LinkCodec.parse(LinkCodec.format(values()), limits, Set.of());
        fields.forEach((key, field) -> {
            String message = parsed.errors().stream().filter(e -> e.field().equals(key)).map(FieldError::message)
                    .findFirst().orElse(null);
            if (field instanceof TextField t) {
                t.setInvalid(message != null);
                t.setErrorMessage(message == null ? null : t.getLabel() + " " + message);
            } else if (field instanceof Select<?> s) {
                s.setInvalid(message != null);
                s.setErrorMessage(message == null ? null : s.getLabel() + " " + message);
            }
        });
        onChange.run();
        return parsed.errors();
    }

    private static void setValue(Component field, String value) {
        if (field instanceof TextField t) t.setValue(value);
        else if (field instanceof Select<?> s) ((Select<String>) s).setValue(value);
    }

    private static String getValue(Component field) {
        if (field instanceof TextField t) return t.getValue();
        if (field instanceof Select<?> s) return s.getValue() == null ? "" : s.getValue().toString();
        return "";
    }
}

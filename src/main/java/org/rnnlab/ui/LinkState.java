package org.rnnlab.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEnterEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rnnlab.experiment.FieldError;
import org.rnnlab.experiment.Limits;
import org.rnnlab.experiment.LinkCodec;

/**
 * A page's configuration in its URL: read when the page opens, written back (without a new history entry)
 * as the user changes it. Wrong parts of a link are reported by key, as text (never as HTML).
 */
public final class LinkState {
    /**
     * Keys of the pages themselves, beside the run's config: start at once, locked fields, pinned runs (see
     * {@link org.rnnlab.ui.run.PinnedRuns}), and on a guided page its step.
     */
    public static final Set<String> PAGE_KEYS = Set.of("run", "lock", "pin1", "pin2", "pin3");
    public static final Set<String> GUIDED_PAGE_KEYS = Set.of("step", "run", "lock", "pin1", "pin2", "pin3");

    private LinkState() {}

    /** The query string of the page being entered (decoded pairs, re-encoded). */
    public static String query(BeforeEnterEvent event) {
        Map<String, String> pairs = new LinkedHashMap<>();
        event.getLocation().getQueryParameters().getParameters().forEach((k, v) -> pairs.put(k, v.isEmpty() ? "" : v.get(0)));
        return LinkCodec.format(pairs);
    }

    /** The keys a query string names (decoded). */
    public static Set<String> keys(String query) {
        Set<String> keys = new java.util.HashSet<>();
        for (String piece : query.replaceFirst("^\\?", "").split("&")) {
            String key = piece.split("=", 2)[0];
            try {
                keys.add(java.net.URLDecoder.decode(key, java.nio.charset.StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                // broken encoding: the codec reports it
            }
        }
        return keys;
    }

    /** Shows {@code values} in the address bar of {@code ui} under {@code route}, replacing the current entry. */
    public static void write(UI ui, String route, Map<String, String> values) {
        // As a string: Vaadin's QueryParameters would lose the schema's key order. In a timeout, as Flow's own history
        // updates are (Flow 25 sets the address of a navigation that way): queued after the router's, ours stays.
        ui.getPage().executeJs("setTimeout(() => history.replaceState(history.state, '', $0))",
                route + "?" + LinkCodec.format(values));
    }

    /**
     * The fields a link locks ({@code lock=n,g}): students see them but cannot change them. A key that is not
     * a parameter of the exercise is reported in {@code errors} and ignored.
     */
    public static Set<String> locks(Map<String, String> extras, int exercise, Limits limits, List<FieldError> errors) {
        String lock = extras.get("lock");
        if (lock == null || lock.isBlank()) return Set.of();
        Set<String> keys = new java.util.LinkedHashSet<>();
        List<String> allowed = org.rnnlab.experiment.Schema.specs(exercise, limits).stream()
                .map(org.rnnlab.experiment.ParamSpec::key).toList();
        for (String key : lock.split(",")) {
            String k = key.strip();
            if (allowed.contains(k)) keys.add(k);
            else if (!k.isEmpty()) errors.add(new FieldError("lock", "'" + FieldError.abbreviate(k)
                    + "' is not a parameter of exercise " + exercise + "; allowed: " + String.join(", ", allowed)));
        }
        return keys;
    }

    /** A box listing what was wrong with the link, or an empty, hidden one. */
    public static Component messages(List<FieldError> errors) {
        Div box = new Div();
        box.addClassName("link-messages");
        box.setId("link-messages");
        box.getElement().setAttribute("role", "alert");
        box.setVisible(!errors.isEmpty());
        if (!errors.isEmpty()) {
            box.add(new Span("This link had values that could not be used; defaults are shown instead:"));
            for (FieldError e : errors) {
                Div line = new Div();
                line.setText(e.field() + ": " + e.message());
                box.add(line);
            }
        }
        return box;
    }
}

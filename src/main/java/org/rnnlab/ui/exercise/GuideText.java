package org.rnnlab.ui.exercise;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of a guided exercise, read from its content file {@code guides/exercise-N.md} (a teacher reads and edits
 * them there, not in Java): per step its title, the paragraphs shown before the run, the question, the answer, the
 * details folded under it and the prediction's question. A number written {@code {name}} is looked up in
 * {@code guides/numbers.properties}, whose values {@code GuideNumbersTest} computes at the steps' settings, so the text
 * and the test cannot drift. The structure (equations, runs, instruments) stays in the exercise's view.
 *
 * <p>A file in another language would sit beside it ({@code exercise-1.de.md}); the loader takes a name, not a language.
 */
public final class GuideText {
    private static final Pattern HEADING = Pattern.compile("^## (.+?) \\{#([a-z0-9-]+)}\\s*$");
    private static final Pattern NUMBER = Pattern.compile("\\{([a-zA-Z0-9_.-]+)}");
    private static final Properties NUMBERS = load("guides/numbers.properties");

    /** The words of one step. {@code predict} is empty when the step asks for no prediction. */
    public record Step(String id, String title, List<String> paragraphs, String question, String answer, String details, String predict) {
        public Step {
            paragraphs = List.copyOf(paragraphs);
        }
    }

    private final Map<String, Step> steps;

    private GuideText(Map<String, Step> steps) {
        this.steps = steps;
    }

    private static final Map<Integer, GuideText> READ = new java.util.concurrent.ConcurrentHashMap<>();

    /** Exercise {@code exercise}'s text ({@code guides/exercise-N.md}), read once: every page of it shows the same words. */
    public static GuideText of(int exercise) {
        return READ.computeIfAbsent(exercise, e -> parse("guides/exercise-" + e + ".md", read("guides/exercise-" + e + ".md")));
    }

    /** The step with {@code id}. */
    public Step step(String id) {
        Step s = steps.get(id);
        if (s == null) throw new IllegalArgumentException("no step {#" + id + "} in the guide's text; it has " + steps.keySet());
        return s;
    }

    /** Every step of the file, in its order. */
    public List<Step> steps() {
        return List.copyOf(steps.values());
    }

    /** Every named number of the guides ({@code numbers.properties}). */
    public static java.util.Set<String> numberNames() {
        return NUMBERS.stringPropertyNames();
    }

    /** A named number of the guides ({@code numbers.properties}), as the text shows it. */
    public static String number(String name) {
        String v = NUMBERS.getProperty(name);
        if (v == null) throw new IllegalArgumentException("no number '" + name + "' in guides/numbers.properties");
        return v;
    }

    static GuideText parse(String file, String text) {
        Map<String, Step> steps = new LinkedHashMap<>();
        String id = null, title = null, section = "";
        Map<String, List<String>> parts = new LinkedHashMap<>();
        StringBuilder paragraph = new StringBuilder();
        // Drop the leading comment: it tells the editor how the file works.
        String body = text.replaceFirst("(?s)^\\s*<!--.*?-->", "");
        List<String> lines = new ArrayList<>(List.of(body.split("\n", -1)));
        lines.add("## end {#end}");
        for (String raw : lines) {
            String line = raw.strip();
            Matcher heading = HEADING.matcher(line);
            boolean sub = line.startsWith("### ");
            if (line.isEmpty() || heading.matches() || sub) {
                if (!paragraph.isEmpty()) {
                    if (id == null) throw new IllegalArgumentException(file + ": text before the first step");
                    parts.computeIfAbsent(section, k -> new ArrayList<>()).add(numbers(file, paragraph.toString()));
                    paragraph.setLength(0);
                }
            }
            if (heading.matches()) {
                if (id != null) steps.put(id, step(file, id, title, parts));
                title = heading.group(1);
                id = heading.group(2);
                section = "";
                parts = new LinkedHashMap<>();
                if (steps.containsKey(id)) throw new IllegalArgumentException(file + ": step {#" + id + "} twice");
            } else if (sub) {
                section = line.substring(4).strip();
                if (!List.of("Question", "Answer", "Details", "Predict").contains(section)) {
                    throw new IllegalArgumentException(file + ": unknown section '### " + section + "' in step {#" + id + "}");
                }
            } else if (!line.isEmpty()) {
                if (!paragraph.isEmpty()) paragraph.append(' ');
                paragraph.append(line);
            }
        }
        return new GuideText(steps);
    }

    private static Step step(String file, String id, String title, Map<String, List<String>> parts) {
        for (String required : List.of("", "Question", "Answer")) {
            if (!parts.containsKey(required)) {
                throw new IllegalArgumentException(file + ": step {#" + id + "} has no " + (required.isEmpty() ? "text" : required));
            }
        }
        return new Step(id, title, parts.get(""), String.join(" ", parts.get("Question")), String.join(" ", parts.get("Answer")),
                String.join("\n\n", parts.getOrDefault("Details", List.of())), String.join(" ", parts.getOrDefault("Predict", List.of())));
    }

    /** {@code text} with each {@code {name}} replaced by its number. */
    private static String numbers(String file, String text) {
        Matcher m = NUMBER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = NUMBERS.getProperty(m.group(1));
            if (v == null) throw new IllegalArgumentException(file + ": no number '" + m.group(1) + "' in guides/numbers.properties");
            m.appendReplacement(out, Matcher.quoteReplacement(v));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String read(String resource) {
        try (InputStream in = GuideText.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing resource " + resource);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Properties load(String resource) {
        Properties p = new Properties();
        try {
            p.load(new java.io.StringReader(read(resource)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}

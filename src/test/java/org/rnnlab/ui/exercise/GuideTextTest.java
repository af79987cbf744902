package org.rnnlab.ui.exercise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The guides' content files: every step short, every named number computed by a test, a broken file named. */
class GuideTextTest {
    /** "At most ~120 words" before the answer and in it: a little slack for a long formula written out in words. */
    static final int MOST_WORDS = 130;

    static int words(String text) {
        return text.isBlank() ? 0 : text.strip().split("\\s+").length;
    }

    @Test
    void everyStepIsShortBeforeItsAnswerAndInIt() {
        for (int exercise = 1; exercise <= 3; exercise++) {
            for (GuideStep step : Guides.steps(exercise)) {
                String before = String.join(" ", step.paragraphs()) + " " + step.question()
                        + (step.prediction() == null ? "" : " " + step.prediction().question());
                assertThat(words(before)).as("exercise %d, %s: before the answer", exercise, step.title()).isLessThanOrEqualTo(MOST_WORDS);
                assertThat(words(step.answer())).as("exercise %d, %s: the answer", exercise, step.title()).isLessThanOrEqualTo(MOST_WORDS);
            }
        }
    }

    @Test
    void thePagesShowEveryStepOfTheFileInItsOrder() {
        for (int exercise = 1; exercise <= 3; exercise++) {
            List<String> file = GuideText.of(exercise).steps().stream().map(GuideText.Step::title).toList();
            assertThat(Guides.steps(exercise).stream().map(GuideStep::title).toList()).as("exercise %d", exercise).isEqualTo(file);
            // A prediction's question is in the file, under the step that asks it.
            for (GuideText.Step s : GuideText.of(exercise).steps()) {
                GuideStep shown = Guides.steps(exercise).stream().filter(g -> g.title().equals(s.title())).findFirst().orElseThrow();
                assertThat(shown.prediction() == null ? "" : shown.prediction().question()).as(s.id()).isEqualTo(s.predict());
            }
        }
    }

    @Test
    void everyNamedNumberIsInTheTextAndCheckedByGuideNumbersTest() throws Exception {
        StringBuilder files = new StringBuilder();
        for (int exercise = 1; exercise <= 3; exercise++) {
            files.append(new String(GuideText.class.getClassLoader().getResourceAsStream("guides/exercise-" + exercise + ".md").readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8));
        }
        String test = Files.readString(Path.of("src/test/java/org/rnnlab/ui/exercise/GuideNumbersTest.java"));
        assertThat(GuideText.numberNames()).hasSizeGreaterThan(30);
        for (String name : GuideText.numberNames()) {
            assertThat(files.toString()).as(name).contains("{" + name + "}");
            assertThat(test).as("GuideNumbersTest checks " + name).contains("named(\"" + name + "\"");
        }
    }

    @Test
    void aBrokenFileIsRefusedWithTheStepAndWhatIsWrong() {
        String ok = "## A step {#a}\n\nText with {chaos.rightmost.seed1}.\n\n### Question\n\nWhy?\n\n### Answer\n\nBecause.\n";
        GuideText.Step step = GuideText.parse("test.md", ok).step("a");
        assertThat(step.paragraphs()).containsExactly("Text with " + GuideText.number("chaos.rightmost.seed1") + ".");
        assertThat(step.details()).isEmpty();
        assertThatThrownBy(() -> GuideText.parse("test.md", ok.replace("{chaos.rightmost.seed1}", "{no.such.number}")))
                .hasMessageContaining("test.md: no number 'no.such.number'");
        assertThatThrownBy(() -> GuideText.parse("test.md", ok.replace("### Answer\n\nBecause.\n", "")))
                .hasMessageContaining("step {#a} has no Answer");
        assertThatThrownBy(() -> GuideText.parse("test.md", ok.replace("### Question", "### Questoin")))
                .hasMessageContaining("unknown section '### Questoin' in step {#a}");
        assertThatThrownBy(() -> GuideText.parse("test.md", "Stray words.\n\n" + ok)).hasMessageContaining("text before the first step");
        assertThatThrownBy(() -> GuideText.of(1).step("nope")).hasMessageContaining("no step {#nope}");
    }
}

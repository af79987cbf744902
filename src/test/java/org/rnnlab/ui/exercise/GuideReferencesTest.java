package org.rnnlab.ui.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.rnnlab.ui.Reference;

/** Every paper a step names is linked under it, and every paper of the list is used by some step. */
class GuideReferencesTest {
    @Test
    void aStepThatNamesAnAuthorLinksThatPaper() {
        Set<Reference> used = EnumSet.noneOf(Reference.class);
        for (List<GuideStep> guide : List.of(ChaosView.steps(), DrivenView.steps(), ForceView.steps())) {
            for (GuideStep step : guide) {
                String text = String.join(" ", step.paragraphs()) + " " + step.answer() + " " + step.details();
                List<Reference> cited = Reference.citedIn(text);
                for (Reference r : Reference.values()) {
                    String firstAuthor = r.cite().split("[ ,]")[0];
                    String year = r.cite().substring(r.cite().length() - 4);
                    if (text.contains(firstAuthor) && text.contains(year)) {
                        assertThat(cited).as(step.title() + " names " + firstAuthor + " " + year).contains(r);
                    }
                }
                used.addAll(cited);
            }
        }
        assertThat(used).containsExactlyInAnyOrder(Reference.values());
    }

    @Test
    void citationsWrittenWithAndOrWithTheYearInParenthesesAreFound() {
        assertThat(Reference.citedIn("as Sussillo and Abbott (2009, Fig. 5) found")).containsExactly(Reference.SUSSILLO_2009);
        assertThat(Reference.citedIn("Rajan, Abbott & Sompolinsky (2010) found")).containsExactly(Reference.RAJAN_2010);
        assertThat(Reference.citedIn("(Sompolinsky, Crisanti & Sommers, 1988)")).containsExactly(Reference.SOMPOLINSKY_1988);
        assertThat(Reference.citedIn("Sussillo (2012)")).isEmpty();
    }
}

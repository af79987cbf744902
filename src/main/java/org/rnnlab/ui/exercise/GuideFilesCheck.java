package org.rnnlab.ui.exercise;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Reads every exercise's guide at start, so that a content file a teacher broke (an unknown section, a step without an
 * answer, a number that {@code numbers.properties} lacks) stops the server with the file, the step and what is wrong,
 * instead of failing the first student who opens the page.
 */
@Component
class GuideFilesCheck implements ApplicationRunner {
    @Override
    public void run(ApplicationArguments args) {
        for (int exercise = 1; exercise <= 3; exercise++) Guides.steps(exercise);
    }
}

package org.rnnlab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.rnnlab.experiment.ExperimentConfig;
import org.rnnlab.experiment.Limits;
import org.rnnlab.experiment.ParamSpec;
import org.rnnlab.experiment.Schema;

/** The README is the front door: its link schema and settings must match the code. */
class ReadmeTest {
    static String readme() throws Exception {
        return Files.readString(Path.of("README.md"));
    }

    @ParameterizedTest(name = "exercise {0}")
    @ValueSource(ints = {1, 2, 3})
    void documentsEveryLinkKeyAndAnExampleThatIsTheDefaults(int exercise) throws Exception {
        String readme = readme();
        for (ParamSpec spec : Schema.specs(exercise, Limits.DEFAULT)) {
            assertThat(readme).as(spec.key()).contains("| `" + spec.key() + "` |");
            for (String choice : spec.choices()) assertThat(readme).as(spec.key() + "=" + choice).contains("`" + choice + "`");
        }
        assertThat(readme).contains(ExperimentConfig.defaults(exercise).toLink());
    }

    @Test
    void documentsEverySetting() throws Exception {
        Properties properties = new Properties();
        try (var in = getClass().getResourceAsStream("/application.properties")) {
            properties.load(in);
        }
        String readme = readme();
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith("rnnlab.")) assertThat(readme).as(key).contains("`" + key + "`");
        }
    }
}

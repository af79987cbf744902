package org.rnnlab.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rnnlab.core.ForceMode;
import org.rnnlab.core.Target;

class LinkCodecTest {

    static LinkCodec.Parsed parse(String q) {
        return LinkCodec.parse(q, Limits.DEFAULT);
    }

    @ParameterizedTest(name = "exercise {0}")
    @ValueSource(ints = {1, 2, 3})
    void defaultsSurviveARoundTrip(int exercise) {
        ExperimentConfig config = ExperimentConfig.defaults(exercise);
        LinkCodec.Parsed back = parse(config.toLink());
        assertThat(back.errors()).isEmpty();
        assertThat(back.config()).isEqualTo(config);
    }

    @Test
    void aSweepRangeStaysReadableInALinkAndReadsBack() {
        String link = LinkCodec.format(new java.util.LinkedHashMap<>(java.util.Map.of("vary.a", "0.125:16:8:log")));
        assertThat(link).isEqualTo("vary.a=0.125:16:8:log");
        LinkCodec.Parsed back = LinkCodec.parse("exercise=2&" + link, Limits.DEFAULT, Set.of("vary.a"));
        assertThat(back.extras()).containsEntry("vary.a", "0.125:16:8:log");
        // Encoded colons (links written before) read the same.
        assertThat(LinkCodec.parse("exercise=2&vary.a=0.125%3A16%3A8%3Alog", Limits.DEFAULT, Set.of("vary.a")).extras())
                .containsEntry("vary.a", "0.125:16:8:log");
    }

    @Test
    void aFullExerciseThreeLinkIsReadExactly() {
        LinkCodec.Parsed p = parse("?v=1&exercise=3&n=400&g=1.25&seed=42&tmax=600&mode=continuous&alpha=0.5&train=250&target=four-sines");
        assertThat(p.errors()).isEmpty();
        ExperimentConfig c = p.config();
        assertThat(c.exercise()).isEqualTo(3);
        assertThat(c.n()).isEqualTo(400);
        assertThat(c.g()).isEqualTo(1.25);
        assertThat(c.seed()).isEqualTo(42);
        assertThat(c.tmax()).isEqualTo(600);
        assertThat(c.mode()).isEqualTo(ForceMode.CONTINUOUS);
        assertThat(c.alpha()).isEqualTo(0.5);
        assertThat(c.train()).isEqualTo(250);
        assertThat(c.target()).isEqualTo(Target.FOUR_SINES);
        assertThat(c.toLink()).isEqualTo(
                "v=1&exercise=3&n=400&g=1.25&seed=42&tmax=600&plot=10&mode=continuous&alpha=0.5&train=250&target=four-sines");
    }

    @Test
    void aWrongValueNamesTheKeyAndWhatIsAllowedAndKeepsTheRest() {
        LinkCodec.Parsed p = parse("exercise=2&n=abc&a=5&omega=-1");
        assertThat(p.errors()).extracting(FieldError::field).containsExactly("n", "omega");
        assertThat(p.errors().get(0).message()).contains("whole number from 1 to 2000").contains("'abc'");
        assertThat(p.errors().get(1).message()).contains("from 0 to 100");
        assertThat(p.config().n()).isEqualTo(1000);
        assertThat(p.config().amplitude()).isEqualTo(5);
    }

    @Test
    void anUnknownKeyIsNamedWithTheAllowedOnes() {
        LinkCodec.Parsed p = parse("exercise=1&g=1&omega=2&colour=red");
        assertThat(p.errors()).extracting(FieldError::field).containsExactly("omega", "colour");
        assertThat(p.errors().get(0).message()).contains("not a key of exercise 1").contains("solver");
        assertThat(p.config().g()).isEqualTo(1.0);
    }

    @Test
    void valuesPastTheLimitsAreRefused() {
        LinkCodec.Parsed p = LinkCodec.parse("exercise=1&n=1000000000&tmax=1e9", new Limits(1500, 1000, 5000));
        assertThat(p.errors()).extracting(FieldError::field).containsExactly("n", "tmax");
        assertThat(p.errors().get(0).message()).contains("to 1500");
        assertThat(p.config().n()).isEqualTo(1000);
    }

    @Test
    void theSeedsRangeIsWrittenAsAWholeNumber() {
        LinkCodec.Parsed p = parse("seed=-1");
        assertThat(p.errors()).singleElement().satisfies(e ->
                assertThat(e.message()).isEqualTo("must be a whole number from 0 to 9007199254740992 (got '-1')"));
    }

    @Test
    void aLinkFromANewerSchemaSaysSo() {
        LinkCodec.Parsed p = parse("v=2&exercise=1&g=0.5");
        assertThat(p.errors()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("v");
            assertThat(e.message()).contains("newer");
        });
        assertThat(p.config().g()).isEqualTo(0.5);
    }

    @Test
    void notANumberInfinityAndHexAreNotNumbers() {
        for (String bad : new String[] {"NaN", "Infinity", "0x10", "1e400", "", " "}) {
            assertThat(parse("g=" + bad).errors()).as(bad).extracting(FieldError::field).containsExactly("g");
        }
    }

    @Test
    void crossFieldRulesRepairOnlyTheDependentField() {
        LinkCodec.Parsed p = parse("exercise=3&tmax=200&train=300&n=5&plot=10");
        assertThat(p.errors()).extracting(FieldError::field).containsExactly("plot", "train");
        assertThat(p.config().tmax()).isEqualTo(200);
        assertThat(p.config().train()).isEqualTo(200);
        assertThat(p.config().n()).isEqualTo(5);
        assertThat(p.config().plot()).isEqualTo(5);
    }

    @Test
    void callersOwnKeysComeBackAsExtras() {
        LinkCodec.Parsed p = LinkCodec.parse("exercise=1&step=2&run=1", Limits.DEFAULT, Set.of("step", "run"));
        assertThat(p.errors()).isEmpty();
        assertThat(p.extras()).containsEntry("step", "2").containsEntry("run", "1");
    }

    @Test
    void brokenEncodingAndRepeatedKeysAreReported() {
        LinkCodec.Parsed p = parse("g=%zz&n=10&n=20");
        assertThat(p.errors()).hasSize(2);
        assertThat(p.config().n()).isEqualTo(10);
    }

    @Test
    void linksWithoutTheNewKeysReadAsBeforeAndLeaveThemOut() {
        ExperimentConfig c = parse("exercise=2&n=300&seed=5").config();
        assertThat(c.x0seed()).isEqualTo(ExperimentConfig.X0_FROM_SEED);
        assertThat(c.initialStateSeed()).isEqualTo(5);
        assertThat(c.eps()).isEqualTo(1e-8);
        assertThat(c.toLink()).doesNotContain("x0seed").doesNotContain("eps");
    }

    @Test
    void anInitialStateSeedAndASeparationAreReadWrittenAndChecked() {
        LinkCodec.Parsed p = parse("exercise=1&seed=5&x0seed=9&eps=1e-6");
        assertThat(p.errors()).isEmpty();
        assertThat(p.config().x0seed()).isEqualTo(9);
        assertThat(p.config().initialStateSeed()).isEqualTo(9);
        assertThat(p.config().eps()).isEqualTo(1e-6);
        assertThat(p.config().toLink()).endsWith("&seed=5&x0seed=9&tmax=50&plot=10&points=500&solver=adams&eps=1.0E-6");
        // x0seed equal to seed is the network's own x0: the same config, and the link leaves it out.
        assertThat(parse("exercise=1&seed=5&x0seed=5").config()).isEqualTo(parse("exercise=1&seed=5").config());
        // Empty means the default (a form's cleared field).
        assertThat(parse("exercise=1&x0seed=&eps=").errors()).isEmpty();
        assertThat(parse("exercise=1&x0seed=-2&eps=0.1").errors()).extracting(FieldError::field).containsExactly("x0seed", "eps");
        assertThat(parse("exercise=3&eps=1e-6").errors()).extracting(FieldError::field).containsExactly("eps");
    }

    @Test
    void aConnectionProbabilityIsReadWrittenAndLeftOutAtOne() {
        LinkCodec.Parsed sparse = parse("exercise=3&seed=2&p=0.1");
        assertThat(sparse.errors()).isEmpty();
        assertThat(sparse.config().p()).isEqualTo(0.1);
        assertThat(sparse.config().toLink()).contains("&g=1.5&p=0.1&seed=2&");
        assertThat(parse(sparse.config().toLink()).config()).isEqualTo(sparse.config());
        // Every link before p is dense, and a dense config's link is what it was.
        assertThat(parse("exercise=1&seed=5").config().p()).isEqualTo(1);
        assertThat(parse("exercise=1&seed=5&p=1").config()).isEqualTo(parse("exercise=1&seed=5").config());
        assertThat(parse("exercise=1&seed=5&p=1").config().toLink()).doesNotContain("p=");
        assertThat(parse("exercise=2&p=").errors()).isEmpty();
    }

    @ParameterizedTest(name = "p={0}")
    @ValueSource(strings = {"0", "1.5", "-0.1", "sparse", "NaN"})
    void aBadConnectionProbabilityIsNamedAndTheNetworkStaysDense(String p) {
        LinkCodec.Parsed parsed = parse("exercise=3&p=" + p);
        assertThat(parsed.errors()).hasSize(1);
        assertThat(parsed.errors().get(0).field()).isEqualTo("p");
        assertThat(parsed.errors().get(0).message()).contains("from 0.001 to 1").contains("'" + p + "'");
        assertThat(parsed.config().p()).isEqualTo(1);
    }

    @Test
    void withChangesOneKeyAndChecksItAsALinkWould() {
        ExperimentConfig config = ExperimentConfig.defaults(3);
        LinkCodec.Parsed changed = config.with("alpha", "0.5", Limits.DEFAULT);
        assertThat(changed.errors()).isEmpty();
        assertThat(changed.config().alpha()).isEqualTo(0.5);
        assertThat(changed.config().n()).isEqualTo(config.n());
        LinkCodec.Parsed wrong = config.with("n", "ten", Limits.DEFAULT);
        assertThat(wrong.errors()).singleElement().satisfies(e -> assertThat(e.field()).isEqualTo("n"));
        assertThat(wrong.config().n()).isEqualTo(1000);
    }

    @Test
    void eachKeyOfTheSchemaWritesAndReadsItsOwnFieldAndNoOther() {
        for (int exercise = 1; exercise <= 3; exercise++) {
            ExperimentConfig config = ExperimentConfig.defaults(exercise);
            for (ParamSpec spec : Schema.specs(exercise, Limits.DEFAULT)) {
                String before = spec.read().apply(config);
                // An optional key at its default reads as empty text.
                assertThat(before.isEmpty()).as(spec.key()).isEqualTo(spec.optional());
                String other = switch (spec.kind()) {
                    case INTEGER -> before.isEmpty() ? "7" : Long.toString(Long.parseLong(before) + 1);
                    case REAL -> Numbers.format((before.isEmpty() ? spec.max() : Double.parseDouble(before)) / 2);
                    // An optional choice at its default (empty) stands for its first value.
                    case CHOICE -> spec.choices().stream().filter(c -> !c.equals(before.isEmpty() ? spec.choices().get(0) : before))
                            .findFirst().orElseThrow();
                };
                LinkCodec.Parsed changed = config.with(spec.key(), other, Limits.DEFAULT);
                assertThat(changed.errors()).as(spec.key() + "=" + other).isEmpty();
                var expected = new java.util.LinkedHashMap<>(config.values());
                expected.put(spec.key(), other);
                assertThat(changed.config().values()).as(spec.key()).isEqualTo(expected);
            }
        }
    }
}

package org.rnnlab.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.rnnlab.core.Drive;
import org.rnnlab.core.ForceMode;
import org.rnnlab.core.Integrator;
import org.rnnlab.core.Target;

/** Properties of the link codec over thousands of generated configs and hostile query strings. */
class LinkPropertiesTest {

    @Provide
    Arbitrary<ExperimentConfig> configs() {
        Arbitrary<Integer> exercise = Arbitraries.integers().between(1, 3);
        Arbitrary<Integer> n = Arbitraries.integers().between(1, Limits.DEFAULT.maxNeurons());
        Arbitrary<Double> g = Arbitraries.doubles().between(0, 10).ofScale(12);
        Arbitrary<Long> seed = Arbitraries.longs().between(0, Schema.MAX_SEED);
        Arbitrary<Double> tmax = Arbitraries.doubles().between(1, Limits.DEFAULT.maxTime()).ofScale(6);
        Arbitrary<Integer> points = Arbitraries.integers().between(2, Limits.DEFAULT.maxPoints());
        Arbitrary<Double> drive = Arbitraries.doubles().between(0, 100).ofScale(8);
        Arbitrary<Double> alpha = Arbitraries.doubles().between(1e-6, 1e6).ofScale(9);
        Arbitrary<Double> fraction = Arbitraries.doubles().between(0, 1).ofScale(6);
        Arbitrary<Long> x0seed = Arbitraries.oneOf(Arbitraries.just(ExperimentConfig.X0_FROM_SEED),
                Arbitraries.longs().between(0, Schema.MAX_SEED));
        Arbitrary<Double> connection = Arbitraries.oneOf(Arbitraries.just(1.0), Arbitraries.doubles().between(Schema.MIN_P, 1).ofScale(6));
        Arbitrary<Double> eps = Arbitraries.oneOf(Arbitraries.just(1e-8), Arbitraries.doubles().between(-12, -3).map(e -> Math.pow(10, e)));
        return Combinators.combine(exercise, n, g, seed, tmax, points, drive, drive).flatAs((e, nn, gg, s, t, p, a, w) ->
                Combinators.combine(Arbitraries.integers().between(0, Math.min(50, nn)), Arbitraries.of(Integrator.Method.class),
                        Arbitraries.of(ForceMode.class), alpha, fraction, Arbitraries.of(Target.class), x0seed,
                        Combinators.combine(eps, connection, Arbitraries.of(Drive.Phases.class)).as((ep, c, ph) -> new Object[] {ep, c, ph}))
                        .as((plot, solver, mode, al, f, target, x0, epc) -> {
                            double ep = (Double) epc[0];
                            ExperimentConfig d = ExperimentConfig.defaults(e);
                            boolean free = e != 3;
                            return new ExperimentConfig(e, nn, gg, s, t, plot, free ? p : d.points(), free ? solver : d.solver(),
                                    e == 2 ? a : d.amplitude(), e == 2 ? w : d.omega(), e == 3 ? mode : d.mode(),
                                    e == 3 ? al : d.alpha(), e == 3 ? f * t : d.train(), e == 3 ? target : d.target(), x0,
                                    free ? ep : d.eps(), (Double) epc[1], e == 2 ? (Drive.Phases) epc[2] : d.phases());
                        }));
    }

    @Property(tries = 2000)
    void everyConfigSurvivesTheTripThroughItsLink(@ForAll("configs") ExperimentConfig config) {
        LinkCodec.Parsed back = LinkCodec.parse(config.toLink(), Limits.DEFAULT);
        assertThat(back.errors()).isEmpty();
        assertThat(back.config()).isEqualTo(config);
    }

    @Provide
    Arbitrary<String> hostileQueries() {
        Arbitrary<String> noise = Arbitraries.strings().withChars("&=%?+;#<>\"' \\/\u0000\u00e9\u4e2d0123456789.eE-xXnNaIf")
                .ofMaxLength(200);
        Arbitrary<String> key = Arbitraries.of("v", "exercise", "n", "g", "seed", "tmax", "plot", "points", "solver", "a", "omega",
                "mode", "alpha", "train", "target", "x0seed", "eps", "step", "run", "lock", "", "N", "g ", "%6E");
        Arbitrary<String> value = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(30),
                Arbitraries.of("1", "-1", "0", "1e309", "NaN", "Infinity", "0x1p3", "9999999999999999999999", "1.5", "%", "%2",
                        "<script>alert(1)</script>", "notebook", "adams", "cosine", "", "2", "3", "4"));
        Arbitrary<String> pairs = Combinators.combine(key, value).as((k, v) -> k + "=" + v).list().ofMaxSize(20)
                .map(list -> String.join("&", list));
        return Arbitraries.oneOf(noise, pairs, pairs.map(q -> q + "&" + q), pairs.map(q -> "?" + q));
    }

    @Property(tries = 5000)
    void anyQueryParsesOrNamesWhatIsWrongAndNeverThrows(@ForAll("hostileQueries") String query) {
        LinkCodec.Parsed parsed = LinkCodec.parse(query, Limits.DEFAULT, Set.of("step", "run", "lock"));
        assertThat(parsed.errors()).allSatisfy(e -> {
            assertThat(e.field()).isNotBlank();
            assertThat(e.message()).isNotBlank();
        });
        // Whatever came in, what comes out is a valid config: its own link reads back without a word.
        assertThat(LinkCodec.parse(parsed.config().toLink(), Limits.DEFAULT).errors()).isEmpty();
    }
}

package org.rnnlab.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SweepGridTest {
    static Sweep sweep(String link, List<String> varies, String seeds) {
        Sweep.Checked checked = Sweep.check(LinkCodec.parse(link, Limits.DEFAULT).config(), varies, seeds, Limits.DEFAULT, Sweep.MAX_ROWS);
        assertThat(checked.errors()).isEmpty();
        return checked.sweep();
    }

    @Test
    void linearAxesReadAsTheirRoundValuesAndLogAxesInEqualRatios() {
        Sweep s = sweep("exercise=2", List.of("a=0.1:0.7:7", "omega=0.25:4:5:log"), null);
        assertThat(s.axes().get(0).values()).containsExactly("0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.7");
        assertThat(s.axes().get(1).values()).containsExactly("0.25", "0.5", "1", "2", "4");
        assertThat(s.cells()).hasSize(35);
        assertThat(s.cells().get(1).config().omega()).isEqualTo(0.5);
        assertThat(s.cells().get(5).config().amplitude()).isEqualTo(0.2);
    }

    @Test
    void cellsRunFirstAxisSlowestAndSeedFastestFromTheLinksSeed() {
        Sweep s = sweep("exercise=1&seed=7&n=50", List.of("g=1:2:2"), "3");
        assertThat(s.seeds()).containsExactly(7L, 8L, 9L);
        assertThat(s.cells()).extracting(c -> c.config().g() + "/" + c.seed())
                .containsExactly("1.0/7", "1.0/8", "1.0/9", "2.0/7", "2.0/8", "2.0/9");
        assertThat(s.cells()).allSatisfy(c -> assertThat(c.config().n()).isEqualTo(50));
    }

    @Test
    void aSingleValueIsFrom() {
        assertThat(sweep("exercise=1", List.of("g=0.7:3:1"), null).axes().get(0).values()).containsExactly("0.7");
    }

    @Test
    void aGridTooLargeForALongIsRefusedAsTooLarge() {
        List<String> axes = List.of("g=1:2:10000", "n=1:2000:2000", "tmax=1:2000:2000", "plot=0:50:51", "points=2:5000:4999");
        Sweep.Checked checked = Sweep.check(ExperimentConfig.defaults(1), axes, null, Limits.DEFAULT, Sweep.MAX_ROWS);
        assertThat(checked.errors()).singleElement().satisfies(e -> assertThat(e.field()).isEqualTo("grid"));
    }

    @Test
    void theSeedItselfCanBeAnAxis() {
        Sweep s = sweep("exercise=3&n=50", List.of("seed=1:10:10"), null);
        assertThat(s.axisColumns()).isEmpty();
        assertThat(s.cells()).extracting(Sweep.Cell::seed).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        assertThat(s.resultColumns()).containsExactly("test_rmse", "test_mae", "train_mae");
    }
}

package org.rnnlab.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Adams method every run of exercises 1 and 2 uses ({@link BatchRun#adams}), against a tight reference. */
class BatchAdamsTest {
    private static List<BatchRun.Trajectory> gridCells(Network net, List<double[][]> references) {
        List<BatchRun.Trajectory> cells = new ArrayList<>();
        for (double omega : new double[] {1, 2, 4}) {
            for (double a : new double[] {0.5, 2, 5}) {
                Drive drive = new Drive(a, omega);
                cells.add(BatchRun.Trajectory.of(net, 1.5, drive));
                if (references != null) references.add(BatchRunTest.reference(net, 1.5, drive, 500));
            }
        }
        return cells;
    }

    @Test
    void exerciseOneIsMoreAccurateThanOdeintAtItsDefault() {
        Network net = Network.create(200, 1);
        for (double g : new double[] {0.5, 1.0, 1.5}) {
            BatchRun run = BatchRun.adams(net, List.of(BatchRun.Trajectory.of(net, g, Drive.NONE)), 50, 500);
            assertThat(BatchRunTest.worstError(run, List.<double[][]>of(BatchRunTest.reference(net, g, Drive.NONE, 500))))
                    .as("g = %s", g).isLessThan(BatchRunTest.ODEINT_ERROR);
        }
    }

    @Test
    void theGridIsMoreAccurateThanOdeintWithFewerEvaluationsThanLsoda() {
        Network net = Network.create(200, 2);
        List<double[][]> references = new ArrayList<>();
        BatchRun run = BatchRun.adams(net, gridCells(net, references), 50, 500);
        assertThat(BatchRunTest.worstError(run, references)).isLessThan(BatchRunTest.ODEINT_ERROR);
        // LSODA (odeint) needed 26,707 evaluations for the nine cells at n = 1000; the order climbs well above 1.
        assertThat(run.vectorEvaluations()).isLessThan(26_707);
        assertThat(run.vectorEvaluations()).isGreaterThan(run.evaluations());
    }

    @Test
    void aCellGivesTheSameNumbersAloneAsInTheGridBitForBit() {
        Network net = Network.create(200, 3);
        List<BatchRun.Trajectory> cells = gridCells(net, null);
        BatchRun grid = BatchRun.adams(net, cells, 50, 500);
        BatchRun alone = BatchRun.adams(net, List.of(cells.get(4)), 50, 500);
        double[][] gridStates = ChaosTransitionTest.states(grid);
        double[][] aloneStates = ChaosTransitionTest.states(alone);
        for (int s = 0; s < aloneStates.length; s++) {
            double[] cell = java.util.Arrays.copyOfRange(gridStates[s], 4 * 200, 5 * 200);
            assertThat(cell).as("sample %d", s).isEqualTo(aloneStates[s]);
        }
    }

    @Test
    void aCellThatStopsEarlyDoesNotHoldTheOthersBack() {
        Network net = Network.create(100, 4);
        // g = 0.5 decays quickly and takes long steps; g = 1.5 is chaotic and takes short ones.
        BatchRun run = BatchRun.adams(net, List.of(BatchRun.Trajectory.of(net, 0.5, Drive.NONE),
                BatchRun.Trajectory.of(net, 1.5, Drive.NONE)), 50, 500);
        ChaosTransitionTest.states(run);
        BatchRun quiet = BatchRun.adams(net, List.of(BatchRun.Trajectory.of(net, 0.5, Drive.NONE)), 50, 500);
        ChaosTransitionTest.states(quiet);
        BatchRun chaotic = BatchRun.adams(net, List.of(BatchRun.Trajectory.of(net, 1.5, Drive.NONE)), 50, 500);
        ChaosTransitionTest.states(chaotic);
        // Each keeps its own steps: the batch costs the sum of its members, not twice the harder one.
        assertThat(run.vectorEvaluations()).isEqualTo(quiet.vectorEvaluations() + chaotic.vectorEvaluations());
        assertThat(quiet.steps()).isLessThan(chaotic.steps() / 2);
    }
}

package org.rnnlab.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.rnnlab.core.Network;
import org.rnnlab.core.RunControl;
import org.rnnlab.core.TraceLog;

class InitialStateSeedTest {
    static ExperimentConfig config(String link) {
        LinkCodec.Parsed parsed = LinkCodec.parse(link, Limits.DEFAULT);
        assertThat(parsed.errors()).isEmpty();
        return parsed.config();
    }

    static double[] states(ExperimentConfig config, Network network) throws InterruptedException {
        TraceLog log = new TraceLog(config.plottedNeurons(), true);
        RunToEnd.run(config, network, log, new RunControl());
        return log.states();
    }

    @Test
    void anInitialStateSeedEqualToTheSeedStartsFromTheNetworksOwnState() throws Exception {
        Network network = Network.create(50, 4);
        ExperimentConfig plain = config("exercise=1&n=50&seed=4&tmax=5&points=11");
        ExperimentConfig same = config("exercise=1&n=50&seed=4&x0seed=4&tmax=5&points=11");
        assertThat(plain.newSimulation(network).state()).containsExactly(network.initialState());
        assertThat(same.newSimulation(network).state()).containsExactly(network.initialState());
        assertThat(states(same, network)).containsExactly(states(plain, network));
    }

    @Test
    void anotherInitialStateSeedRestartsTheSameNetworkFromAnotherState() throws Exception {
        Network network = Network.create(50, 4);
        for (String link : new String[] {"exercise=1&n=50&seed=4&x0seed=9&tmax=5&points=11",
                "exercise=3&n=50&seed=4&x0seed=9&tmax=5&train=3"}) {
            ExperimentConfig other = config(link);
            double[] x0 = other.newSimulation(network).state();
            assertThat(x0).as(link).containsExactly(Network.initialState(50, 9)).isNotEqualTo(network.initialState());
            // Same J, u, w0: only x0 moved. The first sample is x0 itself, later ones follow it.
            double[] states = states(other, network);
            for (int i = 0; i < 50; i++) assertThat(states[i]).isEqualTo(x0[i]);
        }
    }
}

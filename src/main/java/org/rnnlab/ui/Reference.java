package org.rnnlab.ui;

import java.util.Arrays;
import java.util.List;

/**
 * The papers the pages rely on. A guided step cites one by its {@link #cite} text ("Sussillo & Abbott, 2009") in
 * its text or answer, and then links it under the step; the About page lists them all.
 */
public enum Reference {
    SOMPOLINSKY_1988("Sompolinsky, Crisanti & Sommers, 1988",
            "H. Sompolinsky, A. Crisanti, H. J. Sommers. Chaos in random neural networks. Phys. Rev. Lett. 61, 259 (1988).",
            "https://doi.org/10.1103/PhysRevLett.61.259"),
    EDELMAN_1994("Edelman, Kostlan & Shub, 1994",
            "A. Edelman, E. Kostlan, M. Shub. How many eigenvalues of a random matrix are real? J. Amer. Math. Soc. 7, 247 (1994).",
            "https://doi.org/10.1090/S0894-0347-1994-1231689-0"),
    SUSSILLO_2009("Sussillo & Abbott, 2009",
            "D. Sussillo, L. F. Abbott. Generating coherent patterns of activity from chaotic neural networks. Neuron 63, 544 (2009).",
            "https://doi.org/10.1016/j.neuron.2009.07.018"),
    RAJAN_2010("Rajan, Abbott & Sompolinsky, 2010",
            "K. Rajan, L. F. Abbott, H. Sompolinsky. Stimulus-dependent suppression of chaos in recurrent neural networks. "
                    + "Phys. Rev. E 82, 011903 (2010).",
            "https://doi.org/10.1103/PhysRevE.82.011903"),
    ENGELKEN_2020("Engelken, Wolf & Abbott, 2020",
            "R. Engelken, F. Wolf, L. F. Abbott. Lyapunov spectra of chaotic recurrent neural networks. arXiv:2006.02427 (2020).",
            "https://arxiv.org/abs/2006.02427");

    private final String cite;
    private final String full;
    private final String url;

    Reference(String cite, String full, String url) {
        this.cite = cite;
        this.full = full;
        this.url = url;
    }

    /** How the pages cite it in running text. */
    public String cite() {
        return cite;
    }

    public String full() {
        return full;
    }

    public String url() {
        return url;
    }

    /**
     * The references {@code text} cites, in this enum's order. Citations may write "and" or "&" and put the year in
     * parentheses: "Sussillo and Abbott (2009, Fig. 5)" cites {@link #SUSSILLO_2009}.
     */
    public static List<Reference> citedIn(String text) {
        String plain = text.replace(" and ", " & ").replaceAll("\\s*\\((\\d{4})[^)]*\\)", ", $1");
        return Arrays.stream(values()).filter(r -> plain.contains(r.cite)).toList();
    }
}

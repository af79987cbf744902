package org.rnnlab.ui.exercise;

import java.util.List;

/** The guided exercises by number: their steps and where their pages live (for link building). */
public final class Guides {
    private Guides() {}

    public static List<GuideStep> steps(int exercise) {
        return switch (exercise) {
            case 1 -> ChaosView.steps();
            case 2 -> DrivenView.steps();
            case 3 -> ForceView.steps();
            default -> throw new IllegalArgumentException("no exercise " + exercise);
        };
    }

    public static String route(int exercise) {
        return switch (exercise) {
            case 1 -> ChaosView.ROUTE;
            case 2 -> DrivenView.ROUTE;
            case 3 -> ForceView.ROUTE;
            default -> throw new IllegalArgumentException("no exercise " + exercise);
        };
    }
}

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

    /**
     * The 0-based index of the free step (every parameter open): where a link with parameters opens. Steps keep
     * their numbers once published, so a step added later goes after it and the free step need not be the last.
     */
    public static int freeStep(List<GuideStep> steps) {
        for (int i = 0; i < steps.size(); i++) if (steps.get(i).kind() == GuideStep.Kind.FREE) return i;
        throw new IllegalArgumentException("a guide without a free step");
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

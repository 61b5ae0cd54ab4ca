package dev.lore.ui.view.learning;

/**
 * The home page's onboarding path for a signed-in person, with their progress and the next step
 * to do ({@code nextTitle} empty when every step is done).
 */
public record OnboardingView(
        String id, String title, int done, int total, int percent, String nextTitle, String nextUrl) {}

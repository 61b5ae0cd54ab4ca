package dev.lore.ui.view.identity;

/** Signed out of Lore, on the way to the provider to sign out there too ({@code url}). */
public record SignedOutView(String providerName, String url) {}

package dev.lore.ui.view.identity;

/**
 * The "Sign in with ..." button on the sign-in page.
 *
 * @param href starts the sign-in at the provider (and comes back to where the person was going)
 * @param passwordsForEveryone whether the password form is for everyone, or only the break-glass
 *     administrator's (then it is folded away)
 */
public record CompanySignInView(String providerName, String href, boolean passwordsForEveryone) {}

package dev.lore.graph.identity;

import java.time.Instant;

/**
 * A company sign-in between the redirect to the provider and its answer: what the callback must
 * check (the nonce) and send (the PKCE verifier, the same redirect URI), and where to go after.
 */
public record PendingSignIn(String nonce, String codeVerifier, String redirectUri, String next, Instant expiresAt) {}

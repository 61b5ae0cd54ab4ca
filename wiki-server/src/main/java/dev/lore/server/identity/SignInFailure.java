package dev.lore.server.identity;

/**
 * A company sign-in that cannot go on, with what to tell the person: 400 for a callback that does
 * not belong to a sign-in in flight, 401 for an ID token Lore does not accept, 403 when the
 * provider or Lore refuses the person, 503 when the provider cannot be reached. Shown on the sign-in
 * page, where the break-glass password form stays usable.
 */
public final class SignInFailure extends RuntimeException {
    private final int status;

    public SignInFailure(int status, String message) {
        super(message);
        this.status = status;
    }

    public SignInFailure(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    public int status() {
        return status;
    }
}

package dev.lore.server.error;

/**
 * A failure to tell the person about: carries its HTTP status and a short error code. Turned into a
 * JSON body or an error page in one place, {@code web.ErrorMapping}.
 */
public abstract sealed class LoreException extends RuntimeException
        permits InvalidInputException,
                NotFoundException,
                TooLargeException,
                ForbiddenException,
                UnauthorizedException,
                ConflictException,
                TooManyAttemptsException,
                UnsupportedMediaTypeException {
    private final int status;
    private final String code;

    protected LoreException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}

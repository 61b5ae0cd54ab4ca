package dev.lore.server.backup;

/** A backup that cannot be written or read, or a restore that cannot start; the message says why. */
public final class BackupException extends RuntimeException {
    public BackupException(String message) {
        super(message);
    }

    public BackupException(String message, Throwable cause) {
        super(message, cause);
    }
}

package dev.lore.server.gitimport;

/** A Git import that cannot start or go on, with a message meant for the person running it. */
public final class GitImportException extends RuntimeException {
    public GitImportException(String message) {
        super(message);
    }
}

package dev.lore.server.seed;

/** Told how far a long job has come; implementations decide how to show it. */
@FunctionalInterface
public interface Progress {
    Progress NONE = (done, total, what) -> {};

    void update(int done, int total, String what);
}

package dev.lore.graph.expertise;

import dev.lore.graph.Graph;
import dev.lore.graph.internal.CountedWrites;
import java.util.function.Supplier;

/**
 * The evidence of who knows what, as the graph holds it: contributions with their line shares,
 * declared skills, endorsements, wishes to learn, reads, availability, and how often someone was
 * already suggested to others. The ranking itself lives in the server; these stores only read and
 * write evidence. Each part has its own store; they share one count of writes. Thread-safe.
 */
public final class ExpertiseStore {
    private final Graph graph;
    private final CountedWrites evidenceWrites;
    private final AvailabilityStore availability;
    private final SkillStore skills;
    private final EndorsementStore endorsements;
    private final LearnerStore learners;
    private final ReadStore reads;
    private final EvidenceStore evidence;
    private final SkillHolders holders;

    public ExpertiseStore(Graph graph) {
        this.graph = graph;
        this.evidenceWrites = new CountedWrites(graph);
        this.availability = new AvailabilityStore(graph, evidenceWrites);
        this.skills = new SkillStore(graph, evidenceWrites);
        this.endorsements = new EndorsementStore(graph, evidenceWrites);
        this.learners = new LearnerStore(graph, evidenceWrites);
        this.reads = new ReadStore(graph);
        this.evidence = new EvidenceStore(graph);
        this.holders = new SkillHolders(graph);
    }

    /**
     * A number that moves after every change these stores make to skills, endorsements, aliases,
     * availability or people's last activity, so callers can cache what they read until the next
     * one (changes to articles and declared skills move the search index's generation instead).
     */
    public long evidenceWrites() {
        return evidenceWrites.count();
    }

    /**
     * The graph's {@link dev.lore.graph.GraphVersion}: moves with any server's committed change, so
     * what is cached with it is dropped on every server at the next read after a write anywhere.
     */
    public long graphVersion() {
        return dev.lore.graph.GraphVersion.read(graph);
    }

    /** Runs many writes of these stores in one transaction ({@link Graph#inOneTransaction}). */
    public void inOneWrite(Runnable work) {
        graph.inOneTransaction(() -> {
            work.run();
            return null;
        });
    }

    /**
     * Runs writes and the reads that answer them in one transaction ({@link Graph#inOneTransaction}):
     * the answer describes the state these writes left, whatever commits next.
     */
    public <T> T inOneWrite(Supplier<T> work) {
        return graph.inOneTransaction(work);
    }

    /** Runs many reads of these stores in one read transaction ({@link Graph#inOneReadTransaction}). */
    public <T> T inOneRead(Supplier<T> work) {
        return graph.inOneReadTransaction(work);
    }

    /** People as expert finding sees them, and their availability. */
    public AvailabilityStore availability() {
        return availability;
    }

    /** Skills, aliases, descriptions and skill pages. */
    public SkillStore skills() {
        return skills;
    }

    public EndorsementStore endorsements() {
        return endorsements;
    }

    /** Wishes to learn, learners, closeness and load of candidates. */
    public LearnerStore learners() {
        return learners;
    }

    /** Reads of articles by signed-in people. */
    public ReadStore reads() {
        return reads;
    }

    /** Contributions, answers and skill evidence per person. */
    public EvidenceStore evidence() {
        return evidence;
    }

    /** The strongest holders of skills. */
    public SkillHolders holders() {
        return holders;
    }
}

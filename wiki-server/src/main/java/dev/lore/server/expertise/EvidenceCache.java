package dev.lore.server.expertise;

import dev.lore.graph.expertise.ExpertiseStore;
import dev.lore.graph.expertise.PersonInfo;
import dev.lore.graph.expertise.SkillEvidence;
import dev.lore.indexer.LoreIndex;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What expert finding reads again and again, remembered: the strongest holders of skills, people's
 * evidence on skills, and who people are. Everything remembered is dropped when the index's
 * generation moves, when the evidence stores write, when the graph's version moves (a write of
 * any server sharing the database, seen at this server's next read), or when {@link #changed} is
 * called after a write of this server has committed. Thread-safe.
 */
final class EvidenceCache {
    /**
     * The strongest holders of a skill are kept this long, or until the graph next changes. Every
     * change to skills, levels, endorsements, articles or availability moves the change sequence
     * (another server's changes too, read with every lookup), so this only bounds the drift of
     * time decay, which is a few hundredths of a percent in ten minutes.
     */
    static final Duration HOLDERS_TTL = Duration.ofMinutes(10);

    /**
     * Who a person is and whether they can be suggested is kept this long, or until anything
     * changes: it bounds how late Lore notices a leave that ends on its date.
     */
    static final Duration PEOPLE_TTL = Duration.ofMinutes(1);

    private final LoreIndex index;
    private final ExpertiseStore store;
    private final AtomicLong changes = new AtomicLong();
    private final Remembered<List<SkillEvidence>> knownHolders = new Remembered<>(10_000, HOLDERS_TTL);
    private final Remembered<Optional<SkillEvidence>> knownEvidence = new Remembered<>(200_000, HOLDERS_TTL);
    private final Remembered<PersonInfo> knownPeople = new Remembered<>(50_000, PEOPLE_TTL);

    EvidenceCache(LoreIndex index, ExpertiseStore store) {
        this.index = index;
        this.store = store;
    }

    /**
     * Drops everything remembered: called after a write of this server commits, since the store's
     * own count moves before its transaction commits and a read in between may remember the state
     * before it.
     */
    void changed() {
        changes.incrementAndGet();
    }

    /** The state of the graph that what is remembered was read at. */
    Remembered.Version version() {
        return new Remembered.Version(index.generation(), store.evidenceWrites() + changes.get(), store.graphVersion());
    }

    /**
     * The {@code perSkill} strongest holders of each skill, from the store or from what it said
     * less than {@link #HOLDERS_TTL} ago with nothing changed since. Popular skills have thousands
     * of holders, and the same skills are asked about again and again.
     */
    List<SkillEvidence> strongest(Collection<String> keys, int perSkill, boolean writing, Instant now) {
        var version = version();
        var out = new ArrayList<SkillEvidence>();
        var missing = new ArrayList<String>();
        for (String key : keys) {
            List<SkillEvidence> kept = knownHolders.get(key + "|" + perSkill + "|" + writing, version, now);
            if (kept != null) {
                out.addAll(kept);
            } else {
                missing.add(key);
            }
        }
        if (!missing.isEmpty()) {
            var byKey = new HashMap<String, List<SkillEvidence>>();
            for (SkillEvidence e : store.holders().strongest(missing, perSkill, writing, Scoring.STRENGTH, now)) {
                byKey.computeIfAbsent(e.skillKey(), k -> new ArrayList<>()).add(e);
            }
            for (String key : missing) {
                var list = List.copyOf(byKey.getOrDefault(key, List.of()));
                knownHolders.put(key + "|" + perSkill + "|" + writing, version, now, list);
                out.addAll(list);
            }
        }
        return out;
    }

    /**
     * The evidence of these people on these skills, as {@link dev.lore.graph.expertise.EvidenceStore#evidenceOf}, from what
     * the store said with nothing changed since where it can: the contributors of the documents
     * about a popular topic are asked about again and again. Whether someone has no evidence on a
     * skill is remembered too.
     */
    List<SkillEvidence> evidenceOf(List<String> skillKeys, List<String> personIds, Instant now) {
        var version = version();
        var out = new ArrayList<SkillEvidence>();
        var missing = new ArrayList<String>();
        for (String person : personIds) {
            var kept = new ArrayList<SkillEvidence>();
            boolean known = true;
            for (String skill : skillKeys) {
                Optional<SkillEvidence> e = knownEvidence.get(skill + "|" + person, version, now);
                if (e == null) {
                    known = false;
                    break;
                }
                e.ifPresent(kept::add);
            }
            if (known) {
                out.addAll(kept);
            } else {
                missing.add(person);
            }
        }
        if (!missing.isEmpty()) {
            var read = new HashMap<String, SkillEvidence>();
            for (SkillEvidence e : store.evidence().evidenceOf(skillKeys, missing)) {
                read.put(e.skillKey() + "|" + e.personId(), e);
                out.add(e);
            }
            for (String person : missing) {
                for (String skill : skillKeys) {
                    String key = skill + "|" + person;
                    knownEvidence.put(key, version, now, Optional.ofNullable(read.get(key)));
                }
            }
        }
        return out;
    }

    /**
     * Who these people are and whether they can be suggested, from what the store said less than
     * {@link #PEOPLE_TTL} ago with nothing changed since where it can (the strongest experts on
     * popular topics are looked up again and again).
     */
    Map<String, PersonInfo> people(List<String> ids, Instant now) {
        var version = version();
        var out = new HashMap<String, PersonInfo>();
        var missing = new ArrayList<String>();
        for (String id : ids) {
            PersonInfo kept = knownPeople.get(id, version, now);
            if (kept != null) {
                out.put(id, kept);
            } else {
                missing.add(id);
            }
        }
        if (!missing.isEmpty()) {
            Map<String, PersonInfo> read = store.availability().people(missing, now);
            read.forEach((id, p) -> knownPeople.put(id, version, now, p));
            out.putAll(read);
        }
        return out;
    }
}

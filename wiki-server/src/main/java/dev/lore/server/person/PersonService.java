package dev.lore.server.person;

import dev.lore.graph.person.DeclaredSkill;
import dev.lore.graph.person.NewPerson;
import dev.lore.graph.person.Person;
import dev.lore.graph.person.PersonStore;
import dev.lore.server.auth.Passwords;
import dev.lore.server.auth.Role;
import dev.lore.server.error.InvalidInputException;
import dev.lore.server.error.NotFoundException;
import dev.lore.server.search.IndexSync;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/** People and accounts: validation, password hashing, roles. Thread-safe. */
public final class PersonService {
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");
    private static final int MIN_PASSWORD = 8;

    private final PersonStore store;
    private final Passwords passwords;
    private final Clock clock;
    private final IndexSync index;

    /** @param index told after each change, so people are searchable at once */
    public PersonService(PersonStore store, Passwords passwords, IndexSync index, Clock clock) {
        this.store = store;
        this.passwords = passwords;
        this.index = index;
        this.clock = clock;
    }

    /** Creates an account; returns false when the id is already taken. */
    public boolean create(
            String id, String name, String email, String team, String title, Role role, Optional<String> password) {
        return create(id, name, email, team, title, role, password, person -> true)
                .isPresent();
    }

    /**
     * Creates an account and answers with {@code answer} of the person as the creation left them,
     * read in its own transaction (as are the reads {@code answer} makes); empty when the id is
     * already taken.
     */
    public <T> Optional<T> create(
            String id,
            String name,
            String email,
            String team,
            String title,
            Role role,
            Optional<String> password,
            Function<Person, T> answer) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new InvalidInputException(
                    "id must be 2-64 characters of a-z, 0-9, '.', '_' or '-', was '" + id + "'");
        }
        if (name == null || name.isBlank() || name.length() > 120) {
            throw new InvalidInputException("name must be 1-120 characters, was " + (name == null ? 0 : name.length()));
        }
        password.ifPresent(PersonService::checkPassword);
        var person = new NewPerson(
                id,
                name.strip(),
                email,
                team,
                title,
                role.id(),
                password.map(passwords::hash).orElse(null),
                clock.instant());
        Optional<T> answered = store.inOneTransaction(
                () -> store.create(person) ? Optional.of(answer.apply(get(id))) : Optional.<T>empty());
        index.catchUp();
        return answered;
    }

    /**
     * Creates many accounts without passwords in one transaction, then lets the index catch up once:
     * for bulk loads and benchmarks, where one transaction and index refresh per person would cost
     * more than the writes. Ids already taken are left as they are; returns how many were created.
     *
     * @throws InvalidInputException naming the first id or name that is not valid (nothing is written)
     */
    public int createBatch(List<NewAccount> accounts) {
        var people = new java.util.ArrayList<NewPerson>(accounts.size());
        var now = clock.instant();
        for (NewAccount a : accounts) {
            if (a.id() == null || !ID.matcher(a.id()).matches()) {
                throw new InvalidInputException(
                        "id must be 2-64 characters of a-z, 0-9, '.', '_' or '-', was '" + a.id() + "'");
            }
            if (a.name() == null || a.name().isBlank() || a.name().length() > 120) {
                throw new InvalidInputException("name must be 1-120 characters, was '" + a.name() + "'");
            }
            people.add(new NewPerson(
                    a.id(),
                    a.name().strip(),
                    a.email(),
                    a.team(),
                    a.title(),
                    a.role().id(),
                    null,
                    now));
        }
        int created = store.createBatch(people);
        index.catchUp();
        return created;
    }

    /** One account of {@link #createBatch}. */
    public record NewAccount(String id, String name, String email, String team, String title, Role role) {}

    public Person get(String id) {
        return store.find(id).orElseThrow(() -> new NotFoundException("no person '" + id + "'"));
    }

    public Optional<Person> find(String id) {
        return store.find(id);
    }

    public List<Person> list() {
        return store.list();
    }

    public long count() {
        return store.count();
    }

    /**
     * Changes a person's role and answers with {@code answer} of the person as this change left
     * them, read in the change's own transaction (as are the reads {@code answer} makes), so a
     * change landing just after is never mistaken for this one.
     */
    public <T> T setRole(String id, Role role, Function<Person, T> answer) {
        T answered = store.inOneTransaction(() -> {
            get(id);
            store.setRole(id, role.id());
            return answer.apply(get(id));
        });
        index.catchUp();
        return answered;
    }

    public void setPassword(String id, String password) {
        checkPassword(password);
        get(id);
        store.setPasswordHash(id, passwords.hash(password));
    }

    /** Everyone's declared skill names, by person id. */
    public java.util.Map<String, List<String>> declaredSkillNames() {
        return store.declaredSkillNames();
    }

    public List<DeclaredSkill> skills(String id) {
        return store.declaredSkills(id);
    }

    public void declareSkills(String id, List<DeclaredSkill> skills, List<String> wantsToLearn) {
        store.declareSkills(id, skills, wantsToLearn, clock.instant());
        index.catchUp();
    }

    private static void checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD || password.length() > 200) {
            throw new InvalidInputException("password must be " + MIN_PASSWORD + "-200 characters");
        }
    }
}

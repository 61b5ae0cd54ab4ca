package dev.lore.server.web;

import dev.lore.graph.GraphUnavailableException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;

/**
 * Whether a failure means the database could not be reached (it is stopped, restarting, or the
 * network to it is down): such a request is answered 503 with {@link #DETAIL}, not 500. The driver
 * gives up within {@code LORE_NEO4J_TIMEOUT_MS}, and reconnects by itself once the database is back.
 * A write that failed so is reported failed; one whose commit was sent just before the database
 * went away may still have committed, which is why the answer asks to look before repeating it.
 */
final class DatabaseDown {
    static final String DETAIL =
            "the database is not reachable right now; try again shortly (a change sent with this request was not"
                    + " confirmed: look before sending it again)";

    private DatabaseDown() {}

    static boolean is(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ServiceUnavailableException
                    || t instanceof SessionExpiredException
                    || t instanceof GraphUnavailableException) {
                return true;
            }
        }
        return false;
    }
}

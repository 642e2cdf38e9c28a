package org.careaccess.benchmark;

/**
 * One kind of sign-in the benchmark measures. A scenario makes what its flows need once
 * ({@link #prepare}) and then runs one complete flow, as one person does it, per call of
 * {@link #run}, timing each step through {@link Flow#step}. Flows run on many threads at once:
 * {@code run} must be thread-safe (hand out users, links and codes from thread-safe pools).
 */
public interface Scenario {

    /** Short, stable id used in the report and with {@code -Dbenchmark.scenarios}, e.g. {@code 1-password-totp}. */
    String id();

    /** What a person does, for the report. */
    String title();

    /**
     * The id of the scenario this one is also compared with (scenario 5, ten million links, against
     * scenario 2 with a thousand), or null for none. Every scenario is compared with the first.
     */
    default String baseline() {
        return null;
    }

    /**
     * Whether this scenario's data would change what the others measure (scenario 5's filler links
     * would share the link table and its indexes with scenarios 2 and 3): such a scenario runs
     * against a second server on a database of its own, and takes its turns in the same rounds as
     * the others, so that it is compared with them on a server of the same age at the same time.
     */
    default boolean needsItsOwnServer() {
        return false;
    }

    /** Makes realms, clients, users, links... through the admin API or the database, before any load. */
    void prepare(BenchmarkServer server) throws Exception;

    /** One complete flow ending signed in (tokens in hand); throws when it does not. */
    void run(Flow flow) throws Exception;
}

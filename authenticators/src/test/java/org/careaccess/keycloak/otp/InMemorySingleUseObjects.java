package org.careaccess.keycloak.otp;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.keycloak.models.SingleUseObjectProvider;

/**
 * Keycloak's single-use object store as a unit test needs it: a map with lifespans on a test clock,
 * with Keycloak's transaction semantics (Infinispan, 26.7): {@code put} is deferred to the end of
 * the request ({@link #commit()}), {@code get} sees a pending put, and a second {@code put} of a key
 * in one request fails; {@code remove}, {@code replace}, {@code putIfAbsent} and {@code contains}
 * act on the store at once and do not see or cancel a pending put.
 */
public final class InMemorySingleUseObjects implements SingleUseObjectProvider {

    private record Entry(Map<String, String> notes, long expiresAt) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Map<String, Entry> pending = new ConcurrentHashMap<>();
    private long now;

    public void advanceSeconds(long seconds) {
        now += seconds;
    }

    /** The clock this store's lifespans run on, for the code under test. */
    public java.time.Clock clock() {
        return new java.time.Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return java.time.ZoneOffset.UTC;
            }

            @Override
            public java.time.Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public java.time.Instant instant() {
                return java.time.Instant.ofEpochSecond(1_800_000_000L + now);
            }
        };
    }

    private Entry live(String key) {
        Entry entry = entries.get(key);
        if (entry != null && entry.expiresAt <= now) {
            entries.remove(key);
            return null;
        }
        return entry;
    }

    /** The end of a request: pending puts reach the store. */
    public void commit() {
        entries.putAll(pending);
        pending.clear();
    }

    @Override
    public void put(String key, long lifespanSeconds, Map<String, String> notes) {
        if (pending.containsKey(key)) {
            throw new IllegalStateException("Can't add session: task in progress for session");
        }
        pending.put(key, new Entry(new HashMap<>(notes), now + lifespanSeconds));
    }

    @Override
    public Map<String, String> get(String key) {
        Entry entry = pending.containsKey(key) ? pending.get(key) : live(key);
        return entry == null ? null : entry.notes;
    }

    @Override
    public Map<String, String> remove(String key) {
        Entry entry = live(key);
        entries.remove(key);
        return entry == null ? null : entry.notes;
    }

    @Override
    public boolean replace(String key, Map<String, String> notes) {
        Entry entry = live(key);
        if (entry == null) {
            return false;
        }
        entries.put(key, new Entry(new HashMap<>(notes), entry.expiresAt));
        return true;
    }

    @Override
    public synchronized boolean putIfAbsent(String key, long lifespanInSeconds) {
        if (live(key) != null) {
            return false;
        }
        entries.put(key, new Entry(Map.of(), now + lifespanInSeconds));
        return true;
    }

    @Override
    public boolean contains(String key) {
        return live(key) != null;
    }

    @Override
    public void close() {
    }
}

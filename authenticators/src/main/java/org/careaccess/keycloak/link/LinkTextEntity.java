package org.careaccess.keycloak.link;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * One row of CAREACCESS_LINK_TEXT: the text of one link CareAccess sends, from queued to delivered.
 * Its LINK_ID is a foreign key to the link with ON DELETE CASCADE: it goes when the link goes. Times
 * are epoch milliseconds.
 */
@Entity
@Table(name = "CAREACCESS_LINK_TEXT")
@NamedQueries({
        @NamedQuery(name = "careaccessTextsQueued",
                query = "select t.linkId from LinkTextEntity t where t.state = 'queued'"
                        + " and (t.nextAttemptAt is null or t.nextAttemptAt <= :now) order by t.queuedAt"),
        // A claim: only the node whose update finds the row still queued wins it (the UPDATE holds the row lock).
        @NamedQuery(name = "careaccessTextClaim",
                query = "update LinkTextEntity t set t.state = 'sending', t.leaseUntil = :lease, t.stateAt = :now, t.attempts = t.attempts + 1"
                        + " where t.linkId = :linkId and t.state = 'queued' and (t.nextAttemptAt is null or t.nextAttemptAt <= :now)"),
        @NamedQuery(name = "careaccessTextsLeaseExpiredRealms",
                query = "select distinct t.realmId from LinkTextEntity t where t.state = 'sending' and t.leaseUntil < :now"),
        @NamedQuery(name = "careaccessTextsLeaseExpired",
                query = "update LinkTextEntity t set t.state = 'failed', t.reason = 'unknown_outcome', t.seed = null, t.stateAt = :now"
                        + " where t.realmId = :realmId and t.state = 'sending' and t.leaseUntil < :now"),
        @NamedQuery(name = "careaccessTextByMessageId",
                query = "select t from LinkTextEntity t where t.realmId = :realmId and t.messageId = :messageId"),
        @NamedQuery(name = "careaccessTextsInState",
                query = "select t from LinkTextEntity t where t.realmId = :realmId and t.state = :state and t.stateAt >= :since"
                        + " and (t.stateAt > :afterAt or (t.stateAt = :afterAt and t.linkId > :afterId)) order by t.stateAt, t.linkId")
})
public class LinkTextEntity {

    @Id
    @Column(name = "LINK_ID", length = 36)
    private String linkId;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "STATE", length = 16, nullable = false)
    private String state;

    @Column(name = "REASON", length = 32)
    private String reason;

    @Column(name = "STATE_AT", nullable = false)
    private long stateAt;

    @Column(name = "QUEUED_AT", nullable = false)
    private long queuedAt;

    /** What the link's code is made from again ({@code SeededLinkCodes}); null once the text is sent or failed. */
    @Column(name = "SEED", length = 128)
    private String seed;

    @Column(name = "KEY_ID", length = 64, nullable = false)
    private String keyId;

    @Column(name = "LOCALE", length = 8, nullable = false)
    private String locale;

    /** The link's URL with {@code {code}} where its code goes. */
    @Column(name = "URL_PATTERN", length = 1024, nullable = false)
    private String urlPattern;

    @Column(name = "LEASE_UNTIL")
    private Long leaseUntil;

    @Column(name = "ATTEMPTS", nullable = false)
    private int attempts;

    /** A text queued again after its gateway certainly did not take it: not before this time. Null: at once. */
    @Column(name = "NEXT_ATTEMPT_AT")
    private Long nextAttemptAt;

    /** The SMS provider's id of the text (Notify's notification id, SNS's message id). */
    @Column(name = "MESSAGE_ID", length = 64)
    private String messageId;

    public String getLinkId() {
        return linkId;
    }

    public void setLinkId(String linkId) {
        this.linkId = linkId;
    }

    public String getRealmId() {
        return realmId;
    }

    public void setRealmId(String realmId) {
        this.realmId = realmId;
    }

    public String getState() {
        return state;
    }

    public void setState(String state) {
        this.state = state;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public long getStateAt() {
        return stateAt;
    }

    public void setStateAt(long stateAt) {
        this.stateAt = stateAt;
    }

    public long getQueuedAt() {
        return queuedAt;
    }

    public void setQueuedAt(long queuedAt) {
        this.queuedAt = queuedAt;
    }

    public String getSeed() {
        return seed;
    }

    public void setSeed(String seed) {
        this.seed = seed;
    }

    public String getKeyId() {
        return keyId;
    }

    public void setKeyId(String keyId) {
        this.keyId = keyId;
    }

    public String getLocale() {
        return locale;
    }

    public void setLocale(String locale) {
        this.locale = locale;
    }

    public String getUrlPattern() {
        return urlPattern;
    }

    public void setUrlPattern(String urlPattern) {
        this.urlPattern = urlPattern;
    }

    public Long getLeaseUntil() {
        return leaseUntil;
    }

    public void setLeaseUntil(Long leaseUntil) {
        this.leaseUntil = leaseUntil;
    }

    public Long getNextAttemptAt() {
        return nextAttemptAt;
    }

    public void setNextAttemptAt(Long nextAttemptAt) {
        this.nextAttemptAt = nextAttemptAt;
    }

    public int getAttempts() {
        return attempts;
    }

    public void setAttempts(int attempts) {
        this.attempts = attempts;
    }

    public String getMessageId() {
        return messageId;
    }

    public void setMessageId(String messageId) {
        this.messageId = messageId;
    }
}

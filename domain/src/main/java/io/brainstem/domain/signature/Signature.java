package io.brainstem.domain.signature;

import io.brainstem.domain.envelope.TenantId;
import io.brainstem.domain.shared.DomainViolation;
import io.brainstem.domain.shared.Text;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * A message template within a tenant and what has been seen of it: how often, when first and last,
 * on which hosts. Hosts are kept up to {@link #MAX_TRACKED_HOSTS}; the distinct count keeps counting.
 */
public final class Signature {

    public static final int MAX_TRACKED_HOSTS = 64;
    public static final int MAX_EXAMPLE_CHARS = 2048;

    private final SignatureId id;
    private final TenantId tenantId;
    private String template;
    private final String example;
    private long occurrenceCount;
    private Instant firstSeen;
    private Instant lastSeen;
    private final LinkedHashSet<String> hosts;
    private long distinctHostCount;
    private String service;
    private EventFamily eventFamily;

    private Signature(SignatureId id, TenantId tenantId, String template, String example, long occurrenceCount,
            Instant firstSeen, Instant lastSeen, Set<String> hosts, long distinctHostCount, String service,
            EventFamily eventFamily) {
        this.id = DomainViolation.requirePresent(id, "signature_id");
        this.tenantId = DomainViolation.requirePresent(tenantId, "tenant_id");
        this.template = DomainViolation.requireText(template, "template");
        this.example = Text.truncate(DomainViolation.requirePresent(example, "example"), MAX_EXAMPLE_CHARS);
        if (occurrenceCount < 1) {
            throw new DomainViolation("a signature has been seen at least once");
        }
        this.occurrenceCount = occurrenceCount;
        this.firstSeen = DomainViolation.requirePresent(firstSeen, "first_seen");
        this.lastSeen = DomainViolation.requirePresent(lastSeen, "last_seen");
        if (lastSeen.isBefore(firstSeen)) {
            throw new DomainViolation("last_seen must not be before first_seen");
        }
        this.hosts = new LinkedHashSet<>(hosts == null ? Set.of() : hosts);
        this.distinctHostCount = Math.max(distinctHostCount, this.hosts.size());
        this.service = service;
        this.eventFamily = DomainViolation.requirePresent(eventFamily, "event_family");
    }

    /** The signature created by its first message. */
    public static Signature first(SignatureId id, TenantId tenantId, String template, String example, Instant seenAt,
            String host, String service, EventFamily family) {
        Set<String> hosts = host == null ? Set.of() : Set.of(host);
        return new Signature(id, tenantId, template, example, 1, seenAt, seenAt, hosts, hosts.size(), service, family);
    }

    /** Rebuilds a signature from storage. */
    public static Signature restore(SignatureId id, TenantId tenantId, String template, String example,
            long occurrenceCount, Instant firstSeen, Instant lastSeen, Set<String> hosts, long distinctHostCount,
            String service, EventFamily family) {
        return new Signature(id, tenantId, template, example, occurrenceCount, firstSeen, lastSeen, hosts,
                distinctHostCount, service, family);
    }

    /** Records one more occurrence, seen at {@code at} on {@code host}, under the (possibly generalized) template. */
    public void recordOccurrence(String currentTemplate, Instant at, String host, String eventService) {
        DomainViolation.requireText(currentTemplate, "template");
        boolean reclassify = !currentTemplate.equals(template) || (service == null && eventService != null);
        template = currentTemplate;
        occurrenceCount++;
        if (at.isBefore(firstSeen)) {
            firstSeen = at;
        }
        if (at.isAfter(lastSeen)) {
            lastSeen = at;
        }
        if (host != null && !hosts.contains(host)) {
            distinctHostCount++;
            if (hosts.size() < MAX_TRACKED_HOSTS) {
                hosts.add(host);
            }
        }
        if (service == null) {
            service = eventService;
        }
        if (reclassify) {
            eventFamily = EventFamilyClassifier.classify(template, service);
        }
    }

    /**
     * Takes back one occurrence, when a replayed event moves to another signature. The signature keeps at
     * least one occurrence (its example), and first/last seen stay as observed.
     */
    public void retractOccurrence() {
        if (occurrenceCount > 1) {
            occurrenceCount--;
        }
    }

    /**
     * Takes in another signature of the same tenant that the miner merged into this one: occurrence counts add,
     * first and last seen widen, hosts are united up to {@link #MAX_TRACKED_HOSTS}. The template stays this
     * signature's current one; the absorbed signature's id becomes an alias of this one (kept by storage).
     * The distinct host count adds the absorbed's hosts not tracked here: exact while both signatures track all
     * their hosts; beyond {@link #MAX_TRACKED_HOSTS} the absorbed's untracked hosts count as new (an estimate).
     */
    public void absorb(Signature absorbed) {
        DomainViolation.requirePresent(absorbed, "absorbed signature");
        if (!absorbed.tenantId.equals(tenantId)) {
            throw new DomainViolation("signature " + absorbed.id + " of tenant " + absorbed.tenantId
                    + " cannot be merged into " + id + " of tenant " + tenantId);
        }
        if (absorbed.id.equals(id)) {
            throw new DomainViolation("signature " + id + " cannot absorb itself");
        }
        occurrenceCount += absorbed.occurrenceCount;
        if (absorbed.firstSeen.isBefore(firstSeen)) {
            firstSeen = absorbed.firstSeen;
        }
        if (absorbed.lastSeen.isAfter(lastSeen)) {
            lastSeen = absorbed.lastSeen;
        }
        long newHosts = 0;
        for (String host : absorbed.hosts) {
            if (!hosts.contains(host)) {
                newHosts++;
                if (hosts.size() < MAX_TRACKED_HOSTS) {
                    hosts.add(host);
                }
            }
        }
        long untracked = absorbed.distinctHostCount - absorbed.hosts.size();
        distinctHostCount = Math.max(distinctHostCount + newHosts + untracked,
                Math.max(absorbed.distinctHostCount, hosts.size()));
        if (service == null && absorbed.service != null) {
            service = absorbed.service;
            eventFamily = EventFamilyClassifier.classify(template, service);
        }
    }

    public SignatureId id() { return id; }
    public TenantId tenantId() { return tenantId; }
    public String template() { return template; }
    public String example() { return example; }
    public long occurrenceCount() { return occurrenceCount; }
    public Instant firstSeen() { return firstSeen; }
    public Instant lastSeen() { return lastSeen; }
    public Set<String> hosts() { return Collections.unmodifiableSet(hosts); }
    public long distinctHostCount() { return distinctHostCount; }
    public String service() { return service; }
    public EventFamily eventFamily() { return eventFamily; }

    @Override
    public boolean equals(Object o) {
        return o instanceof Signature other && id.equals(other.id) && tenantId.equals(other.tenantId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, tenantId);
    }
}

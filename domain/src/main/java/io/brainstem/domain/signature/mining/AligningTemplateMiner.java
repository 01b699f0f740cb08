package io.brainstem.domain.signature.mining;

import io.brainstem.domain.envelope.TenantId;
import io.brainstem.domain.shared.DomainViolation;
import io.brainstem.domain.signature.MinerSettings;
import io.brainstem.domain.signature.SignatureId;
import io.brainstem.domain.signature.TemplateMiner;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The default template miner: type-aware masking, an exact-match cache on the masked form, and
 * alignment against known templates for everything else.
 *
 * <ol>
 *   <li>{@link MessageMasker} masks the message in one pass (numbers, addresses, paths, host names,
 *       ids, {@code key=value} values, dates...). Messages with the same masked form always share a
 *       signature: a hash lookup answers most messages.</li>
 *   <li>An unseen masked form is compared with the templates that share its first or its last constant
 *       token ({@link TemplateAlignment}). The best fit wins: fewest generalized regions, then most
 *       shared constants, then the first found. Its template may generalize (a word becomes
 *       {@code <*>}); state words never do.</li>
 *   <li>When nothing fits, the masked form becomes the template of a new signature.</li>
 * </ol>
 *
 * <p><b>Ids.</b> A signature's id is {@link SignatureId#derive} of the tenant and its first template,
 * salted with a counter in the rare case that id is already held. It never changes when the template
 * generalizes; {@link #restore} re-creates a signature under its stored id. Two signatures are never
 * merged.
 *
 * <p><b>Memory.</b> At most {@link MinerSettings#maxSignatures()} signatures are held; creating or
 * restoring one more evicts the least recently matched. An evicted signature that recurs is created
 * again, under the same id when its first template is the same. The masked-form cache holds at most
 * {@link #cacheCapacity(MinerSettings)} entries and is emptied when full.
 *
 * <p>Not thread-safe: one instance per tenant, the caller serializes access.
 */
public final class AligningTemplateMiner implements TemplateMiner {

    static final String EMPTY_TEMPLATE = "<empty>";
    private static final String NO_ANCHOR = "";

    private final String tenant;
    private final int maxSignatures;
    private final MessageMasker masker = new MessageMasker();
    private final MaskedFormCache byMaskedForm;
    private final Map<SignatureId, LogCluster> byId = new HashMap<>();
    private final Map<String, List<LogCluster>> byFirstAnchor = new HashMap<>();
    private final Map<String, List<LogCluster>> byLastAnchor = new HashMap<>();
    private LogCluster newest;
    private LogCluster oldest;
    private int visit;

    public AligningTemplateMiner(TenantId tenant, MinerSettings settings) {
        this.tenant = DomainViolation.requirePresent(tenant, "tenant_id").value();
        this.maxSignatures = DomainViolation.requirePresent(settings, "miner_settings").maxSignatures();
        this.byMaskedForm = new MaskedFormCache(cacheCapacity(settings));
    }

    /** How many masked forms the exact-match cache holds before it is emptied. */
    static int cacheCapacity(MinerSettings settings) {
        return Math.max(1024, Math.min(4 * settings.maxSignatures(), 1 << 16));
    }

    @Override
    public Match add(String message) {
        CharSequence maskedForm = masker.maskInPlace(message == null ? "" : message);
        int hash = MaskedFormCache.hash(maskedForm);
        LogCluster known = byMaskedForm.get(maskedForm, hash);
        if (known != null && known.alive) {
            touch(known);
            return new Match(known.id, known.template(), false, false);
        }
        String masked = maskedForm.toString();
        String[] tokens = masked.isEmpty() ? new String[0] : masked.split(" ");
        TokenKind[] kinds = LogCluster.kindsOf(tokens);
        Match match = fitOrCreate(tokens, kinds);
        byMaskedForm.put(masked, hash, byId.get(match.signatureId()));
        return match;
    }

    private Match fitOrCreate(String[] tokens, TokenKind[] kinds) {
        LogCluster best = null;
        TemplateAlignment.Fit bestFit = null;
        visit++;
        for (String anchor : anchors(tokens, kinds)) {
            List<LogCluster> firsts = byFirstAnchor.get(anchor == null ? NO_ANCHOR : anchor);
            List<LogCluster> lasts = byLastAnchor.get(anchor == null ? NO_ANCHOR : anchor);
            for (List<LogCluster> bucket : bucketsOf(firsts, lasts)) {
                for (LogCluster candidate : bucket) {
                    if (candidate.visitStamp == visit) {
                        continue;
                    }
                    candidate.visitStamp = visit;
                    TemplateAlignment.Fit fit =
                            TemplateAlignment.fit(candidate.tokens(), candidate.kinds(), tokens, kinds);
                    if (fit != null && better(fit, bestFit)) {
                        best = candidate;
                        bestFit = fit;
                    }
                }
            }
        }
        if (best == null) {
            LogCluster created = create(allocateId(joined(tokens)), tokens);
            return new Match(created.id, created.template(), true, false);
        }
        touch(best);
        if (bestFit.merged() == null) {
            return new Match(best.id, best.template(), false, false);
        }
        unindex(best);
        best.setTokens(bestFit.merged());
        index(best);
        return new Match(best.id, best.template(), false, true);
    }

    private static List<List<LogCluster>> bucketsOf(List<LogCluster> a, List<LogCluster> b) {
        List<List<LogCluster>> buckets = new ArrayList<>(2);
        if (a != null) {
            buckets.add(a);
        }
        if (b != null) {
            buckets.add(b);
        }
        return buckets;
    }

    /** The message's first and last constant tokens: templates are looked up under these. */
    private static String[] anchors(String[] tokens, TokenKind[] kinds) {
        String first = null;
        String last = null;
        for (int i = 0; i < tokens.length; i++) {
            if (!kinds[i].hasWildcard()) {
                first = first == null ? tokens[i] : first;
                last = tokens[i];
            }
        }
        return first != null && first.equals(last) ? new String[] {first} : new String[] {first, last};
    }

    private static boolean better(TemplateAlignment.Fit fit, TemplateAlignment.Fit best) {
        if (best == null) {
            return true;
        }
        if (fit.generalizedRegions() != best.generalizedRegions()) {
            return fit.generalizedRegions() < best.generalizedRegions();
        }
        return fit.sharedConstants() > best.sharedConstants();
    }

    @Override
    public SignatureId restore(SignatureId id, String template) {
        DomainViolation.requirePresent(id, "signature_id");
        DomainViolation.requireText(template, "template");
        String stripped = template.strip();
        String[] tokens = stripped.equals(EMPTY_TEMPLATE) ? new String[0] : stripped.split("\\s+");
        LogCluster existing = byId.get(id);
        if (existing != null) {
            unindex(existing);
            existing.setTokens(tokens);
            index(existing);
            touch(existing);
            return id;
        }
        create(id, tokens);
        return id;
    }

    @Override
    public int size() {
        return byId.size();
    }

    private LogCluster create(SignatureId id, String[] tokens) {
        while (byId.size() >= maxSignatures) {
            evict(oldest);
        }
        LogCluster cluster = new LogCluster(id, tokens);
        byId.put(id, cluster);
        index(cluster);
        linkAsNewest(cluster);
        return cluster;
    }

    private SignatureId allocateId(String firstTemplate) {
        SignatureId id = SignatureId.derive(tenant, firstTemplate);
        for (int salt = 1; byId.containsKey(id); salt++) {
            id = SignatureId.derive(tenant, firstTemplate + "\u0000" + salt);
        }
        return id;
    }

    private static String joined(String[] tokens) {
        return tokens.length == 0 ? EMPTY_TEMPLATE : String.join(" ", tokens);
    }

    private void evict(LogCluster cluster) {
        cluster.alive = false;
        byId.remove(cluster.id);
        unindex(cluster);
        unlink(cluster);
    }

    private void index(LogCluster cluster) {
        byFirstAnchor.computeIfAbsent(anchorKey(cluster.firstAnchor()), k -> new ArrayList<>()).add(cluster);
        byLastAnchor.computeIfAbsent(anchorKey(cluster.lastAnchor()), k -> new ArrayList<>()).add(cluster);
    }

    private void unindex(LogCluster cluster) {
        removeFrom(byFirstAnchor, anchorKey(cluster.firstAnchor()), cluster);
        removeFrom(byLastAnchor, anchorKey(cluster.lastAnchor()), cluster);
    }

    private static String anchorKey(String anchor) {
        return anchor == null ? NO_ANCHOR : anchor;
    }

    private static void removeFrom(Map<String, List<LogCluster>> index, String key, LogCluster cluster) {
        List<LogCluster> bucket = index.get(key);
        if (bucket != null) {
            bucket.remove(cluster);
            if (bucket.isEmpty()) {
                index.remove(key);
            }
        }
    }

    private void touch(LogCluster cluster) {
        if (newest != cluster) {
            unlink(cluster);
            linkAsNewest(cluster);
        }
    }

    private void linkAsNewest(LogCluster cluster) {
        cluster.older = newest;
        cluster.newer = null;
        if (newest != null) {
            newest.newer = cluster;
        }
        newest = cluster;
        if (oldest == null) {
            oldest = cluster;
        }
    }

    private void unlink(LogCluster cluster) {
        if (cluster.newer != null) {
            cluster.newer.older = cluster.older;
        } else {
            newest = cluster.older;
        }
        if (cluster.older != null) {
            cluster.older.newer = cluster.newer;
        } else {
            oldest = cluster.newer;
        }
        cluster.newer = null;
        cluster.older = null;
    }
}

package io.brainstem.domain.signature.mining;

import io.brainstem.domain.envelope.TenantId;
import io.brainstem.domain.shared.DomainViolation;
import io.brainstem.domain.signature.MinerSettings;
import io.brainstem.domain.signature.SignatureId;
import io.brainstem.domain.signature.TemplateMiner;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SequencedSet;

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
 *   <li>When nothing fits, the masked form becomes the template of a new signature, unless it is the
 *       {@link MinerSettings#variableAfter()}-th distinct word at one position of otherwise identical
 *       templates (a <em>family</em>, found among the same candidates): then the family merges into
 *       its oldest member with {@code <*>} at that position. A position where new values keep arriving
 *       is a variable, whether or not a noun announces it; state words, enum constants and fields
 *       ({@link TokenKind#FIXED}) never count.</li>
 * </ol>
 *
 * <p><b>Ids and merges.</b> A signature's id is {@link SignatureId#derive} of the tenant and its first
 * template, salted with a counter in the rare case that id is already held or was merged away. It never
 * changes when the template generalizes; {@link #restore} re-creates a signature under its stored id. Two
 * signatures never hold equal templates: when a template becomes equal to another's (by generalizing, by
 * a family merge or by {@link #restore}) the younger merges into the older, and {@link Match#absorbed()}
 * names it. Masked forms cached for a merged signature resolve to its survivor.
 *
 * <p><b>Memory.</b> At most {@link MinerSettings#maxSignatures()} signatures are held; creating or
 * restoring one more evicts the least recently matched. An evicted signature that recurs is created
 * again, under the same id when its first template is the same. The masked-form cache holds at most
 * {@link #cacheCapacity(MinerSettings)} entries and is emptied when full. Families keep no state of their
 * own (they are found among the alignment's candidates); the ids merged away are remembered, so that they
 * are not handed out again, up to {@code maxSignatures} of them.
 *
 * <p>Not thread-safe: one instance per tenant, the caller serializes access.
 */
public final class AligningTemplateMiner implements TemplateMiner {

    static final String EMPTY_TEMPLATE = "<empty>";
    private static final String NO_ANCHOR = "";

    private final String tenant;
    private final int maxSignatures;
    private final int variableAfter;
    private final MessageMasker masker = new MessageMasker();
    private final MaskedFormCache byMaskedForm;
    private final Map<SignatureId, LogCluster> byId = new HashMap<>();
    private final Map<String, LogCluster> byTemplate = new HashMap<>();
    private final Map<String, List<LogCluster>> byFirstAnchor = new HashMap<>();
    private final Map<String, List<LogCluster>> byLastAnchor = new HashMap<>();
    private final SequencedSet<SignatureId> mergedAway = new LinkedHashSet<>();
    private final List<LogCluster> siblings = new ArrayList<>();
    private final List<Integer> siblingPositions = new ArrayList<>();
    private final List<LogCluster> covered = new ArrayList<>();
    private final List<LogCluster> tails = new ArrayList<>();
    private final List<Integer> tailPositions = new ArrayList<>();
    private LogCluster newest;
    private LogCluster oldest;
    private long born;
    private int visit;

    public AligningTemplateMiner(TenantId tenant, MinerSettings settings) {
        this.tenant = DomainViolation.requirePresent(tenant, "tenant_id").value();
        DomainViolation.requirePresent(settings, "miner_settings");
        this.maxSignatures = settings.maxSignatures();
        this.variableAfter = settings.variableAfter();
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
        if (known != null) {
            if (known.mergedInto != null) {
                known = known.survivor();
            }
            if (known.alive) {
                touch(known);
                return new Match(known.id, known.template(), false, false);
            }
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
        siblings.clear();
        siblingPositions.clear();
        covered.clear();
        tails.clear();
        tailPositions.clear();
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
                            TemplateAlignment.fit(candidate.tokens(), candidate.kinds(), tokens, kinds,
                                    candidate.wordVariables, candidate.textVariables);
                    if (fit != null) {
                        if (better(fit, bestFit)) {
                            best = candidate;
                            bestFit = fit;
                        }
                    } else if (best == null) {
                        if (covers(tokens, kinds, 0, 0, candidate)) {
                            covered.add(candidate);
                        }
                        int tail = TemplateAlignment.tailPosition(candidate.tokens(), candidate.kinds(), tokens, kinds);
                        if (tail >= 0) {
                            tails.add(candidate);
                            tailPositions.add(tail);
                        }
                        int position = TemplateAlignment.siblingPosition(
                                candidate.tokens(), candidate.kinds(), tokens, kinds, candidate.wordVariables);
                        if (position >= 0) {
                            siblings.add(candidate);
                            siblingPositions.add(position);
                        }
                    }
                }
            }
        }
        if (best == null) {
            Match family = generalizeFamily(tokens);
            if (family != null) {
                return family;
            }
            Match tail = generalizeTail(tokens);
            if (tail != null) {
                return tail;
            }
            LogCluster same = byTemplate.get(joined(tokens));
            if (same != null) {
                touch(same);
                return new Match(same.id, same.template(), false, false);
            }
            if (!covered.isEmpty()) {
                return generalizeCovered(tokens);
            }
            LogCluster created = create(allocateId(joined(tokens)), tokens);
            return new Match(created.id, created.template(), true, false);
        }
        touch(best);
        if (bestFit.merged() == null) {
            return new Match(best.id, best.template(), false, false);
        }
        List<SignatureId> absorbed = new ArrayList<>(1);
        LogCluster survivor = absorbCovered(retemplate(best, bestFit.merged(), absorbed), absorbed);
        return new Match(survivor.id, survivor.template(), false, true, absorbed);
    }

    /**
     * Whether a template of {@code tokens} takes every message of {@code candidate}'s template as it is,
     * with at least {@value TemplateAlignment#MIN_SHARED_FOR_GENERALIZING} shared constants: the message's
     * wildcard stands where the candidate holds a word or an identifier ({@code forwarded <*> to <*>} and
     * {@code forwarded relay4 to <*>}), which is evidence enough that it is a variable.
     */
    private static boolean covers(String[] tokens, TokenKind[] kinds, long wordVariables, long textVariables,
                                  LogCluster candidate) {
        TemplateAlignment.Fit fit = TemplateAlignment.fit(tokens, kinds, candidate.tokens(), candidate.kinds(),
                wordVariables, textVariables);
        return fit != null && fit.merged() == null
                && (fit.sharedConstants() >= TemplateAlignment.MIN_SHARED_FOR_GENERALIZING
                || (fit.sharedConstants() > 0 && (fit.wordsTaken() == 0
                || fit.equalTokens() >= 2 * TemplateAlignment.MIN_SHARED_FOR_GENERALIZING)));
    }

    /**
     * The message fits no template but, as a template, covers some ({@link #covered}): the oldest of them
     * takes the message's template and the others merge into it.
     */
    private Match generalizeCovered(String[] tokens) {
        LogCluster survivor = covered.getFirst();
        for (LogCluster c : covered) {
            if (c.born < survivor.born) {
                survivor = c;
            }
        }
        List<SignatureId> absorbed = new ArrayList<>(covered.size());
        for (LogCluster c : covered) {
            if (c != survivor && c.alive) {
                absorb(survivor, c, absorbed);
            }
        }
        touch(survivor);
        LogCluster result = retemplate(survivor, tokens, absorbed);
        return new Match(result.id, result.template(), false, true, absorbed);
    }

    /**
     * After {@code general}'s template generalized: the signatures whose templates it now covers (found
     * under its anchors) merge into it. Returns the survivor.
     */
    private LogCluster absorbCovered(LogCluster general, List<SignatureId> absorbed) {
        List<LogCluster> more = new ArrayList<>();
        LogCluster coveredBy = null;
        List<List<LogCluster>> buckets = bucketsOf(byFirstAnchor.get(anchorKey(general.firstAnchor())),
                byLastAnchor.get(anchorKey(general.lastAnchor())));
        if (general.fixedAnchor() != null) {
            buckets.addAll(bucketsOf(byFirstAnchor.get(general.fixedAnchor()), byLastAnchor.get(general.fixedAnchor())));
        }
        if (general.stemAnchor() != null) {
            buckets.addAll(bucketsOf(byFirstAnchor.get(general.stemAnchor()), null));
        }
        for (List<LogCluster> bucket : buckets) {
            for (LogCluster c : bucket) {
                if (c == general || more.contains(c)) {
                    continue;
                }
                if (covers(general.tokens(), general.kinds(), general.wordVariables, general.textVariables, c)) {
                    more.add(c);
                } else if (coveredBy == null
                        && covers(c.tokens(), c.kinds(), c.wordVariables, c.textVariables, general)) {
                    coveredBy = c;
                }
            }
        }
        LogCluster survivor = coveredBy != null ? foldInto(coveredBy, general, absorbed) : general;
        for (LogCluster c : more) {
            if (c.alive && c != survivor) {
                absorb(survivor, c, absorbed);
            }
        }
        return survivor;
    }

    /**
     * {@code general} generalized into a template that {@code wider}'s template already takes as it is: the
     * two are one signature with {@code wider}'s template, under the older id.
     */
    private LogCluster foldInto(LogCluster wider, LogCluster general, List<SignatureId> absorbed) {
        if (wider.born < general.born) {
            absorb(wider, general, absorbed);
            wider.wordVariables |= general.wordVariables;
            wider.textVariables |= general.textVariables;
            touch(wider);
            return wider;
        }
        String[] tokens = wider.tokens();
        long bits = wider.wordVariables;
        long text = wider.textVariables;
        absorb(general, wider, absorbed);
        LogCluster result = retemplate(general, tokens, absorbed);
        result.wordVariables = bits;
        result.textVariables = text;
        return result;
    }

    /**
     * Merges the message's family into one signature when the positions where they differ have reached
     * {@link #variableAfter} distinct values with this message, or returns {@code null}. Of several
     * families (siblings differing at other positions), the largest counts.
     */
    private Match generalizeFamily(String[] tokens) {
        if (siblings.size() + 1 < variableAfter) {
            return null;
        }
        int position = -1;
        int count = 0;
        for (int i = 0; i < siblings.size(); i++) {
            int p = siblingPositions.get(i);
            int n = 0;
            for (int j = 0; j < siblings.size(); j++) {
                n += siblingPositions.get(j) == p ? 1 : 0;
            }
            if (n > count) {
                position = p;
                count = n;
            }
        }
        int pair = -1;
        if (count + 1 < variableAfter) {
            pair = crossedPair(tokens);
            if (pair < 0) {
                return null;
            }
            position = pair;
            count = siblings.size();
        }
        int first = TemplateAlignment.firstOf(position);
        int second = TemplateAlignment.secondOf(position);
        String[] merged = tokens.clone();
        LogCluster survivor = null;
        List<LogCluster> family = new ArrayList<>(count);
        for (int i = 0; i < siblings.size(); i++) {
            if (pair >= 0 ? !within(siblingPositions.get(i), pair) : siblingPositions.get(i) != position) {
                continue;
            }
            LogCluster sibling = siblings.get(i);
            family.add(sibling);
            if (survivor == null || sibling.born < survivor.born) {
                survivor = sibling;
            }
            String[] own = sibling.tokens();
            merged[first] = generalized(merged[first], own[first]);
            merged[second] = generalized(merged[second], own[second]);
            for (int p = 0; p < merged.length; p++) {
                if (p != first && p != second && !own[p].equals(merged[p])
                        && !merged[p].equals(MessageMasker.WILDCARD)) {
                    merged[p] = own[p];
                }
            }
        }
        List<SignatureId> absorbed = new ArrayList<>(family.size());
        for (LogCluster member : family) {
            if (member != survivor) {
                absorb(survivor, member, absorbed);
            }
        }
        touch(survivor);
        survivor.wordVariables |= TemplateAlignment.wordVariableBit(first) | TemplateAlignment.wordVariableBit(second);
        LogCluster result = absorbCovered(retemplate(survivor, merged, absorbed), absorbed);
        return new Match(result.id, result.template(), false, true, absorbed);
    }

    /**
     * Two positions that both vary ({@code https-in~ be_app/<*>}, {@code http-in be_api/<*>}): the siblings
     * that differ from the message at one of them, or at both, are one family of {@link #variableAfter} members
     * when each position has also varied alone (a value at one does not decide the other: {@code 194
     * Temperature_Celsius} and {@code 190 Airflow_Temperature_Cel} vary together and stay apart). Two closed sets
     * crossed show as many members as one open set shows values. Returns the pair's sibling key, or -1.
     */
    private int crossedPair(String[] tokens) {
        for (int i = 0; i < siblings.size(); i++) {
            int key = siblingPositions.get(i);
            int a = TemplateAlignment.firstOf(key);
            int b = TemplateAlignment.secondOf(key);
            if (a == b || a == 0) {
                continue; // the first token often names the emitter (pam_unix(sudo:session):), not a value
            }
            int members = 0;
            boolean aloneAtA = false;
            boolean aloneAtB = false;
            for (int j = 0; j < siblings.size(); j++) {
                int other = siblingPositions.get(j);
                if (within(other, key)) {
                    members++;
                    aloneAtA |= other == TemplateAlignment.siblingKey(a, a);
                    aloneAtB |= other == TemplateAlignment.siblingKey(b, b);
                }
            }
            if (members + 1 >= variableAfter && aloneAtA && aloneAtB) {
                return key;
            }
        }
        return -1;
    }

    /** Whether a sibling differing at {@code key}'s positions differs only within the pair {@code pair}. */
    private static boolean within(int key, int pair) {
        int a = TemplateAlignment.firstOf(pair);
        int b = TemplateAlignment.secondOf(pair);
        int x = TemplateAlignment.firstOf(key);
        int y = TemplateAlignment.secondOf(key);
        return (x == a || x == b) && (y == a || y == b);
    }

    /**
     * Merges the message's tail family ({@link TemplateAlignment#tailPosition}) into its oldest member when it
     * has reached {@link #variableAfter} members with this message: the template keeps the shared beginning
     * (and the separator, with a wildcard for the name) and a free-text wildcard for the rest
     * ({@code Started <*> - <*>}, {@code neighbor <*> Down <*>}). Returns {@code null} when there is no such family.
     */
    private Match generalizeTail(String[] tokens) {
        if (tails.size() + 1 < variableAfter) {
            return null;
        }
        int position = -1;
        int count = 0;
        for (int i = 0; i < tails.size(); i++) {
            int p = tailPositions.get(i);
            int n = 0;
            for (int j = 0; j < tails.size(); j++) {
                n += tailPositions.get(j) == p ? 1 : 0;
            }
            if (n > count) {
                position = p;
                count = n;
            }
        }
        if (count + 1 < variableAfter) {
            return null;
        }
        int at = TemplateAlignment.tailPositionOf(position);
        boolean named = TemplateAlignment.tailNamed(position);
        int text = named ? at + 2 : at;
        String[] merged = new String[text + 1];
        System.arraycopy(tokens, 0, merged, 0, at);
        if (named) {
            merged[at] = MessageMasker.WILDCARD;
            merged[at + 1] = tokens[at + 1];
        }
        merged[text] = MessageMasker.WILDCARD;
        LogCluster survivor = null;
        List<LogCluster> family = new ArrayList<>(count);
        for (int i = 0; i < tails.size(); i++) {
            if (tailPositions.get(i) == position) {
                LogCluster member = tails.get(i);
                family.add(member);
                if (survivor == null || member.born < survivor.born) {
                    survivor = member;
                }
            }
        }
        List<SignatureId> absorbed = new ArrayList<>(family.size());
        for (LogCluster member : family) {
            if (member != survivor) {
                absorb(survivor, member, absorbed);
            }
        }
        touch(survivor);
        LogCluster result = retemplate(survivor, merged, absorbed);
        result.textVariables |= TemplateAlignment.wordVariableBit(text);
        result = absorbCovered(result, absorbed);
        return new Match(result.id, result.template(), false, true, absorbed);
    }

    /** One token standing for both: {@code <*>}, or the shared part around a wildcard ({@code user=<*>}). */
    private static String generalized(String merged, String other) {
        if (merged.equals(other)) {
            return merged;
        }
        if (merged.contains(MessageMasker.WILDCARD) && TemplateAlignment.globMatches(merged, other)) {
            return merged;
        }
        String token = TemplateAlignment.generalizedToken(merged, other);
        return token == null ? MessageMasker.WILDCARD : token;
    }

    /**
     * Gives {@code cluster} new tokens; if another signature already holds that template, the younger of
     * the two merges into the older (its id appended to {@code absorbed}). Returns the one that holds it.
     */
    private LogCluster retemplate(LogCluster cluster, String[] tokens, List<SignatureId> absorbed) {
        unindex(cluster);
        byTemplate.remove(cluster.template(), cluster);
        if (tokens.length != cluster.tokens().length) {
            long kept = prefixBits(cluster.tokens(), tokens);
            cluster.wordVariables &= kept;
            cluster.textVariables &= kept;
        }
        cluster.setTokens(tokens);
        index(cluster);
        LogCluster other = byTemplate.get(cluster.template());
        if (other == null || other == cluster) {
            byTemplate.put(cluster.template(), cluster);
            return cluster;
        }
        LogCluster older = other.born < cluster.born ? other : cluster;
        LogCluster younger = older == other ? cluster : other;
        absorb(older, younger, absorbed);
        older.wordVariables |= younger.wordVariables;
        older.textVariables |= younger.textVariables;
        byTemplate.put(older.template(), older);
        touch(older);
        return older;
    }

    /**
     * The word-variable bits that stay valid when a template changes length: those of the positions before
     * the first one where the old and the new tokens differ (a trailing field value that took the rest of
     * the message keeps {@code USER=<*>} a word variable).
     */
    private static long prefixBits(String[] before, String[] after) {
        int same = 0;
        int max = Math.min(before.length, after.length);
        while (same < max && (before[same].equals(after[same])
                || (after[same].contains(MessageMasker.WILDCARD) && TemplateAlignment.globMatches(after[same], before[same])))) {
            same++;
        }
        return same >= Long.SIZE ? -1L : (1L << same) - 1;
    }

    /** Merges {@code absorbed} into {@code survivor}: it stops existing, and its cached forms resolve there. */
    private void absorb(LogCluster survivor, LogCluster absorbed, List<SignatureId> ids) {
        if (absorbed.tokens().length == survivor.tokens().length) {
            survivor.wordVariables |= absorbed.wordVariables;
            survivor.textVariables |= absorbed.textVariables;
        }
        absorbed.alive = false;
        absorbed.mergedInto = survivor;
        byId.remove(absorbed.id);
        byTemplate.remove(absorbed.template(), absorbed);
        unindex(absorbed);
        unlink(absorbed);
        mergedAway.add(absorbed.id);
        while (mergedAway.size() > maxSignatures) {
            mergedAway.removeFirst();
        }
        ids.add(absorbed.id);
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
        String fixed = LogCluster.fixedAnchor(tokens, kinds, first, last);
        String stem = LogCluster.stemAnchor(tokens, kinds);
        if (fixed != null && stem != null) {
            return new String[] {first, last, fixed, stem};
        }
        if (fixed != null || stem != null) {
            return new String[] {first, last, fixed != null ? fixed : stem};
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
            touch(existing);
            return retemplate(existing, tokens, new ArrayList<>(1)).id;
        }
        LogCluster same = byTemplate.get(joined(tokens));
        if (same != null) {
            touch(same);
            mergedAway.add(id);
            while (mergedAway.size() > maxSignatures) {
                mergedAway.removeFirst();
            }
            return same.id;
        }
        mergedAway.remove(id);
        return create(id, tokens).id;
    }

    @Override
    public int size() {
        return byId.size();
    }

    private LogCluster create(SignatureId id, String[] tokens) {
        while (byId.size() >= maxSignatures) {
            evict(oldest);
        }
        LogCluster cluster = new LogCluster(id, ++born, tokens);
        byId.put(id, cluster);
        byTemplate.put(cluster.template(), cluster);
        index(cluster);
        linkAsNewest(cluster);
        return cluster;
    }

    private SignatureId allocateId(String firstTemplate) {
        SignatureId id = SignatureId.derive(tenant, firstTemplate);
        for (int salt = 1; byId.containsKey(id) || mergedAway.contains(id); salt++) {
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
        byTemplate.remove(cluster.template(), cluster);
        unindex(cluster);
        unlink(cluster);
    }

    private void index(LogCluster cluster) {
        byFirstAnchor.computeIfAbsent(anchorKey(cluster.firstAnchor()), k -> new ArrayList<>()).add(cluster);
        byLastAnchor.computeIfAbsent(anchorKey(cluster.lastAnchor()), k -> new ArrayList<>()).add(cluster);
        if (cluster.fixedAnchor() != null) {
            byFirstAnchor.computeIfAbsent(cluster.fixedAnchor(), k -> new ArrayList<>()).add(cluster);
        }
        if (cluster.stemAnchor() != null) {
            byFirstAnchor.computeIfAbsent(cluster.stemAnchor(), k -> new ArrayList<>()).add(cluster);
        }
    }

    private void unindex(LogCluster cluster) {
        removeFrom(byFirstAnchor, anchorKey(cluster.firstAnchor()), cluster);
        removeFrom(byLastAnchor, anchorKey(cluster.lastAnchor()), cluster);
        if (cluster.fixedAnchor() != null) {
            removeFrom(byFirstAnchor, cluster.fixedAnchor(), cluster);
        }
        if (cluster.stemAnchor() != null) {
            removeFrom(byFirstAnchor, cluster.stemAnchor(), cluster);
        }
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

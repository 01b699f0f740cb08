package io.brainstem.application.testing;

import io.brainstem.domain.envelope.TenantId;
import io.brainstem.domain.signature.SignatureId;
import io.brainstem.domain.signature.TemplateMiner;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A miner that merges on cue, for tests of what is built around merging (ADR 16): "login failed for carol"
 * generalizes the template and absorbs alice's and bob's signatures; afterwards every "login failed for …"
 * matches the generalized signature. Any other message is its own template. {@code restore} holds equal
 * templates under the id restored first.
 */
public final class ScriptedMergingMiner implements TemplateMiner {

    public static final SignatureId ALICE = new SignatureId("sig_alice");
    public static final SignatureId BOB = new SignatureId("sig_bob");
    public static final SignatureId USERS = new SignatureId("sig_users");
    private static final String GENERAL = "login failed for <*>";

    private final TenantId tenant;
    private final Map<String, SignatureId> held = new LinkedHashMap<>();
    private final Map<String, SignatureId> ids = Map.of("login failed for alice", ALICE, "login failed for bob", BOB);

    public ScriptedMergingMiner(TenantId tenant) {
        this.tenant = tenant;
    }

    @Override
    public Match add(String message) {
        if (message.equals("login failed for carol") && !held.containsKey(GENERAL)) {
            held.remove("login failed for alice");
            held.remove("login failed for bob");
            held.put(GENERAL, USERS);
            return new Match(USERS, GENERAL, true, true, List.of(ALICE, BOB));
        }
        if (message.startsWith("login failed for ") && held.containsKey(GENERAL)) {
            return new Match(USERS, GENERAL, false, false);
        }
        SignatureId known = held.get(message);
        if (known != null) {
            return new Match(known, message, false, false);
        }
        SignatureId id = ids.getOrDefault(message, SignatureId.derive(tenant.value(), message));
        held.put(message, id);
        return new Match(id, message, true, false);
    }

    @Override
    public SignatureId restore(SignatureId id, String template) {
        return held.computeIfAbsent(template, t -> id);
    }

    @Override
    public int size() {
        return held.size();
    }
}

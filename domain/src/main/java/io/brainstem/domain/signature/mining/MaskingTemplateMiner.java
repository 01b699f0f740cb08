package io.brainstem.domain.signature.mining;

import io.brainstem.domain.envelope.TenantId;
import io.brainstem.domain.signature.MinerSettings;
import io.brainstem.domain.signature.SignatureId;
import io.brainstem.domain.signature.TemplateMiner;
import java.util.LinkedHashMap;
import java.util.Map;

/** A first, simple engine: a token containing a digit becomes {@code <*>}; equal masked messages group. */
public final class MaskingTemplateMiner implements TemplateMiner {

    private final TenantId tenant;
    private final MinerSettings settings;
    private final Map<String, SignatureId> byTemplate = new LinkedHashMap<>(16, 0.75f, true);

    public MaskingTemplateMiner(TenantId tenant, MinerSettings settings) {
        this.tenant = tenant;
        this.settings = settings;
    }

    @Override
    public Match add(String message) {
        String template = mask(message);
        SignatureId id = byTemplate.get(template);
        if (id != null) {
            return new Match(id, template, false, false);
        }
        id = SignatureId.derive(tenant.value(), template);
        if (byTemplate.size() >= settings.maxSignatures()) {
            String eldest = byTemplate.keySet().iterator().next();
            byTemplate.remove(eldest);
        }
        byTemplate.put(template, id);
        return new Match(id, template, true, false);
    }

    @Override
    public void restore(SignatureId id, String template) {
        byTemplate.put(template, id);
    }

    @Override
    public int size() {
        return byTemplate.size();
    }

    static String mask(String message) {
        String[] tokens = message.strip().split("\\s+");
        StringBuilder out = new StringBuilder(message.length());
        for (String token : tokens) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(token.chars().anyMatch(Character::isDigit) ? "<*>" : token);
        }
        return out.toString();
    }
}

-- ADR 16: a signature merged into another is deleted from `signatures`; its id stays valid as an alias of the
-- survivor. Aliases always point at a live signature (a merge repoints the aliases of the absorbed id), so one
-- lookup resolves any id, chains are flattened and there is never a cycle. Events keep the id they were
-- written with; readers expand a survivor to itself and its aliases.
CREATE TABLE signature_aliases (
    alias_id    TEXT PRIMARY KEY,
    tenant_id   TEXT NOT NULL,
    survivor_id TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX signature_aliases_survivor ON signature_aliases (survivor_id);

-- Several nodes on one database (ADR 28): a write claims each tenant it touches by bumping the tenant's row here.
-- The row lock serializes the tenant's writes across nodes until the write ends; the count tells a node whether
-- another one wrote the tenant since it last did, so that its cached state of the tenant must be loaded again.
CREATE TABLE tenant_claims (
    tenant_id TEXT   PRIMARY KEY,
    writes    BIGINT NOT NULL
);

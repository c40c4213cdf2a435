-- Each organisation's engine as last written down (at a graceful stop, and after many records), so that a
-- restart replays only the records after it. Derived data: dropping a row only makes the next start slower.

-- Schema 1 set a table aside for them that nothing wrote; it is replaced by one row per organisation.
drop table engine_snapshot;

create table engine_snapshot (
    tenant_id    bigint      primary key references tenant (id),
    seq          bigint      not null,     -- the last record folded into it
    newest       timestamptz not null,     -- the time of the newest record folded in (the organisation's clock)
    versions_id  text        not null,     -- the reference data and models it was built with
    classes      text        not null,     -- the classes it holds, one per line
    fingerprint  text        not null,     -- SHA-256 of those classes' bytes in the build that wrote it
    taken_at     timestamptz not null default now(),
    body         bytea       not null      -- Java serialisation, Zstandard-compressed
);

-- Identifiers compare byte by byte ("C" collation). Ids and type names are ASCII, so their order is the same
-- as under a UTF-8 locale, but PostgreSQL compares "C" text with memcmp instead of the locale library: every
-- index insert and lookup on them is cheaper. Indexes on these columns are rebuilt.
alter table record
    alter column type type text collate "C",
    alter column record_id type text collate "C",
    alter column record_key type text collate "C";
alter table assessment
    alter column assessment_id type text collate "C",
    alter column subject_type type text collate "C",
    alter column subject_id type text collate "C";
alter table alert
    alter column dedup_key type text collate "C";

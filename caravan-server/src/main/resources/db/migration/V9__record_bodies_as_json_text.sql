-- Record bodies are kept as json, the text as it was sent (already the record's canonical JSON), instead of
-- jsonb. jsonb converts every body to its binary form on insert, and the conversion was the largest part of
-- storing a record: inserting 100 000 order records with psql took about a fifth less time as json (PostgreSQL
-- 18, this project's 2-core machine). Nothing reads a record's body by its binary form: the server returns the
-- text, the engine is rebuilt from the text, and the few fields lists filter on are read with ->>, which json
-- has too; the partial indexes on those fields are rebuilt on the same expressions.
--
-- A body comes back now exactly as stored, its fields in the canonical order, where jsonb returned them
-- shortest key first. The table is rewritten once, which takes a while on a large store.
alter table record alter column body type json using body::json;

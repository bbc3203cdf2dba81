-- PostgreSQL only (application-postgres.yaml adds this location).
--
-- A search by the start of a word ("word LIKE 'smi%'") uses a b-tree index on PostgreSQL only
-- when the index compares text byte by byte (text_pattern_ops) or the database's collation is
-- "C"; the primary key of cf_case_word follows the database's collation. H2 uses its own index.
create index if not exists cf_case_word_prefix_ix on cf_case_word (word text_pattern_ops, process_instance_id);

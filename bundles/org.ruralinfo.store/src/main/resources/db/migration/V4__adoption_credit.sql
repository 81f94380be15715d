-- V4: what a scoring policy may need of an adoption beyond Art. 19(1) of the Bayingolin measures
-- (optional exchange v1 fields of an adoption, see Adoption in the API). Portable SQL (H2 2.x and
-- PostgreSQL): one column per ALTER TABLE statement; existing rows keep NULL in both.
-- credited_units: the units a combined (综合) adoption credits, their ids joined by commas in the
--   order given (NULL or empty: the item's own unit alone).
-- leader_level: for a region_instruction, the level of the leader who instructed (secretary,
--   deputy_secretary, chairman, vice_chairman …); NULL when unknown.
ALTER TABLE adoptions ADD COLUMN credited_units VARCHAR(2000);
ALTER TABLE adoptions ADD COLUMN leader_level VARCHAR(50);

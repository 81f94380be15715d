-- V8: which item each facts revision changed (issue #9), so that scoring brings a year it has read up to
-- date by reading back only the changed items. A transaction that changes one item (an intake transition,
-- an adoption) bumps the revision and writes one row here with the new revision; any other change of the
-- facts (an import, a notice) bumps the revision without a row, and a reader that finds a revision without
-- its row reads the whole year again. Old rows are pruned; a gap means the same.
CREATE TABLE fact_changes (
    rev  BIGINT      NOT NULL,
    item VARCHAR(64) NOT NULL
);
CREATE INDEX fact_changes_rev ON fact_changes (rev);

-- V2: the revision of the facts that scoring reads. Every transaction that changes them adds one,
-- so every node of an installation sees that its cached rankings are stale.
CREATE TABLE revision (
    id    INT    PRIMARY KEY,
    rev BIGINT NOT NULL
);
INSERT INTO revision (id, rev) VALUES (1, 1);

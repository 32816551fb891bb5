-- 0010_petition_sequences: the last tracking-code sequence given out per
-- commune and year (FB-01). CreateIn takes the next number with one
-- INSERT … ON CONFLICT DO UPDATE … RETURNING on this row instead of
-- MAX(sequence) + 1 over petitions: two submissions at the same moment both
-- read the same MAX and the second failed on the unique code with 409
-- (issue #8); on the counter row the second waits for the first, and the
-- SERIALIZABLE check turns the race into a 40001 that PgDatabase retries.
-- Numbers stay gapless: the row is updated in the petition's transaction, so
-- a rolled-back submission gives its number back.
-- PostgreSQL 15 version; mirrors migrations/sqlite/0010_petition_sequences.sql.
CREATE TABLE petition_sequences (
  commune_id BIGINT NOT NULL REFERENCES communes (id),
  year BIGINT NOT NULL,
  last_sequence BIGINT NOT NULL CHECK (last_sequence >= 1),
  PRIMARY KEY (commune_id, year)
);

INSERT INTO petition_sequences (commune_id, year, last_sequence)
SELECT commune_id, year, MAX(sequence) FROM petitions GROUP BY commune_id, year;

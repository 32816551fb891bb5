-- 0010_petition_sequences: the last tracking-code sequence given out per
-- commune and year (FB-01). CreateIn takes the next number with one
-- INSERT … ON CONFLICT DO UPDATE … RETURNING on this row instead of
-- MAX(sequence) + 1 over petitions: two submissions at the same moment on
-- PostgreSQL both read the same MAX and the second failed on the unique code
-- (issue #8); on the counter row the second waits for the first, and
-- PostgreSQL's SERIALIZABLE check turns the race into a retried 40001.
-- Numbers stay gapless: the row is updated in the petition's transaction, so
-- a rolled-back submission gives its number back.
CREATE TABLE petition_sequences (
  commune_id INTEGER NOT NULL REFERENCES communes (id),
  year INTEGER NOT NULL,
  last_sequence INTEGER NOT NULL CHECK (last_sequence >= 1),
  PRIMARY KEY (commune_id, year)
) STRICT;

INSERT INTO petition_sequences (commune_id, year, last_sequence)
SELECT commune_id, year, MAX(sequence) FROM petitions GROUP BY commune_id, year;

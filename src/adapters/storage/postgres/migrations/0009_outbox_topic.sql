-- 0009_outbox_topic: what a message is about when it is not a petition
-- (issue #7 §7): "results:<conference id>:<village id>" for the results
-- notice sent to a village head, so the notice counts as delivered to that
-- village when the message is sent. '' for petition messages and digests.
-- PostgreSQL 15 version; mirrors migrations/sqlite/0009_outbox_topic.sql
-- (issue #8). The statement is the same in both engines; the column is
-- appended last, as in SQLite.
ALTER TABLE outbox_messages ADD COLUMN topic TEXT NOT NULL DEFAULT '';

-- What a key was first used for (SHA-256 of the report as read): the same key with another report is refused.
ALTER TABLE idempotency_key ADD COLUMN fingerprint TEXT;

-- Reminders by e-mail leave through an outbox like the events: a mail is decided and stored in the transaction that
-- finds it due (a return, a deadline coming, cases waiting), once per reason (reason_key is unique: the same reason
-- found again, by a later run or another replica, inserts nothing), and the mail relay sends what is not sent yet.
CREATE TABLE mail_outbox (
    id          BIGSERIAL PRIMARY KEY,
    reason_key  TEXT        NOT NULL UNIQUE,
    recipients  TEXT        NOT NULL,   -- comma-separated addresses
    subject     TEXT        NOT NULL,
    body        TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    sent_at     TIMESTAMPTZ,
    attempts    INT         NOT NULL DEFAULT 0,
    last_error  TEXT
);
CREATE INDEX mail_outbox_unsent ON mail_outbox (id) WHERE sent_at IS NULL;

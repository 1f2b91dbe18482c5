-- App tokens (issue 15, trusted operations). A token is PERSONAL, as every token was before,
-- and runs any operation (analysts' scripts), or APP: it runs only the trusted operations of
-- the server's manifest (the SPA's and the mobile clients', sent by hash), so that a token
-- taken from a phone cannot be used to ask the API anything else.

-- +goose Up
ALTER TABLE api_token ADD COLUMN kind text NOT NULL DEFAULT 'PERSONAL' CHECK (kind IN ('PERSONAL', 'APP'));

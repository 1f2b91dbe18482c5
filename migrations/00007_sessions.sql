-- SPA sessions know their user, so that a password change or reset, and a deactivation, can
-- end every session of the user (scs keeps the user only inside the encoded session data).
--
-- Sessions from before this migration have no user to find them by: they are ended, and
-- everyone signed in signs in once more.

-- +goose Up
DELETE FROM sessions;
ALTER TABLE sessions ADD COLUMN user_id integer REFERENCES app_user (id);
CREATE INDEX sessions_user_idx ON sessions (user_id);

COMMENT ON COLUMN sessions.user_id IS 'The signed-in user; null for a session nobody has signed in to.';

-- Sign-in through an OpenID Connect identity provider: which account at which provider signs
-- in as which user.

-- +goose Up

-- A user's account at an identity provider (issuer, subject), linked at the account's first
-- sign-in, when it matched the user by a verified email. Later sign-ins match by the subject
-- only: a provider never reassigns a subject, while an email can change there or pass to
-- another person, and must then not move the sign-in to another user. A user has at most one
-- account of each provider; an ADMIN unlinks one (e.g. the person's account at the provider
-- was recreated) by deleting its row.
CREATE TABLE user_identity (
    issuer       text NOT NULL,
    subject      text NOT NULL,
    user_id      integer NOT NULL REFERENCES app_user (id),
    -- the email the account was matched by, for the administrator's record
    email        text NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    last_used_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (issuer, subject),
    UNIQUE (user_id, issuer)
);

COMMENT ON TABLE user_identity IS 'Accounts at an OpenID Connect identity provider, each linked to the user it signs in as.';

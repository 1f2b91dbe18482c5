-- +goose Up
-- The server runs as a role that owns nothing (migrations/roles.go) and so may not create
-- tables; the audit log's monthly partitions, which it adds at start and twice a day, are
-- created with the owner's rights instead. The fixed search_path keeps a caller from putting
-- its own objects in the function's way.
ALTER FUNCTION audit_event_ensure_partitions(date, date) SECURITY DEFINER SET search_path = public, pg_temp;
-- Only the roles given EXECUTE below may call it (functions are callable by all by default).
REVOKE EXECUTE ON FUNCTION audit_event_ensure_partitions(date, date) FROM PUBLIC;

-- Administrators can make a user choose a new password at the next login (always after a reset).
ALTER TABLE console_user ADD COLUMN must_change_password BOOLEAN NOT NULL DEFAULT FALSE;

-- The audit viewer filters by time and pages by id, newest first.
CREATE INDEX audit_event_outcome_idx ON audit_event (outcome) WHERE outcome <> 'SUCCESS';

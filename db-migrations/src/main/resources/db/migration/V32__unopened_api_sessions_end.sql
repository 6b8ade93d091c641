-- A session started through the API that nobody opened in time ends without ever getting an agent token.
ALTER TABLE support_session DROP CONSTRAINT support_session_token_once_requested;
ALTER TABLE support_session ADD CONSTRAINT support_session_token_once_requested
    CHECK (state = 'WAITING' OR token_hash IS NOT NULL OR (state = 'ENDED' AND outcome = 'NOT_OPENED'));

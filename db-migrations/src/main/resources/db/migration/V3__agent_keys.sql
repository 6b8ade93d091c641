-- Agents authenticate with their own Ed25519 key pair: the site keeps the public half (X.509, Base64).
ALTER TABLE jump_client ADD COLUMN public_key VARCHAR(200);

-- TURN over TLS (RFC 8656 "turns:", default port 5349) using the node's server certificate.
ALTER TABLE turn_settings ADD COLUMN tls_enabled BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE turn_settings ADD COLUMN tls_port INTEGER DEFAULT 5349 NOT NULL;

-- Configuration > Protocols > SIP: "Digest algorithms" offered in challenges (RFC 8760). A row saved before this
-- setting existed keeps the engine's default, SHA-256 then MD5.
ALTER TABLE sip_settings ADD COLUMN digest_algorithms VARCHAR(16) DEFAULT 'SHA_256_AND_MD5' NOT NULL;

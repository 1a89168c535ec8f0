-- The "Advanced" rows of the ICE passthrough metrics (P07/P08) need, per call, which endpoints offered ICE
-- candidates and whether the node had the required ICE configuration (passthrough On on its zones, TLS on both
-- legs). Calls stored before this migration saw no ICE handling: none offered, not configured.

ALTER TABLE call_record ADD COLUMN ice_candidates VARCHAR(16) DEFAULT 'NONE' NOT NULL;
ALTER TABLE call_record ADD COLUMN ice_configured BOOLEAN DEFAULT FALSE NOT NULL;

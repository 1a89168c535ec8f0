-- Status > Calls > History at a million calls: a page in any column's order, either way, reads its rows from an
-- index instead of sorting the table. H2 does not walk an index backwards, so each order has its ascending and its
-- descending index (PostgreSQL could use one of each pair both ways). The ones led by status and ICE passthrough
-- call type also count those filters from the index.
CREATE INDEX ix_call_record_start_desc ON call_record (start_time DESC, id DESC);
CREATE INDEX ix_call_record_end ON call_record (end_time, id);
CREATE INDEX ix_call_record_end_desc ON call_record (end_time DESC, id DESC);
CREATE INDEX ix_call_record_duration ON call_record (duration_ms, id);
CREATE INDEX ix_call_record_duration_desc ON call_record (duration_ms DESC, id DESC);
CREATE INDEX ix_call_record_source ON call_record (source_alias, id);
CREATE INDEX ix_call_record_source_desc ON call_record (source_alias DESC, id DESC);
CREATE INDEX ix_call_record_destination ON call_record (destination_alias, id);
CREATE INDEX ix_call_record_destination_desc ON call_record (destination_alias DESC, id DESC);
CREATE INDEX ix_call_record_status ON call_record (status, id);
CREATE INDEX ix_call_record_status_desc ON call_record (status DESC, id DESC);
CREATE INDEX ix_call_record_ice ON call_record (ice_call_type, id);
CREATE INDEX ix_call_record_ice_desc ON call_record (ice_call_type DESC, id DESC);
CREATE INDEX ix_call_record_reason ON call_record (disconnect_reason, id);
CREATE INDEX ix_call_record_reason_desc ON call_record (disconnect_reason DESC, id DESC);
CREATE INDEX ix_call_record_bandwidth ON call_record (bandwidth_kbps, id);
CREATE INDEX ix_call_record_bandwidth_desc ON call_record (bandwidth_kbps DESC, id DESC);

-- Configuration > Local Zone > Traversal Subzone (P31: the traversal media port range) and Configuration >
-- Traversal > Ports (P32: the demultiplexing pair). One row, id 1, written at the first save of either page; until
-- then the engine's defaults (MediaConfig.defaults()) apply, so no default is repeated here.
CREATE TABLE media_settings (
    id                          INTEGER  NOT NULL PRIMARY KEY,
    range_start                 INTEGER  NOT NULL,
    range_end                   INTEGER  NOT NULL,
    use_configured_demux_ports  BOOLEAN  NOT NULL,
    demux_rtp_port              INTEGER  NOT NULL,
    demux_rtcp_port             INTEGER  NOT NULL,
    version                     BIGINT   NOT NULL
);

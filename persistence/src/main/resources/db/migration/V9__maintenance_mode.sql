-- Maintenance > Maintenance mode (seed 001): the node refuses new calls, registrations and TURN allocations while
-- existing ones carry on. Off for every node, including those created before this setting existed.
ALTER TABLE system_settings ADD COLUMN maintenance_mode BOOLEAN DEFAULT FALSE NOT NULL;

pub mod coalesce;
pub mod current_date;
pub mod current_time;
pub mod current_timestamp;
pub mod generate_uuid;
pub mod ifnull;
pub mod nullif;

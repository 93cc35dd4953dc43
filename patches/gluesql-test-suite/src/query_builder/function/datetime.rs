pub mod conversion;
pub mod current_date_and_time;
pub mod formatting;

pub mod data_aggregation;
pub mod data_selection_and_projection;

pub mod case_conversion;
pub mod character_conversion;
pub mod padding;
pub mod position_and_indexing;
pub mod trimming;

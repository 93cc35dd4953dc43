pub mod basic_arithmetic;
pub mod conversion;
pub mod rounding;

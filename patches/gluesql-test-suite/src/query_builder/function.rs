pub mod datetime;
pub mod math;
pub mod reference;
pub mod text;

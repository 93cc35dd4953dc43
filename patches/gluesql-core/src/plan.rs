mod statement;

pub use statement::*;

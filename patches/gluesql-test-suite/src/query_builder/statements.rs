pub mod querying;

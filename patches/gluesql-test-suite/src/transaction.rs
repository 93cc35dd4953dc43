pub mod query_builder;

pub mod insert_schema;

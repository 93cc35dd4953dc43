//! One component per file.
pub mod plan_tree;
pub mod result_pane;
pub mod rows_table;
pub mod sql_editor;
pub mod status_badge;

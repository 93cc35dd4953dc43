//! One component per file.
pub mod add_index_form;
pub mod copy_link;
pub mod dataset_panel;
pub mod distribution_strip;
pub mod earlier_statements;
pub mod index_panel;
pub mod memory_use;
pub mod pattern_picker;
pub mod plan_tree;
pub mod result_pane;
pub mod rows_table;
pub mod run_controls;
pub mod sql_editor;
pub mod status_badge;
pub mod verdict_bar;

mod alter;
mod context;
mod delete;
mod evaluate;
mod execute;
mod fetch;
mod filter;
mod insert;
mod query;
mod select;
mod update;
mod validate;

pub use {
    alter::{AlterError, Referencing},
    context::RowContext,
    delete::DeleteError,
    evaluate::{EvaluateError, evaluate_stateless},
    execute::{ExecuteError, Payload, PayloadVariable, execute},
    fetch::FetchError,
    insert::InsertError,
    query::QueryError,
    update::UpdateError,
    validate::ValidateError,
};

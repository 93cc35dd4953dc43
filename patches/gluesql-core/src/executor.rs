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
    // seekscan: lets a caller pull a query's rows one at a time and stop
    // early (a cap on the rows a runaway query may materialise).
    query::{QueryError, QueryIter, execute_with_labels},
    update::UpdateError,
    validate::ValidateError,
};

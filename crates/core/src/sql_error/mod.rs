//! GlueSQL's errors in words a user can act on. GlueSQL speaks of its own
//! internals ("translate: unimplemented - …", "evaluate: identifier not
//! found: x"); an [`SqlError`] names the construct, the statement it sits
//! in, and what to write instead, under a typed [`ErrorKind`]. The engine
//! turns every GlueSQL error into one (`EngineError::Refused`), so the page,
//! the worker and the CLI print the same words.
mod translate;

use std::fmt;

use gluesql_core::error::{
    Error, EvaluateError, ExecuteError, FetchError, InsertError, PlannerError, QueryError,
    UpdateError, ValidateError, ValueError,
};
use serde::{Deserialize, Serialize};

/// What kind of mistake, for callers that react to it (and for tests).
#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// Text GlueSQL's own parser refuses.
    Syntax,
    /// A construct the engine does not run: a JOIN kind, WITH, UNION, a
    /// function, a type, a clause of a write.
    Unsupported,
    UnknownTable,
    UnknownColumn,
    /// An unqualified column more than one joined table has.
    AmbiguousColumn,
    /// A function called with the wrong number or form of arguments.
    WrongArguments,
    /// A value of the wrong type for its operator, function, cast or column.
    WrongType,
    /// The data, not the text: division by zero, an overflow, a subquery
    /// that returned more than one row where one value was wanted.
    BadValue,
    DuplicateKey,
    PrimaryKeyUpdate,
    /// A row that leaves out a NOT NULL column or does not fit its table.
    MissingValue,
    /// The storage's own refusal, already in its words: a run limit, a
    /// pending index.
    Storage,
}

/// One error, typed, with the words to show.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct SqlError {
    pub kind: ErrorKind,
    /// What went wrong, naming the construct ("RIGHT JOIN is not supported").
    pub problem: String,
    /// What to write instead, when there is something to write.
    pub instead: Option<String>,
    /// The statement it happened in, as typed (its first characters).
    pub statement: Option<String>,
    /// Which statement of how many, when the input had several.
    pub position: Option<(usize, usize)>,
}

/// Characters of the statement quoted in a message.
const QUOTED_CHARS: usize = 60;

impl SqlError {
    fn new(kind: ErrorKind, problem: impl Into<String>, instead: Option<&str>) -> Self {
        Self {
            kind,
            problem: problem.into(),
            instead: instead.map(str::to_owned),
            statement: None,
            position: None,
        }
    }

    /// The same error, saying which statement it came from.
    pub fn in_statement(mut self, text: &str) -> Self {
        let text = text.trim();
        self.statement = Some(match text.char_indices().nth(QUOTED_CHARS) {
            Some((cut, _)) => format!("{}…", text[..cut].trim_end()),
            None => text.to_owned(),
        });
        self
    }

    /// The same error, saying it was statement `at` (from 1) of `count`.
    pub fn at(mut self, at: usize, count: usize) -> Self {
        self.position = Some((at, count));
        self
    }
}

impl fmt::Display for SqlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some((at, count)) = self.position {
            write!(f, "statement {at} of {count}: ")?;
        }
        write!(f, "{}", self.problem)?;
        // The storage's messages already end in what to do.
        if let (Some(statement), false) = (&self.statement, self.kind == ErrorKind::Storage) {
            write!(f, " in `{statement}`")?;
        }
        if let Some(instead) = &self.instead {
            write!(f, ": {instead}")?;
        }
        Ok(())
    }
}

impl std::error::Error for SqlError {}

impl From<&Error> for SqlError {
    fn from(error: &Error) -> Self {
        reword(error)
    }
}

/// The sample's tables, for a message about a table that is not there.
const TABLES: &str = "the tables are upstream_reportrun, upstream_domainauditevent and \
                      upstream_productconfig (and any the input creates)";
const CAST: &str = "compare values of one type, or CAST(value AS type) one side";

/// The words for one GlueSQL error.
pub fn reword(error: &Error) -> SqlError {
    use ErrorKind::*;
    match error {
        Error::Parser(message) => {
            SqlError::new(Syntax, format!("SQL syntax error: {message}"), None)
        }
        Error::Translate(error) => translate::reword(error),
        Error::Evaluate(error) => evaluate(error),
        Error::Value(error) => value(error),
        Error::Planner(PlannerError::ColumnReferenceAmbiguous(column)) => SqlError::new(
            AmbiguousColumn,
            format!("column {column} is in more than one of the joined tables"),
            Some(&format!("qualify it with its table or alias: t.{column}")),
        ),
        Error::Fetch(FetchError::TableNotFound(table))
        | Error::Execute(ExecuteError::TableNotFound(table))
        | Error::Insert(InsertError::TableNotFound(table)) => unknown_table(table),
        Error::Query(QueryError::TableAliasNotFound(alias)) => SqlError::new(
            UnknownTable,
            format!("unknown table or alias {alias}"),
            Some("qualify columns with a table or alias named in FROM"),
        ),
        Error::Insert(InsertError::WrongColumnName(column))
        | Error::Update(UpdateError::ColumnNotFound(column)) => unknown_column(column),
        Error::Insert(InsertError::LackOfRequiredColumn(column)) => SqlError::new(
            MissingValue,
            format!("INSERT leaves out column {column}, which has no default"),
            Some(&format!("list {column} and give it a value")),
        ),
        Error::Insert(InsertError::ColumnAndValuesNotMatched | InsertError::TooManyValues)
        | Error::Query(QueryError::ValuesLengthMismatch) => SqlError::new(
            MissingValue,
            format!(
                "the INSERT's values do not match its columns ({})",
                inner_text(error)
            ),
            Some("give one value per listed column, in the same order"),
        ),
        Error::Validate(ValidateError::DuplicateEntryOnPrimaryKeyField(key)) => SqlError::new(
            DuplicateKey,
            format!("duplicate primary key {}", debug_inner(&format!("{key:?}"))),
            Some("the statement changed nothing; pick a key no row has"),
        ),
        Error::Validate(ValidateError::DuplicateEntryOnUniqueField(value, column)) => {
            SqlError::new(
                DuplicateKey,
                format!(
                    "duplicate value {} in unique column {column}",
                    debug_inner(&format!("{value:?}"))
                ),
                Some("the statement changed nothing; pick a value no row has"),
            )
        }
        Error::Update(UpdateError::UpdateOnPrimaryKeyNotSupported(column)) => SqlError::new(
            PrimaryKeyUpdate,
            format!("primary keys can't be updated here (SET {column})"),
            Some("delete the row and insert it with the new key"),
        ),
        Error::StorageMsg(message) => storage(message),
        other => SqlError::new(Unsupported, inner_text(other), None),
    }
}

/// The storage's messages are seekscan's own words, except the two GlueSQL
/// sends through it: a table the storage lacks, and a function name GlueSQL
/// does not know (it asks the storage for a user-defined one).
fn storage(message: &str) -> SqlError {
    if let Some(table) = message.strip_prefix("table not found: ") {
        return unknown_table(table);
    }
    if message.ends_with("CustomFunction is not supported") {
        return unknown_function("a function of this name");
    }
    SqlError::new(ErrorKind::Storage, message, None)
}

fn unknown_function(name: &str) -> SqlError {
    SqlError::new(
        ErrorKind::Unsupported,
        format!("{name} is not one GlueSQL has"),
        Some("use one of GlueSQL 0.20's functions (docs/sql.md links the list)"),
    )
}

fn unknown_table(table: &str) -> SqlError {
    SqlError::new(
        ErrorKind::UnknownTable,
        format!("unknown table {table}"),
        Some(TABLES),
    )
}

fn unknown_column(column: &str) -> SqlError {
    SqlError::new(
        ErrorKind::UnknownColumn,
        format!("unknown column {column}"),
        Some("check its spelling against the table's columns (docs/sql.md lists them)"),
    )
}

fn evaluate(error: &EvaluateError) -> SqlError {
    use ErrorKind::*;
    use EvaluateError as E;
    match error {
        E::IdentifierNotFound(column) => unknown_column(column),
        E::CompoundIdentifierNotFound {
            table_alias,
            column_name,
        } => unknown_column(&format!("{table_alias}.{column_name}")),
        E::UnsupportedFunction(name) => unknown_function(&format!("the function {name}")),
        E::DivisorShouldNotBeZero => division_by_zero(),
        E::MoreThanOneRowReturned => SqlError::new(
            BadValue,
            "a subquery used as a value returned more than one row",
            Some("add LIMIT 1 to it, or test membership with IN (subquery)"),
        ),
        E::MoreThanOneColumnReturned | E::InSubqueryMustReturnOneColumn => SqlError::new(
            WrongArguments,
            "a subquery used as a value or in IN (…) selects more than one column",
            Some("select one column in it"),
        ),
        E::BooleanTypeRequired(value) => SqlError::new(
            WrongType,
            format!("a condition (WHERE, ON, HAVING, CASE WHEN) gave {value}, not TRUE or FALSE"),
            Some("compare it: column = value, or column IS NULL"),
        ),
        E::FunctionRequiresMoreArguments { .. }
        | E::FunctionArgsLengthNotWithinRange { .. }
        | E::FunctionRequiresAtLeastOneArgument(_)
        | E::EmptyArgNotAllowedInConcat => SqlError::new(WrongArguments, error.to_string(), None),
        E::FunctionRequiresStringValue(name) => needs(name, "a text"),
        E::FunctionRequiresIntegerValue(name) | E::FunctionRequiresUSizeValue(name) => {
            needs(name, "an integer")
        }
        E::FunctionRequiresFloatValue(name) | E::FunctionRequiresFloatOrIntegerValue(name) => {
            needs(name, "a number")
        }
        E::FunctionRequiresIntegerOrStringValue(name) => needs(name, "an integer or text"),
        E::FunctionRequiresDateOrDateTimeValue(name) => needs(name, "a date or timestamp"),
        other => SqlError::new(WrongType, other.to_string(), Some(CAST)),
    }
}

/// A function given an argument of the wrong type.
fn needs(function: &str, kind: &str) -> SqlError {
    SqlError::new(
        ErrorKind::WrongType,
        format!("{function} takes {kind} argument"),
        Some(&format!(
            "CAST(argument AS type) to pass {kind} value to {function}"
        )),
    )
}

fn value(error: &ValueError) -> SqlError {
    match error {
        ValueError::NullValueOnNotNullField => SqlError::new(
            ErrorKind::MissingValue,
            "NULL in a NOT NULL column",
            Some("give the column a value"),
        ),
        ValueError::DivisorShouldNotBeZero => division_by_zero(),
        ValueError::BinaryOperationOverflow { .. } => {
            SqlError::new(ErrorKind::BadValue, error.to_string(), None)
        }
        other => SqlError::new(ErrorKind::WrongType, other.to_string(), Some(CAST)),
    }
}

fn division_by_zero() -> SqlError {
    SqlError::new(
        ErrorKind::BadValue,
        "division by zero",
        Some("guard the divisor: CASE WHEN d = 0 THEN NULL ELSE n / d END"),
    )
}

/// GlueSQL's message without its family's prefix ("evaluate: ").
fn inner_text(error: &Error) -> String {
    let text = error.to_string();
    match text.split_once(": ") {
        Some((family, rest)) if !family.contains(' ') => rest.to_owned(),
        _ => text,
    }
}

/// `I64(99999)` → `99999`, `Str("x")` → `"x"`: a value as GlueSQL debugs it.
fn debug_inner(debug: &str) -> &str {
    debug
        .split_once('(')
        .map_or(debug, |(_, inner)| inner.strip_suffix(')').unwrap_or(inner))
}

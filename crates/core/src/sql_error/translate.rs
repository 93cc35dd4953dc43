//! What GlueSQL's translator refuses: constructs of the SQL text that
//! GlueSQL 0.20 has no plan for, each with the form it does run.
use gluesql_core::error::TranslateError as T;
use gluesql_core::translate::{DeleteOption, JoinConstraintReason, QueryOption, UpdateOption};

use super::{ErrorKind, SqlError};

const JOIN_ON: &str = "write JOIN … ON a.column = b.column";
const BY_KEY: &str = "name the rows by key in a subquery: … WHERE id IN (SELECT id FROM …)";
const STATEMENTS: &str = "seekscan runs SELECT, INSERT, UPDATE, DELETE, CREATE TABLE, \
                          CREATE INDEX, DROP INDEX and EXPLAIN [ANALYZE]";

fn unsupported(construct: impl std::fmt::Display, instead: &str) -> SqlError {
    SqlError::new(
        ErrorKind::Unsupported,
        format!("{construct} is not supported"),
        Some(instead),
    )
}

pub(super) fn reword(error: &T) -> SqlError {
    query_construct(error).unwrap_or_else(|| other_construct(error))
}

/// What a query may hold that GlueSQL does not run.
fn query_construct(error: &T) -> Option<SqlError> {
    Some(match error {
        T::TooManyTables => unsupported(
            "a comma-separated FROM list in this position",
            "write FROM a JOIN b ON …",
        ),
        T::UnsupportedJoinOperator(operator) => join_operator(operator),
        T::UnsupportedJoinConstraint(JoinConstraintReason::Using) => {
            unsupported("JOIN … USING (…)", JOIN_ON)
        }
        T::UnsupportedJoinConstraint(JoinConstraintReason::Natural) => {
            unsupported("NATURAL JOIN", JOIN_ON)
        }
        T::SelectDistinctOnNotSupported => unsupported(
            "SELECT DISTINCT ON (…)",
            "write SELECT DISTINCT, or GROUP BY the columns",
        ),
        T::UnsupportedQueryOption(QueryOption::With) => unsupported(
            "WITH (a common table expression)",
            "put the query in FROM: FROM (SELECT …) AS name",
        ),
        T::UnsupportedQueryOption(QueryOption::Fetch) => {
            unsupported("FETCH FIRST … ROWS", "write LIMIT n")
        }
        T::UnsupportedQueryOption(QueryOption::Lock) => unsupported(
            "FOR UPDATE / FOR SHARE",
            "leave it out: statements run one at a time",
        ),
        T::UnsupportedQuerySetExpr(_) => unsupported(
            "UNION, INTERSECT or EXCEPT",
            "run each SELECT on its own, or join their conditions with OR in one WHERE",
        ),
        T::OrderByNullsFirstOrLastNotSupported => unsupported(
            "ORDER BY … NULLS FIRST / NULLS LAST",
            "leave it out and order by `column IS NULL` first to choose where NULLs go",
        ),
        T::LackOfAlias => SqlError::new(
            ErrorKind::Unsupported,
            "a subquery in FROM has no name",
            Some("add AS name after its closing parenthesis"),
        ),
        T::UnsupportedGroupByAll => unsupported("GROUP BY ALL", "name the columns: GROUP BY a, b"),
        T::QualifiedWildcardInCountNotSupported(argument) => {
            unsupported(format!("COUNT({argument})"), "write COUNT(*)")
        }
        T::UnsupportedTrimChars => {
            unsupported("TRIM(value, characters)", "write TRIM(BOTH 'x' FROM value)")
        }
        T::TryCastNotSupported => unsupported("TRY_CAST", "write CAST(value AS type)"),
        T::SafeCastNotSupported => unsupported("SAFE_CAST", "write CAST(value AS type)"),
        _ => return None,
    })
}

/// Writes, statements, names and function calls GlueSQL refuses.
fn other_construct(error: &T) -> SqlError {
    match error {
        T::UnsupportedUpdateOption(UpdateOption::From) | T::JoinOnUpdateNotSupported => {
            unsupported("UPDATE with FROM or a JOIN", BY_KEY)
        }
        T::UnsupportedDeleteOption(
            option @ (DeleteOption::Using | DeleteOption::OrderBy | DeleteOption::Limit),
        ) => unsupported(format!("the {option} of DELETE"), BY_KEY),
        T::UnsupportedInsertOption(option) => unsupported(
            format!("the {option} of INSERT"),
            "leave it out; a SELECT after the INSERT reads what it wrote",
        ),
        T::UnsupportedUpdateOption(option) => unsupported(
            format!("the {option} of UPDATE"),
            "leave it out; a SELECT after it reads what it changed",
        ),
        T::UnsupportedDeleteOption(option) => unsupported(
            format!("the {option} of DELETE"),
            "leave it out; a SELECT before it reads what it removes",
        ),
        T::CompoundIdentOnUpdateNotSupported(column) => unsupported(
            format!("a qualified column in SET ({column})"),
            "name the column alone: SET column = …",
        ),
        T::TupleAssignmentOnUpdateNotSupported(assignment) => unsupported(
            format!("assigning a tuple in SET ({assignment})"),
            "assign each column: SET a = …, b = …",
        ),
        T::CompoundObjectNotSupported(name) => unsupported(
            format!("the qualified name {name}"),
            "name the table alone, without a schema",
        ),
        T::UnsupportedStatement(_) | T::UnsupportedTransactionOption(_) => {
            unsupported("this kind of statement", STATEMENTS)
        }
        T::UnsupportedQueryTableFactor(factor) | T::UnsupportedTableFactor(factor) => unsupported(
            format!("{factor} in FROM"),
            "FROM takes tables, subqueries with AS name, and SERIES(n)",
        ),
        T::FunctionArgsLengthNotMatching {
            name,
            expected,
            found,
        } => wrong_arguments(name, &expected.to_string(), *found),
        T::FunctionArgsLengthNotMatchingMin {
            name,
            expected_minimum,
            found,
        } => wrong_arguments(name, &format!("at least {expected_minimum}"), *found),
        T::FunctionArgsLengthNotWithinRange {
            name,
            expected_minimum,
            expected_maximum,
            found,
        } => wrong_arguments(
            name,
            &format!("{expected_minimum} to {expected_maximum}"),
            *found,
        ),
        T::NamedFunctionArgNotSupported => SqlError::new(
            ErrorKind::WrongArguments,
            "a named function argument (name => value)",
            Some("pass the arguments by position"),
        ),
        T::WildcardFunctionArgNotAccepted => SqlError::new(
            ErrorKind::WrongArguments,
            "* as a function argument",
            Some("only COUNT(*) takes *; name a column"),
        ),
        other => {
            let text = other.to_string();
            let construct = text.strip_prefix("unimplemented - ").unwrap_or(&text);
            SqlError::new(
                ErrorKind::Unsupported,
                construct.to_owned(),
                Some("docs/sql.md lists what the engine runs"),
            )
        }
    }
}

fn wrong_arguments(function: &str, expected: &str, found: usize) -> SqlError {
    SqlError::new(
        ErrorKind::WrongArguments,
        format!("{function} got {found} argument(s)"),
        Some(&format!("call {function} with {expected} argument(s)")),
    )
}

/// GlueSQL names the operator by its debug form (`RightOuter(On(…))`).
fn join_operator(operator: &str) -> SqlError {
    let name = operator.split('(').next().unwrap_or(operator);
    match name {
        "RightOuter" => unsupported(
            "RIGHT JOIN",
            "put the other table first and write LEFT JOIN",
        ),
        "FullOuter" => unsupported(
            "FULL JOIN",
            "write LEFT JOIN for every row of the left table, or JOIN for matching rows only",
        ),
        "LeftSemi" | "RightSemi" => unsupported("SEMI JOIN", "write WHERE EXISTS (SELECT …)"),
        "LeftAnti" | "RightAnti" => unsupported("ANTI JOIN", "write WHERE NOT EXISTS (SELECT …)"),
        "CrossApply" | "OuterApply" => unsupported("CROSS/OUTER APPLY", JOIN_ON),
        _ => unsupported(format!("this JOIN ({name})"), JOIN_ON),
    }
}

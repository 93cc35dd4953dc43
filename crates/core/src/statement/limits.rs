//! How much one input may ask for, the same in the page and the CLI. Each
//! limit fails with an error that names it, before anything runs (the text
//! limits) or when it is reached (rows read and time, enforced by the
//! storage's [`crate::storage::Budget`]).
use std::time::Duration;

use gluesql_core::sqlparser::dialect::PostgreSqlDialect;
use gluesql_core::sqlparser::keywords::Keyword;
use gluesql_core::sqlparser::tokenizer::{Token, TokenWithLocation, Tokenizer};

/// Operators (AND, OR, NOT, comparisons, arithmetic) in one statement.
/// GlueSQL translates, plans and evaluates expressions recursively, one
/// stack frame or more per operator; this keeps the deepest expression well
/// inside the worker's stack.
pub const MAX_OPERATORS: usize = 1_000;
/// Values in one `IN (…)` list.
pub const MAX_IN_LIST: usize = 10_000;
/// Characters in one input.
pub const MAX_SQL_BYTES: usize = 1_000_000;
/// Rows one statement may read (scans, lookups, index entries turned into
/// rows); a cross join of the audit table with itself reaches it.
pub const MAX_ROWS_EXAMINED: u64 = 50_000_000;
/// Result rows one query may materialise (the largest table at the largest
/// scale fits).
pub const MAX_ROWS_RETURNED: u64 = 5_000_000;
/// Seconds one run of one statement may take.
pub const MAX_RUN_SECONDS: u64 = 10;

/// The limits on one run of one statement, which the storage enforces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RunLimits {
    pub max_rows_examined: u64,
    pub max_rows_returned: u64,
    pub max_run_time: Duration,
}

impl Default for RunLimits {
    fn default() -> Self {
        Self {
            max_rows_examined: MAX_ROWS_EXAMINED,
            max_rows_returned: MAX_ROWS_RETURNED,
            max_run_time: Duration::from_secs(MAX_RUN_SECONDS),
        }
    }
}

/// Checks the text limits on the tokens, before the parser builds (and
/// GlueSQL later walks) a tree as deep as the input is long; the tokens are
/// handed on to the parser.
pub fn check_text(sql: &str) -> Result<Vec<TokenWithLocation>, String> {
    if sql.len() > MAX_SQL_BYTES {
        return Err(format!(
            "the SQL is {} bytes; at most {MAX_SQL_BYTES} are accepted",
            sql.len()
        ));
    }
    let located = Tokenizer::new(&PostgreSqlDialect {}, sql)
        .tokenize_with_location()
        .map_err(|e| format!("SQL syntax error: {e}"))?;
    let tokens: Vec<&Token> = located.iter().map(|t| &t.token).collect();
    let mut statement = 1;
    let mut operators = 0;
    for (at, &token) in tokens.iter().enumerate() {
        if *token == Token::SemiColon {
            statement += 1;
            operators = 0;
        } else if is_operator(token) {
            operators += 1;
            if operators > MAX_OPERATORS {
                return Err(format!(
                    "statement {statement} has more than {MAX_OPERATORS} operators (AND, OR, comparisons, arithmetic); \
                     write a long list of alternatives as IN (…)"
                ));
            }
        } else if is_keyword(token, Keyword::IN) {
            check_in_list(&tokens[at + 1..])?;
        }
    }
    Ok(located)
}

fn is_keyword(token: &Token, keyword: Keyword) -> bool {
    matches!(token, Token::Word(word) if word.keyword == keyword)
}

fn is_operator(token: &Token) -> bool {
    use Token::*;
    matches!(
        token,
        Eq | DoubleEq
            | Neq
            | Lt
            | Gt
            | LtEq
            | GtEq
            | Spaceship
            | Plus
            | Minus
            | Mul
            | Div
            | Mod
            | StringConcat
            | Ampersand
            | Pipe
            | Caret
            | Tilde
            | ShiftLeft
            | ShiftRight
            | Arrow
            | LongArrow
    ) || [Keyword::AND, Keyword::OR, Keyword::NOT, Keyword::XOR]
        .iter()
        .any(|k| is_keyword(token, *k))
}

/// Counts the values of the list that follows `IN`, if one does.
fn check_in_list(after_in: &[&Token]) -> Result<(), String> {
    let mut tokens = after_in
        .iter()
        .copied()
        .filter(|t| !matches!(t, Token::Whitespace(_)));
    if tokens.next() != Some(&Token::LParen) {
        return Ok(());
    }
    let (mut depth, mut values) = (1usize, 1usize);
    for token in tokens {
        match token {
            Token::LParen => depth += 1,
            Token::RParen if depth == 1 => break,
            Token::RParen => depth -= 1,
            Token::Comma if depth == 1 => values += 1,
            _ => {}
        }
    }
    if values > MAX_IN_LIST {
        return Err(format!(
            "an IN list has {values} values; at most {MAX_IN_LIST} are accepted"
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn or_chain(terms: usize) -> String {
        let terms: Vec<String> = (0..terms).map(|i| format!("user_id = {i}")).collect();
        format!(
            "SELECT COUNT(*) FROM upstream_domainauditevent WHERE {}",
            terms.join(" OR ")
        )
    }

    #[test]
    fn long_or_chains_are_refused_by_name() {
        assert!(check_text(&or_chain(400)).is_ok());
        let error = check_text(&or_chain(5_000)).unwrap_err();
        assert!(error.contains("more than 1000 operators"), "{error}");
        // The count is per statement.
        let two = format!("{}; {}", or_chain(400), or_chain(400));
        assert!(check_text(&two).is_ok());
    }

    #[test]
    fn in_lists_are_counted() {
        let list = |n: usize| {
            let values: Vec<String> = (0..n).map(|i| i.to_string()).collect();
            format!("SELECT 1 WHERE 1 IN ({})", values.join(", "))
        };
        assert!(check_text(&list(MAX_IN_LIST)).is_ok());
        let error = check_text(&list(MAX_IN_LIST + 1)).unwrap_err();
        assert!(error.contains("IN list has 10001 values"), "{error}");
        assert!(check_text("SELECT 1 WHERE 1 IN (SELECT 1)").is_ok());
    }

    #[test]
    fn oversized_text_is_refused_before_tokenizing() {
        let error = check_text(&" ".repeat(MAX_SQL_BYTES + 1)).unwrap_err();
        assert!(error.contains("bytes"), "{error}");
    }
}

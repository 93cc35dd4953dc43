//! `CREATE INDEX name ON table (col [ASC|DESC], …) [INCLUDE (col, …)]` and
//! `DROP INDEX name`, read from sqlparser's syntax tree into index
//! definitions. Everything GlueSQL's storage cannot honour (UNIQUE, partial
//! indexes, expressions, NULLS FIRST) is refused by name rather than ignored.
use gluesql_core::sqlparser::ast::{
    CreateIndex, Expr, Ident, ObjectName, ObjectType, OrderByExpr, Statement as SqlStatement,
};

use super::IndexStatement;
use crate::catalog::{IndexDef, IndexKey, Origin};

const FORM: &str = "CREATE INDEX name ON table (col [ASC|DESC], ...) [INCLUDE (col, ...)]";

/// The index statement `statement` is, or `None` for any other statement.
pub fn read(statement: &SqlStatement) -> Result<Option<IndexStatement>, String> {
    match statement {
        SqlStatement::CreateIndex(create) => create_index(create).map(Some),
        SqlStatement::Drop {
            object_type: ObjectType::Index,
            names,
            ..
        } => match names.as_slice() {
            [name] => Ok(Some(IndexStatement::Drop(single_name(name, "DROP INDEX")?))),
            _ => Err("DROP INDEX takes one index name: DROP INDEX name".to_owned()),
        },
        _ => Ok(None),
    }
}

fn create_index(create: &CreateIndex) -> Result<IndexStatement, String> {
    let refuse = |what: &str| Err(format!("{what} is not supported here: {FORM}"));
    if create.unique {
        return refuse("CREATE UNIQUE INDEX");
    }
    if create.predicate.is_some() {
        return refuse("a partial index (WHERE …)");
    }
    if create.using.is_some() || !create.with.is_empty() {
        return refuse("USING or WITH (…)");
    }
    let name = match &create.name {
        Some(name) => single_name(name, "index name")?,
        None => return Err(format!("an index needs a name: {FORM}")),
    };
    let keys = create
        .columns
        .iter()
        .map(key)
        .collect::<Result<Vec<_>, _>>()?;
    let include = create
        .include
        .iter()
        .map(|i| identifier(i, "INCLUDE column"))
        .collect::<Result<_, _>>()?;
    Ok(IndexStatement::Create(IndexDef {
        name,
        table: single_name(&create.table_name, "table name")?,
        keys,
        include,
        origin: Origin::User,
        use_case: None,
        query_pattern: None,
        expected_improvement: None,
    }))
}

fn key(column: &OrderByExpr) -> Result<IndexKey, String> {
    let Expr::Identifier(ident) = &column.expr else {
        return Err(format!(
            "key column {}: only column names can be index keys: {FORM}",
            column.expr
        ));
    };
    if column.nulls_first.is_some() {
        return Err(format!(
            "key column {ident}: NULLS FIRST/LAST is not supported (NULL sorts last ascending, first descending)"
        ));
    }
    Ok(IndexKey {
        column: identifier(ident, "key column")?,
        desc: column.asc == Some(false),
    })
}

fn single_name(name: &ObjectName, what: &str) -> Result<String, String> {
    match name.0.as_slice() {
        [ident] => identifier(ident, what),
        _ => Err(format!("{what}: {name} is not a plain name")),
    }
}

/// A name as GlueSQL keys tables and columns: its text, quoted or not.
fn identifier(ident: &Ident, what: &str) -> Result<String, String> {
    if ident.value.is_empty() {
        return Err(format!("{what}: an empty name"));
    }
    Ok(ident.value.clone())
}

#[cfg(test)]
mod tests {
    use super::super::{Action, Script};
    use super::*;
    use crate::catalog::builtin_indexes;

    fn index_statement(sql: &str) -> Result<IndexStatement, String> {
        let script = Script::parse(sql)?;
        match script.statements.into_iter().next().map(|s| s.action) {
            Some(Action::Index(index)) => Ok(index),
            other => panic!("{sql}: {other:?}"),
        }
    }

    #[test]
    fn create_and_drop_parse() {
        let parsed = index_statement(
            "create index my_idx on upstream_reportrun (customer_id, started_at DESC) INCLUDE (status);",
        )
        .unwrap();
        let IndexStatement::Create(def) = parsed else {
            panic!("{parsed:?}")
        };
        assert_eq!(def.name, "my_idx");
        assert_eq!(def.table, "upstream_reportrun");
        assert_eq!(def.key_list(), ["customer_id", "started_at DESC"]);
        assert_eq!(def.include, ["status"]);
        assert_eq!(
            index_statement("DROP INDEX my_idx").unwrap(),
            IndexStatement::Drop("my_idx".into())
        );
    }

    #[test]
    fn any_whitespace_between_words() {
        for sql in [
            "CREATE  INDEX  i  ON upstream_reportrun (status)",
            "CREATE\tINDEX i ON upstream_reportrun(status)",
            "CREATE\nINDEX i\nON upstream_reportrun (status)",
        ] {
            let IndexStatement::Create(def) = index_statement(sql).unwrap() else {
                panic!("{sql}")
            };
            assert_eq!((def.name.as_str(), def.keys.len()), ("i", 1), "{sql}");
        }
        // Any Unicode whitespace separates words, as sqlparser reads it
        // (the old word splitter sliced inside this character and panicked).
        let ideographic = "CREATE \u{3000}\u{3000}INDEX i ON upstream_reportrun (status)";
        assert!(matches!(
            index_statement(ideographic),
            Ok(IndexStatement::Create(def)) if def.name == "i"
        ));
    }

    #[test]
    fn create_sql_parses_back_to_the_same_definition() {
        for def in builtin_indexes() {
            let IndexStatement::Create(parsed) = index_statement(&def.create_sql()).unwrap() else {
                panic!("{}", def.create_sql())
            };
            assert_eq!(
                (&parsed.name, &parsed.table, &parsed.keys, &parsed.include),
                (&def.name, &def.table, &def.keys, &def.include)
            );
        }
    }

    #[test]
    fn malformed_definitions_name_the_problem() {
        for (sql, says) in [
            ("CREATE INDEX ON t (a)", "needs a name"),
            ("CREATE INDEX i t (a)", "SQL syntax error"),
            ("CREATE INDEX i ON t a", "SQL syntax error"),
            ("CREATE INDEX i ON t (a", "SQL syntax error"),
            ("CREATE INDEX i ON t (a SIDEWAYS)", "SQL syntax error"),
            ("CREATE INDEX i ON t (a) INCLUDE (b) x", "SQL syntax error"),
            ("CREATE INDEX i ON t (lower(a))", "only column names"),
            ("CREATE UNIQUE INDEX i ON t (a)", "UNIQUE"),
            ("CREATE INDEX i ON t (a) WHERE a > 1", "partial"),
            ("CREATE INDEX i ON t (a NULLS FIRST)", "NULLS"),
            ("DROP INDEX a, b", "one index name"),
            ("CREATE INDEX 1x ON t (a)", "SQL syntax error"),
        ] {
            let error = index_statement(sql).unwrap_err();
            assert!(error.contains(says), "{sql}: {error}");
        }
    }
}

//! Conditions the storage checks on encoded rows before it decodes them
//! (a "filter in scan"): comparisons of a column with constants, IN lists,
//! IS [NOT] NULL, and AND/OR/NOT over them, in SQL's three-valued logic.
//! Cells are compared as bytes: the ascending key encoding (`keycode`)
//! orders bytes as values order, and the planner hands over constants
//! already of the column's type, so a byte comparison is the value
//! comparison. A row the filter rejects is one the WHERE clause rejects;
//! GlueSQL still checks the whole clause on every row that passes.
use std::cmp::Ordering;

use gluesql_core::data::Value;
use gluesql_core::error::Result;
use serde::{Deserialize, Serialize};

use super::access::RangeBound;
use super::{keycode, rowcode};

/// What one column's cell must satisfy.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub enum CellTest {
    /// `=` or `IN (…)`: one of these values (never NULL).
    OneOf(Vec<Value>),
    Range {
        lower: Option<RangeBound>,
        upper: Option<RangeBound>,
    },
    IsNull,
}

/// A condition over one table's columns, as the planner hands it over.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub enum CellPredicate {
    Test { column: usize, test: CellTest },
    Not(Box<CellPredicate>),
    And(Vec<CellPredicate>),
    Or(Vec<CellPredicate>),
}

impl CellPredicate {
    /// How deeply the predicate nests.
    pub fn depth(&self) -> usize {
        match self {
            CellPredicate::Test { .. } => 1,
            CellPredicate::Not(inner) => 1 + inner.depth(),
            CellPredicate::And(all) | CellPredicate::Or(all) => {
                1 + all.iter().map(CellPredicate::depth).max().unwrap_or(0)
            }
        }
    }

    /// Every column the predicate tests.
    pub fn columns(&self, out: &mut Vec<usize>) {
        match self {
            CellPredicate::Test { column, .. } => out.push(*column),
            CellPredicate::Not(inner) => inner.columns(out),
            CellPredicate::And(all) | CellPredicate::Or(all) => {
                all.iter().for_each(|p| p.columns(out))
            }
        }
    }
}

/// A [`CellTest`] with its constants encoded once per scan.
#[derive(Debug)]
enum Compiled {
    OneOf(Vec<Vec<u8>>),
    Range {
        lower: Option<(Vec<u8>, bool)>,
        upper: Option<(Vec<u8>, bool)>,
    },
    IsNull,
}

#[derive(Debug)]
enum Node {
    Test { column: usize, test: Compiled },
    Not(Box<Node>),
    And(Vec<Node>),
    Or(Vec<Node>),
}

/// A predicate ready to run over many rows.
#[derive(Debug)]
pub(crate) struct RowFilter {
    root: Node,
    /// Cells to locate in each row: one past the highest column tested.
    cells: usize,
    starts: Vec<usize>,
}

fn encoded(value: &Value) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    keycode::encode_value(value, false, &mut out)?;
    Ok(out)
}

fn compile(predicate: &CellPredicate, cells: &mut usize) -> Result<Node> {
    Ok(match predicate {
        CellPredicate::Test { column, test } => {
            *cells = (*cells).max(column + 1);
            let bound = |b: &Option<RangeBound>| -> Result<Option<(Vec<u8>, bool)>> {
                b.as_ref()
                    .map(|b| Ok((encoded(&b.value)?, b.inclusive)))
                    .transpose()
            };
            let test = match test {
                CellTest::OneOf(values) => {
                    Compiled::OneOf(values.iter().map(encoded).collect::<Result<_>>()?)
                }
                CellTest::Range { lower, upper } => Compiled::Range {
                    lower: bound(lower)?,
                    upper: bound(upper)?,
                },
                CellTest::IsNull => Compiled::IsNull,
            };
            Node::Test {
                column: *column,
                test,
            }
        }
        CellPredicate::Not(inner) => Node::Not(Box::new(compile(inner, cells)?)),
        CellPredicate::And(all) => Node::And(
            all.iter()
                .map(|p| compile(p, cells))
                .collect::<Result<_>>()?,
        ),
        CellPredicate::Or(any) => Node::Or(
            any.iter()
                .map(|p| compile(p, cells))
                .collect::<Result<_>>()?,
        ),
    })
}

fn is_null(encoded: &[u8]) -> bool {
    encoded.first() == Some(&keycode::NULL)
}

impl Compiled {
    /// TRUE, FALSE or unknown (`None`) for one cell.
    fn check(&self, cell: &[u8]) -> Option<bool> {
        let null = is_null(cell);
        match self {
            Compiled::IsNull => Some(null),
            _ if null => None,
            Compiled::OneOf(values) => {
                if values.iter().any(|v| v.as_slice() == cell) {
                    Some(true)
                } else if values.iter().any(|v| is_null(v)) {
                    // `x IN (…, NULL)` without a match is unknown.
                    None
                } else {
                    Some(false)
                }
            }
            // A comparison with NULL is unknown.
            Compiled::Range { lower, upper }
                if [lower, upper]
                    .into_iter()
                    .flatten()
                    .any(|(bound, _)| is_null(bound)) =>
            {
                None
            }
            Compiled::Range { lower, upper } => {
                let above = lower.as_ref().is_none_or(|(bound, inclusive)| {
                    match cell.cmp(bound.as_slice()) {
                        Ordering::Greater => true,
                        Ordering::Equal => *inclusive,
                        Ordering::Less => false,
                    }
                });
                let below = upper.as_ref().is_none_or(|(bound, inclusive)| {
                    match cell.cmp(bound.as_slice()) {
                        Ordering::Less => true,
                        Ordering::Equal => *inclusive,
                        Ordering::Greater => false,
                    }
                });
                Some(above && below)
            }
        }
    }
}

impl Node {
    fn eval(&self, row: &[u8], starts: &[usize]) -> Option<bool> {
        match self {
            Node::Test { column, test } => {
                let cell = row.get(*starts.get(*column)?..*starts.get(column + 1)?)?;
                test.check(cell)
            }
            Node::Not(inner) => inner.eval(row, starts).map(|v| !v),
            // Kleene logic: FALSE wins an AND, TRUE wins an OR.
            Node::And(all) => all
                .iter()
                .try_fold(Some(true), |acc, p| match (acc, p.eval(row, starts)) {
                    (_, Some(false)) => Err(()),
                    (Some(true), Some(true)) => Ok(Some(true)),
                    _ => Ok(None),
                })
                .unwrap_or(Some(false)),
            Node::Or(any) => any
                .iter()
                .try_fold(Some(false), |acc, p| match (acc, p.eval(row, starts)) {
                    (_, Some(true)) => Err(()),
                    (Some(false), Some(false)) => Ok(Some(false)),
                    _ => Ok(None),
                })
                .unwrap_or(Some(true)),
        }
    }
}

impl RowFilter {
    pub(crate) fn new(predicate: &CellPredicate) -> Result<Self> {
        let mut cells = 0;
        let root = compile(predicate, &mut cells)?;
        Ok(Self {
            root,
            cells,
            starts: Vec::new(),
        })
    }

    /// Whether the encoded `row` may satisfy the WHERE clause (the
    /// predicate is TRUE for it); only the cells up to the last tested
    /// column are located, none is decoded.
    pub(crate) fn passes(&mut self, row: &[u8]) -> Result<bool> {
        rowcode::cell_starts(row, self.cells, &mut self.starts)?;
        Ok(self.root.eval(row, &self.starts) == Some(true))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(values: &[Value]) -> Box<[u8]> {
        rowcode::encode(values, &mut Vec::new()).unwrap()
    }

    fn test(column: usize, test: CellTest) -> CellPredicate {
        CellPredicate::Test { column, test }
    }

    fn bound(value: Value, inclusive: bool) -> Option<RangeBound> {
        Some(RangeBound { value, inclusive })
    }

    #[test]
    fn comparisons_follow_three_valued_logic() {
        let rows = [
            row(&[Value::I64(1), Value::Str("a".into())]),
            row(&[Value::I64(5), Value::Null]),
            row(&[Value::Null, Value::Str("b".into())]),
        ];
        let passing = |p: CellPredicate| -> Vec<bool> {
            let mut filter = RowFilter::new(&p).unwrap();
            rows.iter().map(|r| filter.passes(r).unwrap()).collect()
        };
        let range = test(
            0,
            CellTest::Range {
                lower: bound(Value::I64(2), true),
                upper: None,
            },
        );
        assert_eq!(passing(range.clone()), [false, true, false]);
        // NOT (x >= 2): the NULL row is unknown either way.
        assert_eq!(
            passing(CellPredicate::Not(Box::new(range.clone()))),
            [true, false, false]
        );
        let is_null = test(1, CellTest::IsNull);
        assert_eq!(passing(is_null.clone()), [false, true, false]);
        // x >= 2 OR b IS NULL; (x >= 2) AND b = 'b'.
        assert_eq!(
            passing(CellPredicate::Or(vec![range.clone(), is_null])),
            [false, true, false]
        );
        let b = test(1, CellTest::OneOf(vec![Value::Str("b".into())]));
        assert_eq!(
            passing(CellPredicate::Or(vec![range.clone(), b.clone()])),
            [false, true, true]
        );
        assert_eq!(
            passing(CellPredicate::And(vec![range, b])),
            [false, false, false]
        );
    }

    #[test]
    fn bounds_are_inclusive_or_not_as_asked() {
        let rows: Vec<_> = (1..=5).map(|n| row(&[Value::I64(n)])).collect();
        let mut filter = RowFilter::new(&test(
            0,
            CellTest::Range {
                lower: bound(Value::I64(2), false),
                upper: bound(Value::I64(4), true),
            },
        ))
        .unwrap();
        let kept: Vec<bool> = rows.iter().map(|r| filter.passes(r).unwrap()).collect();
        assert_eq!(kept, [false, false, true, true, false]);
    }
}

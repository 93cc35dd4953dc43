//! The choice between costed paths for one table, as PostgreSQL 15's
//! `pathnode.c` (`add_path`, `compare_path_costs_fuzzily`,
//! `compare_pathkeys`, `set_cheapest`) and `indxpath.c`
//! (`choose_bitmap_and`) make it.

use serde::{Deserialize, Serialize};

use super::analyze::TableStats;
use super::costsize::{bitmap_and, bitmap_heap_scan, BitmapNode, PathCost};
use super::selectivity::Clause;
use super::settings::PgSettings;

/// `STD_FUZZ_FACTOR`: costs within 1% are "the same".
pub const STD_FUZZ_FACTOR: f64 = 1.01;

/// `PathCostComparison`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CostComparison {
    Equal,
    Better1,
    Better2,
    /// Neither dominates: one is cheaper to start, the other to finish.
    Different,
}

/// `compare_path_costs_fuzzily`. `consider_startup`: whether startup cost
/// counts (`rel->consider_startup`, true when a LIMIT or cursor makes
/// the first rows matter).
pub fn compare_costs_fuzzily(
    a: &PathCost,
    b: &PathCost,
    fuzz: f64,
    consider_startup: bool,
) -> CostComparison {
    if a.total > b.total * fuzz {
        if consider_startup && b.startup > a.startup * fuzz {
            return CostComparison::Different;
        }
        return CostComparison::Better2;
    }
    if b.total > a.total * fuzz {
        if consider_startup && a.startup > b.startup * fuzz {
            return CostComparison::Different;
        }
        return CostComparison::Better1;
    }
    if a.startup > b.startup * fuzz {
        return CostComparison::Better2;
    }
    if b.startup > a.startup * fuzz {
        return CostComparison::Better1;
    }
    CostComparison::Equal
}

/// A sort order: (column, descending), most significant first.
pub type PathKeys = Vec<(usize, bool)>;

/// `compare_pathkeys`: which order is at least as useful as the other.
pub fn compare_pathkeys(a: &PathKeys, b: &PathKeys) -> CostComparison {
    let common = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    match (common == a.len(), common == b.len()) {
        (true, true) => CostComparison::Equal,
        (false, true) => CostComparison::Better1,
        (true, false) => CostComparison::Better2,
        (false, false) => CostComparison::Different,
    }
}

/// A candidate path of one table: its cost and the order it delivers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Candidate {
    pub cost: PathCost,
    pub pathkeys: PathKeys,
}

/// `add_path` over candidates offered in this order: the surviving ones,
/// by index into `candidates`, in the pathlist's order (cheapest total
/// first; a later path of equal total goes after). A path fuzzily as cheap
/// as another with the same order replaces it only if it has fewer rows or
/// is cheaper by a fuzz of 1e-10; otherwise the older one stays.
pub fn add_paths(candidates: &[Candidate], consider_startup: bool) -> Vec<usize> {
    let mut list: Vec<usize> = Vec::new();
    for (new, cand) in candidates.iter().enumerate() {
        let mut accept = true;
        let mut keep: Vec<usize> = Vec::new();
        for &old in &list {
            let other = &candidates[old];
            let mut remove_old = false;
            let costcmp =
                compare_costs_fuzzily(&cand.cost, &other.cost, STD_FUZZ_FACTOR, consider_startup);
            if costcmp != CostComparison::Different {
                let keyscmp = compare_pathkeys(&cand.pathkeys, &other.pathkeys);
                if keyscmp != CostComparison::Different {
                    let (r, a) = dominance(cand, other, costcmp, keyscmp, consider_startup);
                    remove_old = r;
                    accept = a && accept;
                }
            }
            if !remove_old {
                keep.push(old);
            }
            if !accept {
                break;
            }
        }
        if accept {
            // Keep the rest of the list when the loop stopped early.
            let at = keep
                .iter()
                .position(|&o| candidates[o].cost.total > cand.cost.total)
                .unwrap_or(keep.len());
            keep.insert(at, new);
            list = keep;
        }
    }
    list
}

/// (remove the old path, accept the new one) for one comparison.
fn dominance(
    new: &Candidate,
    old: &Candidate,
    costcmp: CostComparison,
    keyscmp: CostComparison,
    consider_startup: bool,
) -> (bool, bool) {
    match costcmp {
        CostComparison::Equal => match keyscmp {
            CostComparison::Better1 => (new.cost.rows <= old.cost.rows, true),
            CostComparison::Better2 => (false, new.cost.rows < old.cost.rows),
            _ if new.cost.rows < old.cost.rows => (true, true),
            _ if new.cost.rows > old.cost.rows => (false, false),
            _ => {
                let tight =
                    compare_costs_fuzzily(&new.cost, &old.cost, 1.0000000001, consider_startup);
                if tight == CostComparison::Better1 {
                    (true, true)
                } else {
                    (false, false)
                }
            }
        },
        CostComparison::Better1 if keyscmp != CostComparison::Better2 => {
            (new.cost.rows <= old.cost.rows, true)
        }
        CostComparison::Better2 if keyscmp != CostComparison::Better1 => {
            (false, new.cost.rows < old.cost.rows)
        }
        _ => (false, true),
    }
}

/// `set_cheapest`'s cheapest-total path: lowest total, then lowest
/// startup; on a full tie the one earlier in the pathlist.
pub fn cheapest_total(candidates: &[Candidate], pathlist: &[usize]) -> Option<usize> {
    let mut best: Option<usize> = None;
    for &p in pathlist {
        let better = match best {
            None => true,
            Some(b) => {
                let (x, y) = (&candidates[b].cost, &candidates[p].cost);
                x.total > y.total || (x.total == y.total && x.startup > y.startup)
            }
        };
        if better {
            best = Some(p);
        }
    }
    best
}

/// A bitmap index path offered to `choose_bitmap_and`, with the
/// restriction clauses it uses (ids the caller assigns, equal clauses equal).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BitmapCandidate {
    pub node: BitmapNode,
    pub clause_ids: Vec<usize>,
}

/// `choose_bitmap_and`: of paths using the same clauses the cheaper stays;
/// the rest sorted by bitmap cost (then selectivity); each in turn leads a
/// group to which every later path not sharing a clause is added if the
/// Bitmap Heap Scan over the BitmapAnd gets cheaper; the cheapest group
/// wins. Returns the chosen candidates' indices (one: no BitmapAnd).
pub fn choose_bitmap_and(
    s: &PgSettings,
    rel: &TableStats,
    quals: &[Clause],
    candidates: &[BitmapCandidate],
) -> Vec<usize> {
    let mut survivors: Vec<usize> = Vec::new();
    for (i, c) in candidates.iter().enumerate() {
        let mut ids = c.clause_ids.clone();
        ids.sort_unstable();
        let same = survivors.iter().position(|&j| {
            let mut other = candidates[j].clause_ids.clone();
            other.sort_unstable();
            other == ids
        });
        match same {
            Some(k) if c.node.tree_cost < candidates[survivors[k]].node.tree_cost => {
                survivors[k] = i
            }
            Some(_) => {}
            None => survivors.push(i),
        }
    }
    if survivors.len() <= 1 {
        return survivors;
    }
    survivors.sort_by(|&a, &b| {
        let (x, y) = (&candidates[a].node, &candidates[b].node);
        x.tree_cost
            .total_cmp(&y.tree_cost)
            .then(x.selectivity.total_cmp(&y.selectivity))
    });
    let heap_cost = |group: &[usize]| {
        let node = if group.len() == 1 {
            candidates[group[0]].node
        } else {
            let nodes: Vec<BitmapNode> = group.iter().map(|&g| candidates[g].node).collect();
            bitmap_and(s, rel, &nodes)
        };
        bitmap_heap_scan(s, rel, &node, quals).total
    };
    let mut best: Option<(Vec<usize>, f64)> = None;
    for (i, &leader) in survivors.iter().enumerate() {
        let mut group = vec![leader];
        let mut cost = heap_cost(&group);
        let mut used: Vec<usize> = candidates[leader].clause_ids.clone();
        for &next in &survivors[i + 1..] {
            if candidates[next]
                .clause_ids
                .iter()
                .any(|id| used.contains(id))
            {
                continue;
            }
            group.push(next);
            let new_cost = heap_cost(&group);
            if new_cost < cost {
                cost = new_cost;
                used.extend(&candidates[next].clause_ids);
            } else {
                group.pop();
            }
        }
        if best.as_ref().is_none_or(|(_, b)| cost < *b) {
            best = Some((group, cost));
        }
    }
    best.map(|(g, _)| g).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cost(startup: f64, total: f64) -> PathCost {
        PathCost {
            startup,
            total,
            rows: 10.0,
        }
    }

    #[test]
    fn fuzzy_comparison() {
        use CostComparison::*;
        assert_eq!(
            compare_costs_fuzzily(&cost(0.0, 100.0), &cost(0.0, 100.5), 1.01, false),
            Equal
        );
        assert_eq!(
            compare_costs_fuzzily(&cost(0.0, 100.0), &cost(0.0, 102.0), 1.01, false),
            Better1
        );
        assert_eq!(
            compare_costs_fuzzily(&cost(50.0, 100.0), &cost(0.0, 102.0), 1.01, true),
            Different
        );
        assert_eq!(
            compare_costs_fuzzily(&cost(50.0, 100.0), &cost(0.0, 102.0), 1.01, false),
            Better1
        );
    }

    #[test]
    fn ordered_path_survives_and_ties_keep_the_older() {
        let seq = Candidate {
            cost: cost(0.0, 100.0),
            pathkeys: vec![],
        };
        let ordered = Candidate {
            cost: cost(0.5, 150.0),
            pathkeys: vec![(0, false)],
        };
        let twin = Candidate {
            cost: cost(0.0, 100.4),
            pathkeys: vec![],
        };
        let all = vec![seq, ordered, twin];
        let list = add_paths(&all, false);
        assert_eq!(list, vec![0, 1]);
        assert_eq!(cheapest_total(&all, &list), Some(0));
    }
}

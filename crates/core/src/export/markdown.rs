//! One experiment as a Markdown block to paste into a code review: the
//! dataset, each configuration's indexes, the SQL, the plans as indented
//! text, median and p95 over the runs, rows examined and returned, and for
//! two configurations the verdict, why, whether their rows agree, and the
//! link that reopens it all. Each part is a `####` section, so a reader
//! (or a test) finds them by heading.
use crate::bench::Timings;
use crate::comparison::Verdict;
use crate::engine::QueryOutcome;
use crate::protocol::{RowAgreement, Slot};
use crate::units::{micros, thousands};

/// One configuration's measured run.
pub struct Measured<'a> {
    pub slot: Slot,
    /// The indexes the planner could see.
    pub indexes: &'a [String],
    pub outcome: &'a QueryOutcome,
    pub timings: &'a Timings,
}

/// What two configurations' runs say side by side.
pub struct Judgement<'a> {
    pub verdict: &'a Verdict,
    /// Why one plan beat the other, when it is known.
    pub why: Option<&'a str>,
    pub rows: RowAgreement,
}

/// Everything the block shows.
pub struct Report<'a> {
    pub seed: u64,
    pub scale: usize,
    pub sql: &'a str,
    /// One or two configurations, in slot order.
    pub runs: Vec<Measured<'a>>,
    /// For two configurations.
    pub judgement: Option<Judgement<'a>>,
    /// The experiment's link.
    pub link: Option<&'a str>,
}

/// The section headings, in the order the block has them.
pub const SECTIONS: [&str; 7] = [
    "Dataset",
    "Indexes",
    "SQL",
    "Plans",
    "Measurements",
    "Verdict",
    "Link",
];

impl Report<'_> {
    pub fn to_markdown(&self) -> String {
        let mut out = String::new();
        out.push_str(&format!("### seekscan: {}\n\n", self.title()));
        section(&mut out, "Dataset");
        out.push_str(&format!(
            "{} audit events (scale), seed {}\n\n",
            thousands(self.scale as u64),
            self.seed
        ));
        section(&mut out, "Indexes");
        for run in &self.runs {
            out.push_str(&format!(
                "- **{}**: {}\n",
                run.slot.label(),
                index_list(run.indexes)
            ));
        }
        out.push('\n');
        section(&mut out, "SQL");
        fenced(&mut out, "sql", self.sql.trim());
        section(&mut out, "Plans");
        for run in &self.runs {
            out.push_str(&format!("**{}**\n\n", run.slot.label()));
            fenced(&mut out, "text", run.outcome.plan.to_text().trim_end());
        }
        section(&mut out, "Measurements");
        self.measurements(&mut out);
        if let Some(judgement) = &self.judgement {
            section(&mut out, "Verdict");
            out.push_str(&format!("{}\n\n", judgement.verdict.text));
            if let Some(why) = judgement.why.filter(|w| !w.trim().is_empty()) {
                out.push_str(&format!("Why: {}\n\n", why.trim()));
            }
            let mark = if judgement.rows == RowAgreement::Different {
                "✗"
            } else {
                "✓"
            };
            out.push_str(&format!("{mark} {}\n\n", judgement.rows.text()));
        }
        if let Some(link) = self.link {
            section(&mut out, "Link");
            out.push_str(&format!(
                "[Open this experiment in seekscan]({})\n",
                escape_url(link)
            ));
        }
        out
    }

    fn title(&self) -> String {
        match self.runs.as_slice() {
            [one] => format!("configuration {}", one.slot.label()),
            runs => runs
                .iter()
                .map(|r| r.slot.label())
                .collect::<Vec<_>>()
                .join(" vs "),
        }
    }

    /// A table with one column per configuration.
    fn measurements(&self, out: &mut String) {
        let header: Vec<&str> = self.runs.iter().map(|r| r.slot.label()).collect();
        out.push_str(&format!("| | {} |\n", header.join(" | ")));
        out.push_str(&format!("|---|{}\n", "---:|".repeat(header.len())));
        let row = |out: &mut String, name: &str, cell: &dyn Fn(&Measured) -> String| {
            let cells: Vec<String> = self.runs.iter().map(cell).collect();
            out.push_str(&format!("| {name} | {} |\n", cells.join(" | ")));
        };
        row(out, "median", &|r| micros(r.timings.median_us));
        row(out, "p95", &|r| micros(r.timings.p95_us));
        row(out, "runs", &|r| r.timings.samples_us.len().to_string());
        row(out, "rows examined", &|r| {
            thousands(r.outcome.stats.rows_examined)
        });
        row(out, "rows returned", &|r| {
            thousands(r.outcome.stats.rows_returned)
        });
        out.push('\n');
    }
}

fn section(out: &mut String, name: &str) {
    out.push_str(&format!("#### {name}\n\n"));
}

/// A code block whose fence is longer than any backtick run inside it.
fn fenced(out: &mut String, language: &str, text: &str) {
    let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest.max(2) + 1);
    out.push_str(&format!("{fence}{language}\n{text}\n{fence}\n\n"));
}

fn index_list(indexes: &[String]) -> String {
    if indexes.is_empty() {
        return "none (no secondary index)".to_owned();
    }
    indexes
        .iter()
        .map(|name| format!("`{name}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A link's characters that would end a Markdown link destination early.
fn escape_url(link: &str) -> String {
    link.replace(' ', "%20")
        .replace('(', "%28")
        .replace(')', "%29")
        .replace('<', "%3C")
        .replace('>', "%3E")
}

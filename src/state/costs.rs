//! The index cost panels' part of the page state.
use seekscan_core::protocol::{IndexCostReport as Report, UsageReport};

/// The cost panels' part of the page state: the last cost report, whether
/// one is being measured, and the usage counters as last reported.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CostState {
    pub report: Option<Result<Report, String>>,
    pub measuring: bool,
    pub usage: Option<UsageReport>,
}

impl CostState {
    /// The worker's cost report.
    pub fn measured(&mut self, report: Result<Report, String>) {
        self.report = Some(report);
        self.measuring = false;
    }
}

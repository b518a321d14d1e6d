//! The CI sample of the differential campaign (bench/dpor-campaign.sh runs the long ones): on
//! a fixed set of generated programs, `dfs` with partial-order reduction reaches exactly the
//! outcomes that every schedule reaches (or, where every schedule is too many, that the search
//! reduced by sleep sets alone reaches, and at least what bounded and sampled runs reach), and
//! gilsim never panics.

use gilsim_core::PythonVersion;
use gilsim_fuzz::campaign::{self, Campaign, Report};
use gilsim_fuzz::differential::Limits;
use gilsim_fuzz::program::Shape;

fn sample(from: u64, programs: u64, python: PythonVersion, shape: Shape) -> Report {
    let campaign = Campaign { from, programs, python, shape, limits: Limits::with_cap(3_000) };
    let report = campaign::run(&campaign, 1, &|_, _| {});
    assert!(report.panics.is_empty(), "gilsim panicked on programs {:?} ({python})", report.panics);
    assert!(
        report.mismatches.is_empty(),
        "the reduced search disagrees on programs {:?} ({python}); see `gilsim-fuzz check`",
        report.mismatches
    );
    report
}

#[test]
fn coarse_switch_points_first_sample() {
    let report = sample(0, 60, PythonVersion::new(3, 11), Shape::COARSE);
    // The sample compares most programs exhaustively, not only with samples.
    assert!(report.every_schedule + report.sleep_sets >= 40, "{report:?}");
}

#[test]
fn coarse_switch_points_second_sample() {
    sample(60, 60, PythonVersion::new(3, 12), Shape::COARSE);
}

#[test]
fn every_instruction_first_sample() {
    let report = sample(0, 50, PythonVersion::new(3, 9), Shape::FINE);
    assert!(report.every_schedule + report.sleep_sets >= 25, "{report:?}");
}

#[test]
fn every_instruction_second_sample() {
    sample(50, 50, PythonVersion::new(3, 9), Shape::FINE);
}

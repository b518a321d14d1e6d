//! `--timeline FILE.html`: the page is self-contained, has a lane per thread and a line per
//! GIL hand-off, and renders in a real browser — headless Chromium loads it from disk, runs
//! its script (the time axis is drawn by it), and the DOM it dumps is checked; a screenshot
//! is left in the temporary directory for people to look at. CI installs Chromium
//! (`.ci/run`); elsewhere, without one, the browser half says so and is skipped.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

const CONVOY: &str = "scenarios/gil/convoy_effect.py";

fn page(script: &str, flags: &[&str], name: &str) -> (PathBuf, String) {
    let path = std::env::temp_dir().join(format!("gilsim-timeline-{}-{name}.html", std::process::id()));
    let file = path.display().to_string();
    let (code, _, err) = common::gilsim(&[&["run", script, "-q", "--timeline", &file], flags].concat());
    assert!(code == 0 || code == 1, "{script}: exit {code}: {err}");
    let html = std::fs::read_to_string(&path).expect("the timeline was written");
    (path, html)
}

/// The number in the page's summary before `what` (`47 GIL hand-offs`).
fn summary_count(html: &str, what: &str) -> usize {
    let summary = html.split("<p class=\"summary\">").nth(1).and_then(|s| s.split("</p>").next()).expect("summary");
    let before = summary.split(what).next().expect("count");
    before.rsplit(' ').nth(1).and_then(|n| n.parse().ok()).unwrap_or_else(|| panic!("{what} in {summary}"))
}

#[test]
fn the_page_has_a_lane_per_thread_and_a_line_per_hand_off_and_needs_no_network() {
    let (path, html) = page(CONVOY, &["--python", "3.9"], "static");
    for thread in ["MainThread", "cpu", "io"] {
        assert!(html.contains(&format!("<g class=\"lane\" data-thread=\"{thread}\">")), "no lane for {thread}");
    }
    assert_eq!(html.matches("<g class=\"lane\"").count(), 3);
    let handoffs = html.matches("<line class=\"handoff\"").count();
    assert_eq!(handoffs, summary_count(&html, "GIL hand-off"));
    assert!(handoffs >= 40, "the convoy hands the GIL over twice per sleep: {handoffs}");
    // io sleeps and waits for the GIL after every sleep (the convoy), cpu runs.
    assert!(html.contains("class=\"sleeping\"") && html.contains("class=\"gil-wait\""));
    for outside in ["http://", "https://", " src=", "<link"] {
        let hits: Vec<&str> = html.matches(outside).collect();
        let allowed = if outside == "http://" { html.matches("http://www.w3.org/2000/svg").count() } else { 0 };
        assert_eq!(hits.len(), allowed, "`{outside}` in a page that must open without a network");
    }
    // Same run, same bytes.
    let (_, again) = page(CONVOY, &["--python", "3.9"], "again");
    assert_eq!(html, again);
    std::fs::remove_file(path).ok();
}

#[test]
fn findings_are_marked_and_blocked_lanes_say_on_what() {
    let (path, html) = page("scenarios/seeds/14_two_lock_deadlock.py", &[], "deadlock");
    assert_eq!(html.matches("<line class=\"finding\"").count(), 1);
    assert!(html.contains("<li>deadlock: Thread-1 (first) holds lock_a"), "the findings list");
    assert!(html.contains("<title>blocked on lock_b held by Thread-2 (second)"), "what a lane is blocked on");
    std::fs::remove_file(path).ok();
}

/// Chromium's binary, if the machine has one.
fn chromium() -> Option<&'static str> {
    ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|name| Command::new(name).arg("--version").output().is_ok_and(|out| out.status.success()))
}

fn headless(browser: &str, args: &[&str], page: &Path) -> String {
    let url = format!("file://{}", page.display());
    let out = Command::new(browser)
        .args(["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=1400,500"])
        .args(args)
        .arg(&url)
        .output()
        .expect("run the browser");
    assert!(out.status.success(), "{browser} {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn the_page_renders_in_a_headless_browser() {
    let Some(browser) = chromium() else {
        assert!(std::env::var_os("CI").is_none(), "CI must have Chromium (.ci/run installs it)");
        eprintln!("no Chromium here: the timeline's browser test is skipped (apt-get install chromium)");
        return;
    };
    let (path, html) = page(CONVOY, &["--python", "3.9"], "browser");
    let dom = headless(browser, &["--dump-dom"], &path);
    // The DOM after the page's script ran: lanes and hand-offs as written, and the time axis,
    // which only the script draws.
    assert_eq!(dom.matches("class=\"lane\"").count(), 3, "{dom}");
    assert_eq!(dom.matches("class=\"handoff\"").count(), summary_count(&html, "GIL hand-off"));
    let ticks = dom.matches("<text class=\"tick\"").count();
    assert!(ticks >= 3, "the script drew {ticks} ticks on the time axis");
    assert!(dom.contains(">0 ms</text>") && dom.contains(">20 ms</text>"), "axis labels in ms");
    let shot = std::env::temp_dir().join("gilsim-timeline-convoy.png");
    headless(browser, &[&format!("--screenshot={}", shot.display())], &path);
    let png = std::fs::read(&shot).expect("a screenshot");
    assert!(png.starts_with(b"\x89PNG") && png.len() > 10_000, "a real picture: {} bytes", png.len());
    eprintln!("timeline screenshot: {}", shot.display());
    std::fs::remove_file(path).ok();
}

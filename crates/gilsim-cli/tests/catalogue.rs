//! The bad-input catalogue of docs/robustness.md, walked row by row: each command runs the
//! gilsim binary in a scratch directory holding tests/data/robustness and the generated inputs,
//! and must exit as the row says with the row's text in its output. The table is read from the
//! doc itself, so the doc cannot drift from what gilsim does.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

struct Row {
    number: u32,
    command: Vec<String>,
    exit: i32,
    says: String,
}

/// The rows of the catalogue table: `| # | input | `command` | exit | `text` |`.
fn rows(doc: &str) -> Vec<Row> {
    let mut rows = Vec::new();
    for line in doc.lines() {
        let cells: Vec<&str> = line.trim().trim_matches('|').split(" | ").map(str::trim).collect();
        let Some(Ok(number)) = cells.first().map(|c| c.parse::<u32>()) else { continue };
        assert_eq!(cells.len(), 5, "catalogue row {number} has {} cells: {line}", cells.len());
        let code = |cell: &str| cell.trim_matches('`').to_string();
        rows.push(Row {
            number,
            command: code(cells[2]).split_whitespace().map(String::from).collect(),
            exit: cells[3].parse().unwrap_or_else(|_| panic!("row {number}: exit `{}`", cells[3])),
            says: code(cells[4]),
        });
    }
    rows
}

/// A fresh scratch directory with the committed inputs and the generated ones.
fn scratch() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("robustness-catalogue");
    let _ = std::fs::remove_dir_all(&dir);
    copy_tree(&common::repo_root().join("crates/gilsim-cli/tests/data/robustness"), &dir);
    let write = |name: &str, bytes: &[u8]| std::fs::write(dir.join(name), bytes).expect("write input");
    write("line_1mb.py", format!("x = \"{}\"\nprint(len(x))\n", "a".repeat(1_000_000)).as_bytes());
    let names: String = (0..100_000).map(|i| format!("v{i} = {i}\n")).collect();
    write("lines_100k.py", format!("{names}print(v99999)\n").as_bytes());
    write("sum_300k.py", format!("x = {}\nprint(x)\n", vec!["1"; 300_000].join("+")).as_bytes());
    write("brackets_50k.py", format!("x = {}{}\n", "[".repeat(50_000), "]".repeat(50_000)).as_bytes());
    write("unary_100k.py", format!("x = {}1\n", "-".repeat(100_000)).as_bytes());
    write("attributes_100k.py", format!("x = y{}\n", ".a".repeat(100_000)).as_bytes());
    write("binary.py", &(0..4096u32).map(|i| (i * 7919 % 256) as u8).collect::<Vec<u8>>());
    write("latin1.py", b"# caf\xe9\nprint(1)\n");
    write("nul_byte.py", b"x = 1\x00\nprint(x)\n");
    write("empty.py", b"");
    std::fs::create_dir_all(dir.join("a_directory.py")).expect("mkdir");
    std::fs::create_dir_all(dir.join("no_scenarios")).expect("mkdir");
    write("no_scenarios/notes.txt", b"not a scenario\n");
    dir
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read fixtures") {
        let path = entry.expect("entry").path();
        let target = to.join(path.file_name().expect("name"));
        if path.is_dir() {
            copy_tree(&path, &target);
        } else {
            std::fs::copy(&path, &target).expect("copy fixture");
        }
    }
}

#[test]
fn every_bad_input_gets_a_clear_error_or_the_right_finding() {
    let doc = std::fs::read_to_string(common::repo_root().join("docs/robustness.md")).expect("docs/robustness.md");
    let rows = rows(&doc);
    assert!(rows.len() >= 40, "the catalogue has {} rows", rows.len());
    assert!(rows.iter().enumerate().all(|(i, r)| r.number as usize == i + 1), "rows are numbered 1, 2, …");
    let dir = scratch();
    let mut failures = Vec::new();
    for row in &rows {
        let output = Command::new(env!("CARGO_BIN_EXE_gilsim"))
            .args(&row.command)
            .current_dir(&dir)
            .output()
            .expect("run gilsim");
        let text = format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr))
            .replace('`', "");
        let exit = output.status.code();
        if exit != Some(row.exit) || !text.contains(&row.says) {
            let tail: String = text.chars().take(1500).collect();
            failures.push(format!(
                "row {} (`gilsim {}`): exit {exit:?}, expected {} with `{}`; output:\n{tail}",
                row.number,
                row.command.join(" "),
                row.exit,
                row.says
            ));
        }
    }
    assert!(failures.is_empty(), "{} of {} rows failed:\n{}", failures.len(), rows.len(), failures.join("\n\n"));
}

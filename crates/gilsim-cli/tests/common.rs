//! Helpers shared by the integration tests: locate scenarios, run gilsim in-process.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().expect("repo root")
}

/// Every scenario under scenarios/, sorted, as paths relative to the repo root (the scripts
/// `gilsim check scenarios` finds).
pub fn scenarios() -> Vec<String> {
    let root = repo_root();
    let mut found = Vec::new();
    gilsim_cli::scenario::collect_scripts(&root.join("scenarios"), &mut found).expect("scenarios dir");
    let mut out: Vec<String> = found
        .iter()
        .map(|path| Path::new(path).strip_prefix(&root).expect("under root").to_string_lossy().into_owned())
        .collect();
    out.sort();
    out
}

/// Run the CLI in-process from the repo root; returns (status, stdout, stderr).
pub fn gilsim(args: &[&str]) -> (i32, String, String) {
    let root = repo_root();
    std::env::set_current_dir(&root).expect("cd repo root");
    let mut argv = vec!["gilsim".to_string()];
    argv.extend(args.iter().map(|s| s.to_string()));
    let mut out = Vec::new();
    let mut err = Vec::new();
    let code = gilsim_cli::main_with_args(argv, &mut out, &mut err);
    (code, String::from_utf8(out).expect("utf8"), String::from_utf8(err).expect("utf8"))
}

/// Run a real CPython on `script` (relative to the repo root) with buffered stdout.
pub fn cpython(version: &str, script: &str) -> (i32, String, String) {
    let home = std::env::var("HOME").unwrap_or_else(|_| "/root".into());
    let python = format!("{home}/.pyenv/versions/{version}/bin/python");
    assert!(Path::new(&python).exists(), "CPython {version} is required for differential tests: {python} not found");
    // CPython itself hangs now and then (3.13.0 once spun for half an hour in a socketserver
    // shutdown): a run past the limit is killed and tried once more.
    let output = run_with_limit(&python, script)
        .or_else(|| run_with_limit(&python, script))
        .unwrap_or_else(|| panic!("CPython {version} did not finish {script} in {CPYTHON_LIMIT:?}, twice"));
    // gilsim names CPython's library files as a Debian install does (/usr/lib/python3.11/...).
    let library = format!("{home}/.pyenv/versions/{version}/lib/");
    // A run ended by a signal (3.8+ ends itself by SIGINT on an uncaught KeyboardInterrupt)
    // has the status a shell reports, 128 + the signal, as gilsim's outcome gives it.
    let code = output.status.code().or_else(|| {
        use std::os::unix::process::ExitStatusExt;
        output.status.signal().map(|signal| 128 + signal)
    });
    (
        code.unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).replace(&library, "/usr/lib/"),
        String::from_utf8_lossy(&output.stderr).replace(&library, "/usr/lib/"),
    )
}

/// How long a differential test waits for CPython (the slowest scenario takes a few seconds).
const CPYTHON_LIMIT: std::time::Duration = std::time::Duration::from_secs(120);

/// CPython `python` run on `script` from the repo root, unless it is still running after
/// [`CPYTHON_LIMIT`] (then killed).
fn run_with_limit(python: &str, script: &str) -> Option<std::process::Output> {
    use std::process::{Command, Stdio};
    let mut child = Command::new(python)
        .arg(script)
        .current_dir(repo_root())
        .env_remove("PYTHONUNBUFFERED")
        .env("PYTHONHASHSEED", "0")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run cpython");
    // The pipes are drained while the child runs, so a large output cannot block it.
    let drain = |pipe: Option<Box<dyn std::io::Read + Send>>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            if let Some(mut pipe) = pipe {
                std::io::Read::read_to_end(&mut pipe, &mut bytes).expect("read cpython's output");
            }
            bytes
        })
    };
    let stdout = drain(child.stdout.take().map(|p| Box::new(p) as Box<dyn std::io::Read + Send>));
    let stderr = drain(child.stderr.take().map(|p| Box::new(p) as Box<dyn std::io::Read + Send>));
    let started = std::time::Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait for cpython") {
            break Some(status);
        }
        if started.elapsed() > CPYTHON_LIMIT {
            child.kill().expect("kill cpython");
            child.wait().expect("reap cpython");
            break None;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    let (stdout, stderr) = (stdout.join().expect("stdout reader"), stderr.join().expect("stderr reader"));
    status.map(|status| std::process::Output { status, stdout, stderr })
}

/// The run options a scenario declares in its leading comments, as `# gilsim: key=value ...`
/// (keys: seed, policy, python, stdout, switch-interval, switch-points, check-interval,
/// max-time, cores), over the given defaults; returned as CLI flags.
pub fn scenario_flags(script: &str, defaults: &[(&str, &str)]) -> Vec<String> {
    const RUN_KEYS: &[&str] = &[
        "seed",
        "policy",
        "python",
        "stdout",
        "switch-interval",
        "switch-points",
        "check-interval",
        "max-time",
        "cores",
    ];
    let mut options: Vec<(String, String)> = defaults.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
    // Expectations (expect=, runs=) are not run options.
    for (key, value) in scenario_header(script).into_iter().filter(|(k, _)| RUN_KEYS.contains(&k.as_str())) {
        options.retain(|(k, _)| *k != key);
        options.push((key, value));
    }
    options.into_iter().flat_map(|(k, v)| [format!("--{k}"), v]).collect()
}

/// Every `key=value` of a scenario's leading `# gilsim:` comments, in order (as `gilsim
/// check` reads them).
pub fn scenario_header(script: &str) -> Vec<(String, String)> {
    let source = std::fs::read_to_string(repo_root().join(script)).expect("read scenario");
    gilsim_cli::scenario::header(&source)
        .into_iter()
        .map(|(key, value)| {
            let value = value.unwrap_or_else(|| panic!("{script}: `{key}` is not key=value"));
            (key, value)
        })
        .collect()
}

/// What a scenario declares it must produce (`# gilsim: expect=deadlock`), if anything.
pub fn scenario_expectation(script: &str) -> Option<String> {
    scenario_header(script).into_iter().find(|(k, _)| k == "expect").map(|(_, v)| v)
}

/// Run gilsim with `args` (which ask for JSON) and parse the document it prints.
pub fn json_of(args: &[&str]) -> serde_json::Value {
    let (_, out, err) = gilsim(args);
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("JSON from {args:?}: {e}\n{out}\n{err}"))
}

/// The `kind` of every finding of a JSON outcome, in order.
pub fn finding_kinds(doc: &serde_json::Value) -> Vec<String> {
    let findings = doc["findings"].as_array().expect("findings");
    findings.iter().map(|f| f["kind"].as_str().expect("kind").to_string()).collect()
}

/// Run `script` with `args` and return the JSON outcome.
pub fn outcome_json(script: &str, args: &[&str]) -> serde_json::Value {
    let mut argv = vec!["run", script, "--format", "json"];
    argv.extend_from_slice(args);
    json_of(&argv)
}

/// Run a script with `args` and return what the simulated program did: (its exit status,
/// stdout, stderr) — not gilsim's own exit status, which also reflects findings.
pub fn simulated(args: &[&str]) -> (i32, String, String) {
    let mut argv = args.to_vec();
    argv.extend(["--format", "json"]);
    let doc = json_of(&argv);
    let text = |key: &str| doc[key].as_str().unwrap_or_default().to_string();
    (doc["exit_code"].as_i64().expect("exit_code") as i32, text("stdout"), text("stderr"))
}

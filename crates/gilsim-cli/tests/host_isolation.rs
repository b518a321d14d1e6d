//! A script cannot reach the host (docs/robustness.md, "What a script cannot reach"): files,
//! the environment, standard input, the wall clock, processes and the network are out of its
//! reach, and the host's randomness never reaches a run. Each attempt runs the gilsim binary in
//! a scratch directory, with a secret in its environment and on its standard input, and must
//! leave no trace of the host in the output and no file behind.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

const SECRET: &str = "gilsim-host-secret-4d1f";

/// A scratch directory of the test's own (tests run at the same time).
fn scratch(test: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("host-isolation").join(test);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

/// Run `source` as a script, with the secret in its environment and on its standard input;
/// (exit status, stdout + stderr).
fn run(dir: &Path, name: &str, source: &str) -> (Option<i32>, String) {
    std::fs::write(dir.join(name), source).expect("write script");
    let mut child = Command::new(env!("CARGO_BIN_EXE_gilsim"))
        .args(["run", name])
        .current_dir(dir)
        .env("GILSIM_HOST_SECRET", SECRET)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run gilsim");
    // gilsim may exit without reading it: a failed write (a closed pipe) is fine.
    let _ = child.stdin.take().expect("stdin").write_all(format!("{SECRET}\n").as_bytes());
    let output = child.wait_with_output().expect("wait for gilsim");
    let text = format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
    assert!(!text.contains(SECRET), "{name}: the host's environment reached the output:\n{text}");
    (output.status.code(), text)
}

#[test]
fn files_processes_and_the_network_are_out_of_reach() {
    let dir = scratch("files");
    let attempts = [
        // Files are the simulated machine's: written and read back there, never on the host.
        ("write_file.py", "open('pwned.txt', 'w').write('x!')\nprint(open('pwned.txt').read())\n", 0, "x!"),
        ("read_file.py", "print(open('/etc/hostname').read())\n", 1, "FileNotFoundError"),
        // Standard input is the simulated machine's, and empty: the host's is never read.
        ("stdin.py", "import sys\nprint(repr(sys.stdin.read()))\ninput('name? ')\n", 1, "''\nname? "),
        ("system.py", "import os\nos.system('touch pwned.txt')\n", 1, "AttributeError"),
        // The scratch directory holds every script of this test; the machine has only its own.
        ("listdir.py", "import os\nprint(os.listdir('.'), os.getcwd())\n", 0, "['listdir.py'] /home/gilsim"),
        ("subprocess.py", "import subprocess\nsubprocess.run(['touch', 'pwned.txt'])\n", 2, "subprocess"),
        // Sockets reach only the simulated process's own: no name resolves, no address outside
        // the loopback is routed, and nothing listens on the host's ports.
        (
            "network.py",
            "import socket\n\
             for target in [('example.com', 80), ('93.184.216.34', 80), ('127.0.0.1', 22)]:\n    \
             try:\n        socket.create_connection(target)\n    \
             except OSError as e:\n        print(type(e).__name__, e)\n",
            0,
            "gaierror [Errno -2] Name or service not known\nOSError [Errno 101] Network is unreachable\n\
             ConnectionRefusedError [Errno 111] Connection refused",
        ),
        (
            "urllib.py",
            "import urllib.request\nurllib.request.urlopen('http://example.com/')\n",
            1,
            "urllib.error.URLError: <urlopen error [Errno -2] Name or service not known>",
        ),
        // `__import__` of a literal name imports the simulated module; of any other, nothing.
        ("dunder_import.py", "__import__('os').system('touch pwned.txt')\n", 1, "AttributeError"),
        ("dunder_import_module.py", "__import__('subprocess').run(['touch', 'pwned.txt'])\n", 2, "subprocess"),
        ("dunder_import_name.py", "name = 'subprocess'\n__import__(name)\n", 2, "not supported by gilsim"),
        ("exec.py", "exec(\"open('pwned.txt', 'w')\")\n", 2, "not supported by gilsim"),
    ];
    for (name, source, exit, says) in attempts {
        let (code, text) = run(&dir, name, source);
        assert_eq!(code, Some(exit), "{name}:\n{text}");
        assert!(text.contains(says), "{name}: expected `{says}` in:\n{text}");
    }
    assert!(!dir.join("pwned.txt").exists(), "a script wrote a file on the host");
}

#[test]
fn the_environment_is_not_the_hosts() {
    let dir = scratch("environment");
    let source = "import os\n\
                  print(getattr(os, 'environ', {}).get('GILSIM_HOST_SECRET'))\n\
                  print(getattr(os, 'getenv', lambda name: None)('GILSIM_HOST_SECRET'))\n";
    let (code, text) = run(&dir, "environment.py", source);
    assert_eq!(code, Some(0), "{text}");
    assert!(text.starts_with("None\nNone\n"), "{text}");
}

#[test]
fn the_clock_and_randomness_are_the_runs_own() {
    let dir = scratch("clock");
    let source = "import time, random\n\
                  start = time.time()\n\
                  time.sleep(2.5)\n\
                  print(start, time.time() - start, time.monotonic(), time.perf_counter())\n\
                  print(random.random(), random.randint(1, 10**9))\n";
    let (code, first) = run(&dir, "clock.py", source);
    assert_eq!(code, Some(0), "{first}");
    // Virtual time starts at 2000-01-01 00:00:00 UTC, whatever the host's clock says, and a
    // sleep advances it by exactly what was asked (plus the instructions around it).
    let stdout = first.lines().next().expect("a line");
    let values: Vec<f64> = stdout.split_whitespace().map(|v| v.parse().expect("a number")).collect();
    assert!((946_684_800.0..946_684_801.0).contains(&values[0]), "{stdout}");
    assert!((2.5..2.501).contains(&values[1]), "{stdout}");
    std::thread::sleep(std::time::Duration::from_millis(20));
    let (_, second) = run(&dir, "clock.py", source);
    assert_eq!(first, second, "the host's clock or randomness reached a run");
}

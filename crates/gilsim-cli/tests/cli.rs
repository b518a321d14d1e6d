//! Command-line behaviour: exit statuses, compile errors, JSON document, disassembly.

mod common;

use std::io::Write;

fn script(name: &str, text: &str) -> String {
    let dir = std::env::temp_dir().join(format!("gilsim-cli-tests-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("tmp dir");
    let path = dir.join(name);
    std::fs::File::create(&path).and_then(|mut f| f.write_all(text.as_bytes())).expect("write script");
    path.to_string_lossy().into_owned()
}

#[test]
fn unsupported_construct_is_a_clear_error_with_status_2() {
    let path = script("alias.py", "import threading\n\ntype Point = tuple[int, int]\n");
    let (code, out, err) = common::gilsim(&["run", &path]);
    assert_eq!(code, 2);
    assert!(out.is_empty(), "nothing ran: {out}");
    assert!(err.contains("the `type` statement is not supported by gilsim"), "{err}");
    assert!(err.contains("alias.py:3:1"), "{err}");
    assert!(err.contains("3 | type Point"), "snippet shown: {err}");
}

/// `globals()` is a copy of the module's slots: reading it runs, writing through it (which
/// would bind nothing) is refused before anything runs.
#[test]
fn writing_through_globals_is_refused_and_reading_runs() {
    for (name, line) in [
        ("subscript.py", "globals()['late'] = 1\n"),
        ("update.py", "globals().update(late=1)\n"),
        ("delete.py", "del globals()['x']\n"),
    ] {
        let path = script(name, &format!("x = 1\n{line}"));
        let (code, out, err) = common::gilsim(&["run", &path]);
        assert_eq!(code, 2, "{name}: {err}");
        assert!(out.is_empty(), "nothing ran: {out}");
        assert!(err.contains("writing to the module's globals through `globals()` is not supported"), "{err}");
    }
    let path =
        script("read.py", "x = 1\ndef globals():\n    return {}\nglobals()['y'] = 2\nprint(sorted(locals())[-2:])\n");
    let (code, out, err) = common::gilsim(&["run", &path, "-q"]);
    assert_eq!((code, out.as_str()), (0, "['globals', 'x']\n"), "the script's own `globals` is not the builtin: {err}");
}

#[test]
fn python2_print_gets_a_hint() {
    let path = script("py2.py", "x = 1\nprint \"hello\"\n");
    let (code, _, err) = common::gilsim(&["run", &path]);
    assert_eq!(code, 2);
    assert!(err.contains("use print(...)"), "{err}");
    assert!(err.contains("py2.py:2"), "{err}");
}

#[test]
fn python2_syntax_errors_quote_the_script_as_written() {
    // Under 2.7 a `print` statement is rewritten into calls before parsing: an error in one
    // quotes the line as the script has it, with the caret at its own column.
    let path = script("py2_error.py", "import sys\nprint \"a\", `1`\nprint(\"done\", file=sys.stderr)\n");
    let (code, _, err) = common::gilsim(&["run", &path, "--python", "2.7"]);
    assert_eq!(code, 2);
    assert!(err.contains("py2_error.py:3:19"), "{err}");
    assert!(err.contains("3 | print(\"done\", file=sys.stderr)"), "{err}");
    assert!(!err.contains("_gilsim"), "no rewritten text: {err}");
}

#[test]
fn a_token_made_before_the_noise_of_2026_12_04_replays_its_run() {
    // Two threads whose order rests on their sleeps' lateness: seed 1 printed
    // ['once', 'twice'] before the script's timers got their whole slack and threads their
    // creation time, and prints ['twice', 'once'] now; the token of then replays then's run.
    let text = "import threading\nimport time\n\norder = []\n\n\ndef twice():\n    time.sleep(0.01)\n    \
                time.sleep(0.01)\n    order.append(\"twice\")\n\n\ndef once():\n    time.sleep(0.02)\n    \
                order.append(\"once\")\n\n\nthreads = [threading.Thread(target=twice), \
                threading.Thread(target=once)]\nfor t in threads:\n    t.start()\nfor t in threads:\n    \
                t.join()\nprint(order)\n";
    let path = script("sleeps.py", text);
    let old = "gs1_AwsAAABBAcCWsQIIgLCdwt8BgKjWuQdkD5T05x3XIHQA";
    let (code, out, err) = common::gilsim(&["replay", &path, "--schedule", old, "-q"]);
    assert_eq!((code, out.as_str()), (0, "['once', 'twice']\n"), "{err}");
    let (code, out, err) = common::gilsim(&["run", &path, "--seed", "1", "-q"]);
    assert_eq!((code, out.as_str()), (0, "['twice', 'once']\n"), "{err}");
}

#[test]
fn unsupported_module_names_the_module() {
    let path = script("proc.py", "import subprocess\n");
    let (code, _, err) = common::gilsim(&["run", &path]);
    assert_eq!(code, 2);
    assert!(err.contains("importing module `subprocess` is not supported by gilsim"), "{err}");
}

#[test]
fn uncaught_exception_in_main_exits_1_after_joining_threads() {
    let path = script(
        "main_dies.py",
        "import threading, time\ndef w():\n    time.sleep(1)\n    print('worker done')\nthreading.Thread(target=w).start()\nraise RuntimeError('main dies')\n",
    );
    let (code, out, err) = common::gilsim(&["run", &path, "-q"]);
    assert_eq!(code, 1);
    assert_eq!(out, "worker done\n");
    assert!(err.starts_with("Traceback (most recent call last):\n"), "{err}");
    assert!(err.contains("RuntimeError: main dies"), "{err}");
}

#[test]
fn deep_recursion_raises_recursion_error() {
    let path = script(
        "deep.py",
        "def f(n):\n    return f(n + 1)\ntry:\n    f(0)\nexcept RecursionError as e:\n    print('caught:', e)\n",
    );
    let (code, out, _) = common::gilsim(&["run", &path, "-q"]);
    assert_eq!(code, 0);
    assert_eq!(out, "caught: maximum recursion depth exceeded\n");
}

#[test]
fn json_document_has_the_documented_keys() {
    let (code, out, _) = common::gilsim(&["run", "scenarios/seeds/14_two_lock_deadlock.py", "--format", "json"]);
    assert_eq!(code, 1);
    let doc: serde_json::Value = serde_json::from_str(&out).expect("json");
    for key in [
        "version",
        "script",
        "seed",
        "policy",
        "python",
        "status",
        "exit_code",
        "stdout",
        "stderr",
        "findings",
        "stats",
    ] {
        assert!(doc.get(key).is_some(), "missing {key}");
    }
    assert_eq!(doc["status"], "deadlock");
    assert_eq!(doc["version"], 2);
    for key in ["virtual_time_s", "instructions", "switches"] {
        assert!(doc["stats"].get(key).is_some(), "missing stats.{key}");
    }
    let finding = &doc["findings"][0];
    assert_eq!(finding["kind"], "deadlock");
    assert_eq!(finding["cycle"], serde_json::json!(["Thread-1 (first)", "Thread-2 (second)"]));
    assert_eq!(finding["threads"], finding["cycle"]);
    let lines: Vec<i64> =
        finding["locations"].as_array().expect("locations").iter().map(|l| l["line"].as_i64().expect("line")).collect();
    assert_eq!(lines, [13, 17, 26, 30]);
    assert!(finding["message"]
        .as_str()
        .expect("message")
        .starts_with("Thread-1 (first) holds lock_a (line 13), waits for lock_b (line 17)"));
}

#[test]
fn keep_going_runs_past_a_deadlock_without_calling_it_a_hang_too() {
    let script = "scenarios/seeds/14_two_lock_deadlock.py";
    let (code, out, _) = common::gilsim(&["run", script, "--format", "json", "--keep-going"]);
    assert_eq!(code, 1);
    let doc: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(doc["status"], "blocked");
    assert_eq!(common::finding_kinds(&doc), ["deadlock"]);
}

#[test]
fn possible_races_fail_only_with_strict() {
    let script = "scenarios/seeds/11_unlocked_counter.py";
    let (code, _, err) = common::gilsim(&["run", script, "--python", "3.11"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("warning: possible lost update: `total`"), "{err}");
    let (code, _, _) = common::gilsim(&["run", script, "--python", "3.11", "--strict", "-q"]);
    assert_eq!(code, 1);
    let (code, _, err) = common::gilsim(&["run", script, "--python", "3.9"]);
    assert_eq!(code, 1);
    assert!(err.contains("error: lost update (manifest): `total`"), "{err}");
    let (code, _, err) = common::gilsim(&["run", script, "--python", "3.9", "--no-detect"]);
    assert_eq!(code, 0);
    assert!(!err.contains("lost update"), "{err}");
}

#[test]
fn forever_loops_stop_at_the_time_limit() {
    let (code, _, err) = common::gilsim(&["run", "scenarios/seeds/02_low_level_thread_module.py", "--max-time", "20s"]);
    // A limit reached is a failed run (docs/cli.md, "Exit status").
    assert_eq!(code, 1);
    assert!(err.contains("stopped at the time limit (20 s virtual)"), "{err}");
    assert!(err.contains("still running: MainThread"), "{err}");
}

#[test]
fn disasm_marks_switch_points_per_version() {
    let path = script("loop.py", "total = 0\ndef f():\n    global total\n    for i in range(3):\n        total += 1\n");
    let (code, out311, _) = common::gilsim(&["disasm", &path]);
    assert_eq!(code, 0);
    let body: Vec<&str> = out311.lines().filter(|l| l.contains("StoreGlobal")).collect();
    assert!(body.iter().all(|l| !l.contains(" S ")), "3.11: no switch at the store: {out311}");
    assert!(out311.contains("JumpBackward"));
    let (_, out39, _) = common::gilsim(&["disasm", &path, "--python", "3.9"]);
    let body: Vec<&str> = out39.lines().filter(|l| l.contains("StoreGlobal")).collect();
    assert!(body.iter().all(|l| l.contains(" S ")), "3.9: every instruction is a switch point: {out39}");
}

/// PEP 530 as amended in 3.11: an async comprehension inside another comprehension of an
/// `async def` makes that one async too; before 3.11 it is CPython's SyntaxError.
#[test]
fn nested_async_comprehensions_are_new_in_311() {
    let source = "import asyncio\n\nasync def agen():\n    for i in range(3):\n        yield i\n\n\
                  async def main():\n    print([[y async for y in agen()] for _ in range(2)])\n\n\
                  asyncio.run(main())\n";
    let path = script("nested_async.py", source);
    let (code, out, _) = common::gilsim(&["run", "-q", &path, "--python", "3.11"]);
    assert_eq!((code, out.as_str()), (0, "[[0, 1, 2], [0, 1, 2]]\n"));
    let (code, _, err) = common::gilsim(&["run", "-q", &path, "--python", "3.10"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("asynchronous comprehension outside of an asynchronous function"), "{err}");
    assert!(err.contains("nested_async.py:8:12"), "{err}");
}

/// Python 3's own syntax is refused under `--python 2.7`, where CPython 2.7's parser fails on
/// it (f-strings, `nonlocal`, keyword-only parameters, starred targets, `yield from`,
/// `async def`/`await`); the same scripts run under 3.x.
#[test]
fn python3_syntax_is_refused_under_27() {
    let cases = [
        ("fstring.py", "x = 1\nprint(f'{x}')\n", "an f-string is new in Python 3.6", "fstring.py:2:7"),
        (
            "nonlocal.py",
            "def f():\n    x = 1\n    def g():\n        nonlocal x\n    g()\nf()\n",
            "the nonlocal statement",
            "nonlocal.py:4:9",
        ),
        (
            "kwonly.py",
            "def f(a, *, b=1):\n    return a + b\nprint(f(1))\n",
            "a keyword-only parameter",
            "kwonly.py:1:13",
        ),
        ("starred.py", "a, *b = [1, 2, 3]\nprint(b)\n", "a starred assignment target", "starred.py:1:1"),
        (
            "yield_from.py",
            "def g():\n    yield from [1]\nprint(list(g()))\n",
            "yield from is new in Python 3.3",
            "yield_from.py:2:5",
        ),
        ("async.py", "async def f():\n    return 1\nprint(f)\n", "async def is new in Python 3.5", "async.py:1:1"),
    ];
    for (name, source, message, at) in cases {
        let path = script(name, source);
        let (code, _, err) = common::gilsim(&["run", "-q", &path, "--python", "2.7"]);
        assert_eq!(code, 2, "{name}: {err}");
        assert!(err.contains(message) && err.contains("(this run models Python 2.7)"), "{name}: {err}");
        assert!(err.contains(at), "{name}: {err}");
        let (code, _, err) = common::gilsim(&["run", "-q", &path, "--python", "3.11"]);
        assert_eq!(code, 0, "{name} under 3.11: {err}");
    }
}

/// `except*` and the exception group builtins are 3.11's: before, the clause is a syntax
/// error naming the release, and `ExceptionGroup` an undefined name, as in those CPythons.
#[test]
fn exception_groups_are_new_in_311() {
    let source =
        "try:\n    raise ExceptionGroup('eg', [ValueError(1)])\nexcept* ValueError as g:\n    print(repr(g))\n";
    let path = script("star.py", source);
    let (code, out, _) = common::gilsim(&["run", "-q", &path, "--python", "3.11"]);
    assert_eq!((code, out.as_str()), (0, "ExceptionGroup('eg', [ValueError(1)])\n"));
    let (code, _, err) = common::gilsim(&["run", "-q", &path, "--python", "3.10"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("the except* clause is new in Python 3.11 (this run models Python 3.10)"), "{err}");
    assert!(err.contains("star.py:3:1"), "{err}");
    let path = script("group_name.py", "print(BaseExceptionGroup)\n");
    let (code, _, err) = common::gilsim(&["run", "-q", &path, "--python", "3.10"]);
    assert_eq!(code, 1);
    assert!(err.contains("NameError: name 'BaseExceptionGroup' is not defined"), "{err}");
}

/// The run report lines up thread names however long the script made them: `format!`'s
/// width argument stops at 65,535 and a name past it panicked the report (crash fuzzer).
#[test]
fn report_aligns_thread_names_longer_than_a_format_width() {
    let source = "import threading\nt = threading.Thread(target=print, name='n' * 70000)\nt.start()\nt.join()\n";
    let path = script("long_name.py", source);
    let (code, _, err) = common::gilsim(&["run", &path]);
    assert_eq!(code, 0, "{}", err.chars().take(500).collect::<String>());
    let row = err.lines().find(|line| line.contains("held") && line.contains("nnnn")).expect("the thread's gil row");
    let main = err.lines().find(|line| line.trim_start().starts_with("MainThread")).expect("the main thread's row");
    assert_eq!(row.find("held"), main.find("held"), "columns line up");
}

/// A starred target takes every item of an endless iterator, as CPython's does, until the
/// run's memory is spent: MemoryError at --max-memory, not the host's memory (crash fuzzer:
/// `a, *b = itertools.count()` grew past 2 GiB).
#[test]
fn starred_unpacking_of_an_endless_iterator_stops_at_the_memory_limit() {
    let path = script("endless_unpack.py", "first, *rest = iter(int, 1)\n");
    let (code, _, err) = common::gilsim(&["run", "--max-memory", "16MiB", &path]);
    assert_eq!(code, 1, "{}", err.chars().take(500).collect::<String>());
    assert!(err.contains("MemoryError"), "{}", err.chars().take(500).collect::<String>());
}

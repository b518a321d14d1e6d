//! Mutations of scenario scripts for the crash fuzzer: deleted spans, duplicated lines,
//! inserted punctuation and keywords, and hostile fragments (huge numbers, deep nesting,
//! NUL and non-UTF-8 bytes, giant repeats) — the inputs a user's typo or a hostile file makes.
//!
//! Invariant: a mutation is a function of the source and the random stream only.

use gilsim_core::SimRng;

/// Fragments inserted at random places: syntax, keywords, threading calls.
pub const FRAGMENTS: &[&str] = &[
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ":",
    ",",
    "=",
    "+=",
    "*",
    "**",
    "'",
    "\"",
    "\n",
    "\t",
    "    ",
    "\\",
    "#",
    "@",
    "lambda",
    "yield",
    "global x",
    "nonlocal y",
    "return",
    "break",
    "continue",
    "class",
    "def",
    "with",
    "try:",
    "except",
    "finally:",
    "raise",
    "del",
    "not",
    "None",
    "1e999",
    "-",
    "0x",
    "f'{",
    "}'",
    "%s",
    "import queue",
    ".acquire()",
    ".release()",
    ".join()",
    ".start()",
    "threading.Lock()",
    "while True:",
    "if",
    "else:",
];

/// Fragments that stress limits rather than syntax.
pub const HOSTILE: &[&str] = &[
    "\0",
    "\u{feff}",
    "\u{1F600}",
    "10**4300",
    "2**100000",
    "'x' * 10**12",
    "[0] * 2**62",
    "'a'.center(10**12)",
    "'%.65536f' % 1.0",
    "round(1.5, 65536)",
    "((((((((((((((((((((((((((((((((((((((((",
    "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[",
    "-~-~-~-~-~-~-~-~-~-~-~-~-~-~-~-~-~-~-~-~-~-~",
    "sys.setrecursionlimit(10**9)",
    "import sys",
    "threading.Thread(target=lambda: None).start()",
    "x = []; x.append(x); print(x)",
    "time.sleep(float('nan'))",
    "random.randint(-2**63, 2**63 - 1)",
    "print(hash(object()))",
    "while 1: pass",
    "raise SystemExit(7)",
    "del threading",
    "int('9' * 5000)",
];

/// `source` with one to three random edits.
pub fn mutate(source: &str, rng: &mut SimRng) -> String {
    let mut text: Vec<char> = source.chars().collect();
    for _ in 0..1 + rng.below(3) {
        let at = rng.below(text.len().max(1) as u64) as usize;
        match rng.below(5) {
            0 => {
                let end = (at + 1 + rng.below(12) as usize).min(text.len());
                text.drain(at.min(end)..end);
            }
            1 | 2 => insert(&mut text, at, pick(FRAGMENTS, rng)),
            3 => insert(&mut text, at, pick(HOSTILE, rng)),
            _ => text = duplicate_line(&text, rng),
        }
    }
    text.into_iter().collect()
}

fn pick<'a>(from: &[&'a str], rng: &mut SimRng) -> &'a str {
    from[rng.below(from.len() as u64) as usize]
}

fn insert(text: &mut Vec<char>, at: usize, fragment: &str) {
    let at = at.min(text.len());
    text.splice(at..at, fragment.chars());
}

fn duplicate_line(text: &[char], rng: &mut SimRng) -> Vec<char> {
    let source: String = text.iter().collect();
    let mut lines: Vec<&str> = source.lines().collect();
    if lines.is_empty() {
        return text.to_vec();
    }
    let pick = rng.below(lines.len() as u64) as usize;
    lines.insert(pick, lines[pick]);
    lines.join("\n").chars().collect()
}

/// Raw bytes of `source` with byte-level damage: a non-UTF-8 byte, a truncation, or a run of
/// random bytes (the files a wrong path or a binary hands the tool).
pub fn damage_bytes(source: &str, rng: &mut SimRng) -> Vec<u8> {
    let mut bytes = source.as_bytes().to_vec();
    let at = rng.below(bytes.len().max(1) as u64) as usize;
    match rng.below(3) {
        0 => bytes.insert(at.min(bytes.len()), 0x80 + rng.below(0x80) as u8),
        1 => bytes.truncate(at),
        _ => {
            let noise = (0..1 + rng.below(64)).map(|_| rng.below(256) as u8);
            bytes.splice(at.min(bytes.len())..at.min(bytes.len()), noise);
        }
    }
    bytes
}

//! The syntax check of a Python 3 pattern, as CPython's `re/_parser.py` (`sre_parse.py`
//! before 3.11) parses it: the same walk — tokens of one character or one escape pair,
//! `_parse_sub`/`_parse`, character sets, repeats, groups and their extensions, inline flags —
//! keeping only what decides an error, so that a bad pattern raises CPython's message at
//! CPython's position (`missing ), unterminated subpattern at position 0`) rather than the
//! engine's. Invariant: a pattern this check accepts is one CPython's parser accepts (with the
//! release's syntax: possessive repeats and atomic groups from 3.11, `\N{...}` from 3.8); the
//! engine may still refuse one (see [`super::sre`]).

use crate::modules::sre::flags::{ASCII, LOCALE, UNICODE, VERBOSE};
use gilsim_core::PythonVersion;
use std::collections::BTreeMap;

/// CPython's `re.error`: its message and the character position it is raised at.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct SyntaxError {
    pub msg: String,
    pub pos: usize,
}

const MAXREPEAT: u64 = u32::MAX as u64;
const MAXGROUPS: usize = (u32::MAX / 2) as usize;
const SPECIAL: &str = ".\\[{()*+?^$|";

/// Why CPython refuses a pattern.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Refusal {
    /// `re.error` from the parser.
    Syntax(SyntaxError),
    /// A repeat count of 2**32 - 1 or more: OverflowError("the repetition number is too large").
    RepeatTooLarge,
    /// Flags a str pattern cannot have (`fix_flags`): ValueError with this message.
    Flags(&'static str),
    /// Before 3.9 a conditional on a group that does not exist got past the parser and made
    /// the C engine's code check fail: RuntimeError("invalid SRE code").
    InvalidSreCode,
}

impl From<SyntaxError> for Refusal {
    fn from(e: SyntaxError) -> Refusal {
        Refusal::Syntax(e)
    }
}

/// A warning the parser gives on the way.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Warning {
    pub category: &'static str,
    pub message: String,
}

/// Check `pattern` (compiled with `flags`) as `version`'s parser does: the warnings it gives
/// on the way (3.7+: FutureWarning `Possible nested set at position 1`), then its verdict.
pub(crate) fn check(pattern: &str, flags: i64, version: PythonVersion) -> (Vec<Warning>, Result<(), Refusal>) {
    let mut state = State {
        flags,
        groups: vec![true],
        names: BTreeMap::new(),
        lookbehind: None,
        version,
        warnings: Vec::new(),
        forward_references: Vec::new(),
        pattern: Vec::new(),
    };
    let verdict = state.check(pattern);
    (state.warnings, verdict)
}

/// One token: a character, or a backslash and the character it escapes.
type Token = (char, Option<char>);

fn token_len(token: Token) -> usize {
    1 + usize::from(token.1.is_some())
}

fn token_text(token: Token) -> String {
    token.1.map_or_else(|| token.0.to_string(), |c| format!("{}{c}", token.0))
}

/// `_parser.Tokenizer`, over characters (positions are `str` indices).
struct Tokenizer {
    chars: Vec<char>,
    index: usize,
    next: Option<Token>,
}

impl Tokenizer {
    fn new(pattern: &str) -> Result<Tokenizer, SyntaxError> {
        let mut source = Tokenizer { chars: pattern.chars().collect(), index: 0, next: None };
        source.advance()?;
        Ok(source)
    }

    fn advance(&mut self) -> Result<(), SyntaxError> {
        let Some(&c) = self.chars.get(self.index) else {
            self.next = None;
            return Ok(());
        };
        if c != '\\' {
            self.index += 1;
            self.next = Some((c, None));
            return Ok(());
        }
        let Some(&escaped) = self.chars.get(self.index + 1) else {
            return Err(SyntaxError { msg: "bad escape (end of pattern)".into(), pos: self.chars.len() - 1 });
        };
        self.index += 2;
        self.next = Some((c, Some(escaped)));
        Ok(())
    }

    fn get(&mut self) -> Result<Option<Token>, SyntaxError> {
        let this = self.next;
        self.advance()?;
        Ok(this)
    }

    /// Take the next token if it is the plain character `c`.
    fn take(&mut self, c: char) -> Result<bool, SyntaxError> {
        if self.next == Some((c, None)) {
            self.advance()?;
            return Ok(true);
        }
        Ok(false)
    }

    fn next_is(&self, set: impl Fn(char) -> bool) -> bool {
        matches!(self.next, Some((c, None)) if set(c))
    }

    fn tell(&self) -> usize {
        self.index - self.next.map_or(0, token_len)
    }

    fn seek(&mut self, index: usize) -> Result<(), SyntaxError> {
        self.index = index;
        self.advance()
    }

    fn getwhile(&mut self, n: usize, set: impl Fn(char) -> bool) -> Result<String, SyntaxError> {
        let mut result = String::new();
        for _ in 0..n {
            match self.next {
                Some((c, None)) if set(c) => result.push(c),
                _ => break,
            }
            self.advance()?;
        }
        Ok(result)
    }

    fn getuntil(&mut self, terminator: char, name: &str) -> Result<String, SyntaxError> {
        let mut result = String::new();
        loop {
            let c = self.get()?;
            match c {
                None if result.is_empty() => return Err(self.error(&format!("missing {name}"), 0)),
                None => {
                    let msg = format!("missing {terminator}, unterminated name");
                    return Err(self.error(&msg, result.chars().count()));
                }
                Some((t, None)) if t == terminator => {
                    if result.is_empty() {
                        return Err(self.error(&format!("missing {name}"), 1));
                    }
                    return Ok(result);
                }
                Some(token) => result.push_str(&token_text(token)),
            }
        }
    }

    fn error(&self, msg: &str, offset: usize) -> SyntaxError {
        SyntaxError { msg: msg.to_string(), pos: self.tell().saturating_sub(offset) }
    }

    fn check_group_name(&self, name: &str, offset: usize) -> Result<(), SyntaxError> {
        if crate::str_predicates::is_identifier(name) {
            return Ok(());
        }
        let msg = format!("bad character in group name {}", crate::repr::str_repr(name));
        Err(self.error(&msg, name.chars().count() + offset))
    }
}

/// What the last item of a `_parse` is, as far as a following repeat cares.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Item {
    /// `^`, `$`, `\A`, `\b`...: nothing to repeat.
    At,
    Repeat,
    Other,
}

struct State {
    flags: i64,
    /// Whether each group is closed (group 0, the whole match, counts as closed).
    groups: Vec<bool>,
    names: BTreeMap<String, usize>,
    /// The first group of the lookbehind being parsed.
    lookbehind: Option<usize>,
    version: PythonVersion,
    warnings: Vec<Warning>,
    /// Conditionals' group numbers, and where each was first referred to (in that order).
    forward_references: Vec<(usize, usize)>,
    pattern: Vec<char>,
}

impl State {
    fn check(&mut self, pattern: &str) -> Result<(), Refusal> {
        let mut source = Tokenizer::new(pattern).map_err(Refusal::Syntax)?;
        self.pattern = pattern.chars().collect();
        self.parse_sub(&mut source, self.flags & VERBOSE != 0, 0)?;
        // `fix_flags` for a str pattern (re.LOCALE, re.ASCII and re.UNICODE).
        if self.flags & LOCALE != 0 {
            return Err(Refusal::Flags("cannot use LOCALE flag with a str pattern"));
        }
        if self.flags & ASCII != 0 && self.flags & UNICODE != 0 {
            return Err(Refusal::Flags("ASCII and UNICODE flags are incompatible"));
        }
        if source.next.is_some() {
            return Err(Refusal::Syntax(source.error("unbalanced parenthesis", 0)));
        }
        match self.forward_references.iter().find(|&&(group, _)| group >= self.groups.len()) {
            Some(_) if !self.since(9) => Err(Refusal::InvalidSreCode),
            Some(&(group, pos)) => {
                Err(Refusal::Syntax(SyntaxError { msg: format!("invalid group reference {group}"), pos }))
            }
            None => Ok(()),
        }
    }

    fn since(&self, minor: u8) -> bool {
        self.version >= PythonVersion::new(3, minor)
    }

    /// A FutureWarning of 3.7+ about syntax a later release may read otherwise.
    fn warn(&mut self, message: String) {
        if self.since(7) {
            self.warnings.push(Warning { category: "FutureWarning", message });
        }
    }

    /// The DeprecationWarning for global flags after the start, at `start`: an error from
    /// 3.11, shown from 3.7 (whose default filters show a DeprecationWarning attributed to
    /// `__main__`), with its position from 3.9.
    fn warn_late_flags(&mut self, start: usize) {
        if self.since(7) {
            let shown: String = self.pattern.iter().take(20).collect();
            let truncated = if self.pattern.len() > 20 { " (truncated)" } else { "" };
            let mut message =
                format!("Flags not at the start of the expression {}{truncated}", crate::repr::str_repr(&shown));
            if self.since(9) {
                message.push_str(&format!(" but at position {start}"));
            }
            self.warnings.push(Warning { category: "DeprecationWarning", message });
        }
    }

    fn parse_sub(&mut self, source: &mut Tokenizer, mut verbose: bool, nested: usize) -> Result<(), Refusal> {
        let mut first = nested == 0;
        loop {
            self.parse(source, verbose, nested + 1, first)?;
            first = false;
            if !source.take('|')? {
                return Ok(());
            }
            if nested == 0 {
                verbose = self.flags & VERBOSE != 0;
            }
        }
    }

    fn parse(&mut self, source: &mut Tokenizer, mut verbose: bool, nested: usize, first: bool) -> Result<(), Refusal> {
        let mut last: Option<Item> = None;
        while let Some(this) = source.next {
            if this == ('|', None) || this == (')', None) {
                break;
            }
            source.advance()?;
            let (c, escaped) = this;
            if verbose && escaped.is_none() {
                if " \t\n\r\x0b\x0c".contains(c) {
                    continue;
                }
                if c == '#' {
                    while !matches!(source.get()?, None | Some(('\n', None))) {}
                    continue;
                }
            }
            let item = match escaped {
                Some(e) => self.escape(source, e)?,
                None if !SPECIAL.contains(c) => Item::Other,
                None => match c {
                    '[' => self.set(source)?,
                    '*' | '+' | '?' | '{' => self.repeat(source, c, last)?,
                    '(' => match self.group(source, verbose, nested, first && last.is_none())? {
                        Group::Item(item) => item,
                        Group::GlobalFlags => {
                            verbose = self.flags & VERBOSE != 0;
                            continue;
                        }
                        Group::Nothing => continue,
                    },
                    '^' | '$' => Item::At,
                    _ => Item::Other,
                },
            };
            last = Some(item);
        }
        Ok(())
    }

    /// A repeat of the last item, or a `{` that turned out to be a literal.
    fn repeat(&mut self, source: &mut Tokenizer, c: char, last: Option<Item>) -> Result<Item, Refusal> {
        let here = source.tell();
        if c == '{' {
            if source.next_is(|n| n == '}') {
                return Ok(Item::Other);
            }
            let lo = source.getwhile(usize::MAX, |d| d.is_ascii_digit())?;
            let hi = if source.take(',')? { source.getwhile(usize::MAX, |d| d.is_ascii_digit())? } else { lo.clone() };
            if !source.take('}')? {
                source.seek(here)?;
                return Ok(Item::Other);
            }
            let bound = |digits: &str| digits.parse::<u64>().map_or(u64::MAX, |n| n);
            let min = if lo.is_empty() { 0 } else { bound(&lo) };
            let max = if hi.is_empty() { None } else { Some(bound(&hi)) };
            if min >= MAXREPEAT || max.is_some_and(|max| max >= MAXREPEAT) {
                return Err(Refusal::RepeatTooLarge);
            }
            if max.is_some_and(|max| max < min) {
                return Err(source.error("min repeat greater than max repeat", source.tell() - here).into());
            }
        }
        let offset = source.tell() - here + 1;
        match last {
            None | Some(Item::At) => return Err(source.error("nothing to repeat", offset).into()),
            Some(Item::Repeat) => return Err(source.error("multiple repeat", offset).into()),
            Some(Item::Other) => {}
        }
        if !source.take('?')? && self.since(11) {
            source.take('+')?;
        }
        Ok(Item::Repeat)
    }

    /// A character set, its `[` taken.
    fn set(&mut self, source: &mut Tokenizer) -> Result<Item, Refusal> {
        let here = source.tell() - 1;
        if source.next_is(|c| c == '[') {
            self.warn(format!("Possible nested set at position {}", source.tell()));
        }
        source.take('^')?;
        let mut empty = true;
        loop {
            let Some(this) = source.get()? else {
                return Err(source.error("unterminated character set", source.tell() - here).into());
            };
            if this == (']', None) && !empty {
                return Ok(Item::Other);
            }
            let low = match this {
                (_, Some(e)) => self.class_escape(source, e)?,
                (c, None) => {
                    if !empty && "-&~|".contains(c) && source.next_is(|n| n == c) {
                        let operation = match c {
                            '-' => "difference",
                            '&' => "intersection",
                            '~' => "symmetric difference",
                            _ => "union",
                        };
                        self.warn(format!("Possible set {operation} at position {}", source.tell() - 1));
                    }
                    Some(u32::from(c))
                }
            };
            empty = false;
            if !source.take('-')? {
                continue;
            }
            let Some(that) = source.get()? else {
                return Err(source.error("unterminated character set", source.tell() - here).into());
            };
            if that == (']', None) {
                return Ok(Item::Other);
            }
            let high = match that {
                (_, Some(e)) => self.class_escape(source, e)?,
                (c, None) => {
                    if c == '-' {
                        self.warn(format!("Possible set difference at position {}", source.tell() - 2));
                    }
                    Some(u32::from(c))
                }
            };
            let bad = match (low, high) {
                (Some(low), Some(high)) => high < low,
                _ => true,
            };
            if bad {
                let msg = format!("bad character range {}-{}", token_text(this), token_text(that));
                return Err(source.error(&msg, token_len(this) + 1 + token_len(that)).into());
            }
        }
    }

    /// An escape in a set: the code point of a literal, None for a category (`\d`).
    fn class_escape(&mut self, source: &mut Tokenizer, e: char) -> Result<Option<u32>, Refusal> {
        match e {
            'd' | 'D' | 's' | 'S' | 'w' | 'W' => Ok(None),
            'a' | 'b' | 'f' | 'n' | 'r' | 't' | 'v' | '\\' => Ok(Some(u32::from(e))),
            'x' | 'u' | 'U' | 'N' => self.code_escape(source, e),
            '0'..='7' => {
                let digits = source.getwhile(2, |d| d.is_digit(8))?;
                self.octal(source, &format!("{e}{digits}"))
            }
            _ => self.plain_escape(source, e).map(|_| Some(u32::from(e))),
        }
    }

    /// An escape outside a set.
    fn escape(&mut self, source: &mut Tokenizer, e: char) -> Result<Item, Refusal> {
        match e {
            'A' | 'b' | 'B' | 'Z' => Ok(Item::At),
            'd' | 'D' | 's' | 'S' | 'w' | 'W' | 'a' | 'f' | 'n' | 'r' | 't' | 'v' | '\\' => Ok(Item::Other),
            'x' | 'u' | 'U' | 'N' => self.code_escape(source, e).map(|_| Item::Other),
            '0' => {
                source.getwhile(2, |d| d.is_digit(8))?;
                Ok(Item::Other)
            }
            '1'..='9' => self.group_reference(source, e),
            _ => self.plain_escape(source, e).map(|_| Item::Other),
        }
    }

    /// `\1`..`\99` (a group reference) or a three-digit octal escape.
    fn group_reference(&mut self, source: &mut Tokenizer, e: char) -> Result<Item, Refusal> {
        let mut escape = format!("\\{e}");
        if let Some((d, None)) = source.next.filter(|(d, x)| x.is_none() && d.is_ascii_digit()) {
            source.advance()?;
            escape.push(d);
            let octal = |c: char| c.is_digit(8);
            if octal(e) && octal(d) && source.next_is(octal) {
                let third = source.get()?.map_or('0', |t| t.0);
                escape.push(third);
                return self.octal(source, &escape[1..]).map(|_| Item::Other);
            }
        }
        let group: usize = escape[1..].parse().unwrap_or(usize::MAX);
        if group < self.groups.len() {
            if !self.groups[group] {
                return Err(source.error("cannot refer to an open group", escape.len()).into());
            }
            self.check_lookbehind_group(source, group)?;
            return Ok(Item::Other);
        }
        Err(source.error(&format!("invalid group reference {group}"), escape.len() - 1).into())
    }

    fn octal(&self, source: &Tokenizer, digits: &str) -> Result<Option<u32>, Refusal> {
        let value = u32::from_str_radix(digits, 8).unwrap_or(u32::MAX);
        if value > 0o377 {
            let msg = format!("octal escape value \\{digits} outside of range 0-0o377");
            return Err(source.error(&msg, digits.len() + 1).into());
        }
        Ok(Some(value))
    }

    /// `\xhh`, `\uhhhh`, `\Uhhhhhhhh`, `\N{name}`.
    fn code_escape(&mut self, source: &mut Tokenizer, e: char) -> Result<Option<u32>, Refusal> {
        let digits = match e {
            'x' => 2,
            'u' => 4,
            'U' => 8,
            _ if !self.since(8) => return self.plain_escape(source, e).map(|_| None),
            _ => {
                if !source.take('{')? {
                    return Err(source.error("missing {", 0).into());
                }
                let name = source.getuntil('}', "character name")?;
                return match unicode_names2::character(&name) {
                    Some(c) => Ok(Some(u32::from(c))),
                    None => {
                        let msg = format!("undefined character name {}", crate::repr::str_repr(&name));
                        Err(source.error(&msg, name.chars().count() + 4).into())
                    }
                };
            }
        };
        let hex = source.getwhile(digits, |d| d.is_ascii_hexdigit())?;
        if hex.len() != digits {
            return Err(source.error(&format!("incomplete escape \\{e}{hex}"), hex.len() + 2).into());
        }
        let value = u32::from_str_radix(&hex, 16).unwrap_or(u32::MAX);
        if e == 'U' && char::from_u32(value).is_none() {
            return Err(source.error(&format!("bad escape \\U{hex}"), hex.len() + 2).into());
        }
        Ok(Some(value))
    }

    /// Any other escaped character: an ASCII letter or digit is an error, the rest literals.
    fn plain_escape(&self, source: &Tokenizer, e: char) -> Result<(), Refusal> {
        if e.is_ascii_alphanumeric() {
            return Err(source.error(&format!("bad escape \\{e}"), 2).into());
        }
        Ok(())
    }

    fn check_lookbehind_group(&self, source: &Tokenizer, group: usize) -> Result<(), Refusal> {
        if let Some(first) = self.lookbehind {
            if !self.groups.get(group).copied().unwrap_or(false) {
                return Err(source.error("cannot refer to an open group", 0).into());
            }
            if group >= first {
                return Err(source.error("cannot refer to group defined in the same lookbehind subpattern", 0).into());
            }
        }
        Ok(())
    }
}

/// What a `(` turned out to be.
enum Group {
    Item(Item),
    /// `(?i)`: flags for the whole pattern.
    GlobalFlags,
    /// A comment, which adds no item.
    Nothing,
}

mod groups;

#[cfg(test)]
mod tests {
    use super::*;

    fn verdict(pattern: &str, minor: u8) -> Result<(), Refusal> {
        check(pattern, 0, PythonVersion::new(3, minor)).1
    }

    fn syntax(msg: &str, pos: usize) -> Result<(), Refusal> {
        Err(Refusal::Syntax(SyntaxError { msg: msg.to_string(), pos }))
    }

    #[test]
    fn errors_as_cpython_words_and_places_them() {
        // CPython 3.11: re.compile(p) for each, e.msg and e.pos.
        for (pattern, msg, pos) in [
            ("(abc", "missing ), unterminated subpattern", 0),
            ("abc)", "unbalanced parenthesis", 3),
            ("*a", "nothing to repeat", 0),
            ("a**", "multiple repeat", 2),
            ("[a-", "unterminated character set", 0),
            ("[z-a]", "bad character range z-a", 1),
            (r"\q", "bad escape \\q", 0),
            ("a{3,2}", "min repeat greater than max repeat", 2),
            ("(?P<n>a)(?P<n>b)", "redefinition of group name 'n' as group 2; was group 1", 12),
            (r"(a)\2", "invalid group reference 2", 4),
            ("(?<n>a)", "unknown extension ?<n", 1),
            ("(?i", "missing -, : or )", 3),
            ("a(?i)b", "global flags not at the start of the expression", 1),
            ("(?(2)a)(b)", "invalid group reference 2", 3),
            ("\\", "bad escape (end of pattern)", 0),
        ] {
            assert_eq!(verdict(pattern, 11), syntax(msg, pos), "{pattern:?}");
        }
    }

    #[test]
    fn each_release_has_its_own_syntax() {
        assert_eq!(verdict("a*+", 11), Ok(()));
        assert_eq!(verdict("a*+", 10), syntax("multiple repeat", 2));
        assert_eq!(verdict("(?>a)", 10), syntax("unknown extension ?>", 1));
        assert_eq!(verdict("a(?i)b", 10), Ok(()));
        assert_eq!(verdict("(?(2)a)(b)", 8), Err(Refusal::InvalidSreCode));
        assert_eq!(verdict("a{4294967295}", 11), Err(Refusal::RepeatTooLarge));
        assert_eq!(verdict("(?a-i:x)", 6), syntax("bad inline flags: cannot turn on global flag", 3));
        // Valid patterns pass.
        for pattern in [r"(?P<year>\d{4})-(?P=year)", r"[\]a-]", r"(?x) a # comment", r"\0\012[\101-\103]", r"x{,2}{"] {
            assert_eq!(verdict(pattern, 11), Ok(()), "{pattern:?}");
        }
    }

    #[test]
    fn warnings_come_with_the_verdict() {
        let (warnings, verdict) = check("[[a]", 0, PythonVersion::new(3, 11));
        assert_eq!(verdict, Ok(()));
        let expected = Warning { category: "FutureWarning", message: "Possible nested set at position 1".into() };
        assert_eq!(warnings, vec![expected]);
        let (warnings, _) = check("[[a]", 0, PythonVersion::new(3, 6));
        assert!(warnings.is_empty(), "3.6 gave no such warning");
    }
}

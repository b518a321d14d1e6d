//! The Python 2 forms of the notes' programs, under `--python 2.7`: rewritten, token by token,
//! into the Python 3 the parser reads.
//! - `print` statements (`print a, b`, a trailing comma, `print >>f, x`, a bare `print`) become
//!   one call per item and one for the newline, as 2.7 compiles them to `PRINT_ITEM` and
//!   `PRINT_NEWLINE` (a thread can switch between the items; the softspace rule decides the
//!   separating spaces, see `_gilsim_print_item` in the VM);
//! - `except E, e:` becomes `except E as e:`;
//! - the modules `thread` and `Queue` are imported under their Python 3 names `_thread` and
//!   `queue` (keeping the names the script uses), and `xrange` is the lazy range (`range`
//!   makes a list under 2.7, as there); `unicode`, `basestring`, `bytes`, `long`, `raw_input`,
//!   `unichr`, `reduce` and `apply` are their Python 3 counterparts, `cmp` is 2.7's, and `sort(cmp=f)`
//!   sorts by `cmp_to_key(f)`; `map`, `filter` and `zip` return lists, and
//!   `raise E, V` becomes `raise E(V)`; `has_key`/`iteritems`/`iterkeys`/`itervalues` call
//!   their Python 3 forms, and `it.next()`/`def next(self)` are `__next__`;
//! - backquotes are `repr(...)`, `<>` is `!=`, a long literal `10L` is the int `10`, an octal
//!   `0777` is `0o777`, and a `str` literal with text past ASCII is spelled by its UTF-8 bytes
//!   (`"张"` → `"\xe5\xbc\xa0"`: 2.7's str holds bytes);
//! - a lambda's tuple parameter, `lambda (k, v): v`, becomes a parameter whose items a
//!   nested lambda takes: `lambda _gilsim_arg0: (lambda k, v: v)(*_gilsim_arg0)`;
//! - `/` is classic division (floor division of ints) unless the script imports `division`
//!   from `__future__` — reported to the compiler, which emits [`BinOp::ClassicDiv`].
//!
//! Invariant: every token stays on its line (a rewrite only replaces text within a line), so
//! line numbers in tracebacks and findings are the script's own.
//!
//! [`BinOp::ClassicDiv`]: gilsim_bytecode::BinOp::ClassicDiv

use ruff_python_ast::token::{Token, TokenKind};
use ruff_python_ast::PySourceType;
use ruff_text_size::{Ranged, TextRange, TextSize};

/// A Python 2 script as Python 3 source, and whether its `/` is classic division.
pub struct Rewritten {
    pub source: String,
    pub classic_division: bool,
    /// The edits of each pass, first pass first; each in source order: the range in the
    /// pass's input and the length of its replacement.
    passes: Vec<Vec<(TextRange, usize)>>,
}

impl Rewritten {
    /// The offset in the script of `offset` in the rewrite (the start of the script's text an
    /// inserted one replaced), so that an error quotes the script as written.
    pub fn original_offset(&self, offset: TextSize) -> TextSize {
        self.passes.iter().rev().fold(offset, |offset, edits| before_edits(edits, offset))
    }
}

/// The offset in a pass's input of `offset` in its output.
fn before_edits(edits: &[(TextRange, usize)], offset: TextSize) -> TextSize {
    let offset = usize::from(offset);
    // Bytes the edits before `offset` wrote, and the input's bytes they replaced.
    let (mut written, mut replaced) = (0, 0);
    for &(range, length) in edits {
        let start = (usize::from(range.start()) + written).saturating_sub(replaced);
        if offset < start {
            break;
        }
        if offset < start + length {
            return range.start();
        }
        written += length;
        replaced += usize::from(range.len());
    }
    TextSize::try_from((offset + replaced).saturating_sub(written)).unwrap_or_default()
}

/// Rewrite the Python 2 forms of `source` (see the module docs): lambdas' tuple parameters
/// first, so that the other rewrites read tokens of valid syntax (the parser's recovery from
/// a tuple parameter ends a bracketed line with a Newline token).
pub fn rewrite(source: &str) -> Rewritten {
    let (lambdas, first) = if source.contains("lambda") {
        rewrite_pass(source, |rewriter| rewriter.lambda_tuple_parameters())
    } else {
        (source.to_string(), Vec::new())
    };
    let mut division = true;
    let (text, second) = rewrite_pass(&lambdas, |rewriter| {
        let future = rewriter.future_features();
        let future = |feature: &str| future.iter().any(|f| f == feature);
        division = !future("division");
        rewriter.walk(!future("print_function"));
        rewriter.builtins();
        rewriter.old_operators();
    });
    Rewritten { source: text, classic_division: division, passes: vec![first, second] }
}

/// `source` with the edits `find` collects, and those applied (see [`Rewritten::passes`]).
fn rewrite_pass(source: &str, find: impl FnOnce(&mut Rewriter<'_>)) -> (String, Vec<(TextRange, usize)>) {
    let parsed = ruff_python_parser::parse_unchecked_source(source, PySourceType::Python);
    let tokens: Vec<Token> = parsed.tokens().iter().copied().collect();
    let mut rewriter = Rewriter { source, tokens: &tokens, edits: Vec::new() };
    find(&mut rewriter);
    let mut text = source.to_string();
    rewriter.edits.sort_by_key(|(range, _)| std::cmp::Reverse(range.start()));
    // From the end, so earlier offsets stay valid; an edit overlapping one already made (an
    // `xrange` inside `print >>file`) is dropped rather than applied at a shifted place.
    let mut applied_from = text.len();
    let mut applied = Vec::new();
    for (range, replacement) in rewriter.edits {
        let (start, end) = (usize::from(range.start()), usize::from(range.end()));
        if end <= applied_from {
            text.replace_range(start..end, &replacement);
            applied.push((range, replacement.len()));
            applied_from = start;
        }
    }
    applied.reverse();
    (text, applied)
}

struct Rewriter<'a> {
    source: &'a str,
    tokens: &'a [Token],
    edits: Vec<(TextRange, String)>,
}

/// Keywords that open a compound statement: the first colon outside brackets ends its header.
const COMPOUND: &[TokenKind] = &[
    TokenKind::If,
    TokenKind::Elif,
    TokenKind::Else,
    TokenKind::For,
    TokenKind::While,
    TokenKind::Try,
    TokenKind::Except,
    TokenKind::Finally,
    TokenKind::With,
    TokenKind::Def,
    TokenKind::Class,
];

impl Rewriter<'_> {
    fn text(&self, i: usize) -> &str {
        &self.source[self.tokens[i].range()]
    }

    fn kind(&self, i: usize) -> TokenKind {
        self.tokens.get(i).map_or(TokenKind::EndOfFile, Token::kind)
    }

    fn is_trivia(kind: TokenKind) -> bool {
        matches!(kind, TokenKind::Comment | TokenKind::NonLogicalNewline)
    }

    /// Visit each simple statement's first token.
    fn walk(&mut self, print_statements: bool) {
        let mut at_start = true;
        let mut header = false;
        let mut depth = 0i32;
        let mut i = 0;
        while i < self.tokens.len() {
            let kind = self.kind(i);
            if Self::is_trivia(kind) {
                i += 1;
                continue;
            }
            if at_start && depth == 0 {
                at_start = false;
                header = COMPOUND.contains(&kind);
                match kind {
                    TokenKind::Name if print_statements && self.text(i) == "print" => {
                        i = self.print_statement(i);
                        at_start = true;
                        continue;
                    }
                    TokenKind::Except => self.except_clause(i),
                    TokenKind::Raise => self.raise_statement(i),
                    TokenKind::Import => self.import(i),
                    TokenKind::From => self.import_from(i),
                    _ => {}
                }
            }
            depth += bracket_change(kind);
            match kind {
                TokenKind::Newline | TokenKind::Indent | TokenKind::Dedent => at_start = true,
                TokenKind::Semi if depth == 0 => at_start = true,
                TokenKind::Colon if depth == 0 && header => {
                    header = false;
                    at_start = true;
                }
                _ => {}
            }
            i += 1;
        }
    }

    /// The names of every `from __future__ import ...`.
    fn future_features(&self) -> Vec<String> {
        let mut features = Vec::new();
        for i in 0..self.tokens.len() {
            let is_future = self.kind(i) == TokenKind::From
                && self.kind(i + 1) == TokenKind::Name
                && self.text(i + 1) == "__future__"
                && self.kind(i + 2) == TokenKind::Import;
            if is_future {
                let names = (i + 3..self.statement_end(i)).filter(|&j| self.kind(j) == TokenKind::Name);
                features.extend(names.map(|j| self.text(j).to_string()));
            }
        }
        features
    }

    /// 2.7's spellings of two operators: `` `x` `` is `repr(x)` (the backquotes pair up
    /// within a logical line), `a <> b` is `a != b`.
    fn old_operators(&mut self) {
        let mut open = false;
        for i in 0..self.tokens.len() {
            match self.kind(i) {
                TokenKind::Unknown if self.text(i) == "`" => {
                    self.edits.push((self.tokens[i].range(), if open { ")" } else { "repr(" }.into()));
                    open = !open;
                }
                TokenKind::Less
                    if self.kind(i + 1) == TokenKind::Greater && self.tokens[i].end() == self.tokens[i + 1].start() =>
                {
                    let both = TextRange::new(self.tokens[i].start(), self.tokens[i + 1].end());
                    self.edits.push((both, "!=".into()));
                }
                // A long literal, `1L`: the parser reads the digits and the name `L`.
                TokenKind::Int
                    if self.kind(i + 1) == TokenKind::Name
                        && matches!(self.text(i + 1), "L" | "l")
                        && self.tokens[i].end() == self.tokens[i + 1].start() =>
                {
                    self.edits.push((self.tokens[i + 1].range(), String::new()));
                }
                // An octal literal, `0777` (`0o777` in Python 3).
                TokenKind::Int | TokenKind::Unknown if is_old_octal(self.text(i)) => {
                    let digits = self.text(i)[1..].to_string();
                    self.edits.push((self.tokens[i].range(), format!("0o{digits}")));
                }
                TokenKind::String if !self.text(i).is_ascii() => {
                    if let Some(bytes) = byte_string(self.text(i)) {
                        self.edits.push((self.tokens[i].range(), bytes));
                    }
                }
                TokenKind::Newline => open = false,
                _ => {}
            }
        }
    }

    /// The builtins that differ in 2.7: `xrange` → the lazy range (`range` is a list under
    /// 2.7); `unicode`/`basestring` → `str` (and `bytes`, 2.7's alias of `str`), `long` → `int`, `raw_input` → `input`, `reduce` → functools', `apply(f, args)` → `f(*args)`;
    /// `cmp=f` → `key=` functools' `cmp_to_key(f)`; `map(...)`, `filter(...)`, `zip(...)` → `_gilsim_list_of(map, ...)`, the list 2.7
    /// returns; and the dict methods 3 dropped, `d.has_key(k)` → `d.__contains__(k)`,
    /// `d.iteritems()` → `d.items()` (a list under 2.7: iterable, though not an iterator for
    /// `next()`; keys and values alike); `it.next()` and `def next(self)` → `__next__`. A
    /// name the script binds itself (a `def`, `class`,
    /// an assignment, an import `as`) is left alone.
    fn builtins(&mut self) {
        let bound = self.bound_names();
        for i in 0..self.tokens.len() {
            if self.kind(i) != TokenKind::Name {
                continue;
            }
            let name = self.text(i);
            let after_dot = i > 0 && self.kind(i - 1) == TokenKind::Dot;
            let called = self.kind(i + 1) == TokenKind::Lpar;
            match name {
                "xrange" if !after_dot && !bound.contains(name) => {
                    self.edits.push((self.tokens[i].range(), "_gilsim_xrange".into()));
                }
                "unicode" | "basestring" | "bytes" | "long" | "raw_input" | "reduce" | "apply" | "unichr"
                    if !after_dot && !bound.contains(name) =>
                {
                    let renamed = match name {
                        "long" => "int",
                        "unichr" => "chr",
                        "raw_input" => "input",
                        "reduce" => "_gilsim_reduce",
                        "apply" => "_gilsim_apply",
                        _ => "str",
                    };
                    self.edits.push((self.tokens[i].range(), renamed.into()));
                }
                "map" | "filter" | "zip" if !after_dot && called && !bound.contains(name) => {
                    let call = TextRange::new(self.tokens[i].start(), self.tokens[i + 1].end());
                    self.edits.push((call, format!("_gilsim_list_of({name}, ")));
                }
                "cmp"
                    if self.kind(i + 1) == TokenKind::Equal
                        && i > 0
                        && matches!(self.kind(i - 1), TokenKind::Lpar | TokenKind::Comma) =>
                {
                    self.cmp_keyword(i);
                }
                "cmp" if !after_dot && called && !bound.contains(name) => {
                    self.edits.push((self.tokens[i].range(), "_gilsim_cmp".into()));
                }
                "has_key" if after_dot && called => {
                    self.edits.push((self.tokens[i].range(), "__contains__".into()));
                }
                // 2.7's iterator protocol method: `it.next()` and an iterator class's
                // `def next(self):` are 3's `__next__`.
                "next" if after_dot && called && self.kind(i + 2) == TokenKind::Rpar => {
                    self.edits.push((self.tokens[i].range(), "__next__".into()));
                }
                "next"
                    if i > 0
                        && self.kind(i - 1) == TokenKind::Def
                        && called
                        && self.tokens.get(i + 2).is_some_and(|t| &self.source[t.range()] == "self")
                        && self.kind(i + 3) == TokenKind::Rpar =>
                {
                    self.edits.push((self.tokens[i].range(), "__next__".into()));
                }
                "iteritems" | "iterkeys" | "itervalues"
                    if after_dot && called && self.kind(i + 2) == TokenKind::Rpar =>
                {
                    let call = TextRange::new(self.tokens[i].start(), self.tokens[i + 2].end());
                    self.edits.push((call, format!("{}()", &name[4..])));
                }
                _ => {}
            }
        }
    }

    /// Every lambda with a tuple parameter (`lambda (k, v): v`, 2.7's PEP 3113 removed): each
    /// such parameter becomes a plain one, and the body a call of a lambda that takes its
    /// items (nested tuples likewise), all within the lines the lambda spans.
    fn lambda_tuple_parameters(&mut self) {
        let mut fresh = 0;
        // Brackets open before each token: the parser's recovery from a tuple parameter can
        // leave a Newline token where a bracketed line breaks.
        let mut open = 0i32;
        let open_before: Vec<i32> = (0..self.tokens.len())
            .map(|j| {
                let before = open;
                open = (open + bracket_change(self.kind(j))).max(0);
                before
            })
            .collect();
        for i in 0..self.tokens.len() {
            if self.kind(i) != TokenKind::Lambda {
                continue;
            }
            let Some((colon, parameters)) = self.lambda_parameters(i) else { continue };
            if !parameters.iter().any(|&(start, _)| self.kind(start) == TokenKind::Lpar) {
                continue;
            }
            let Some(body_end) = self.lambda_body_end(colon, open_before[colon] > 0) else { continue };
            let (mut prefix, mut suffix) = (String::new(), String::new());
            for &(start, end) in &parameters {
                if self.kind(start) != TokenKind::Lpar {
                    continue;
                }
                let Some(pattern) = self.tuple_pattern(start, end) else { return };
                let name = format!("_gilsim_arg{fresh}");
                fresh += 1;
                let range = TextRange::new(self.tokens[start].start(), self.tokens[end - 1].end());
                self.edits.push((range, name.clone()));
                let (open, close) = unpacking_lambdas(&pattern, &name, &mut fresh);
                prefix.push_str(&open);
                suffix.insert_str(0, &close);
            }
            let body_start = (colon + 1..body_end).find(|&j| !Self::is_trivia(self.kind(j))).unwrap_or(body_end);
            self.edits.push((TextRange::empty(self.tokens[body_start].start()), prefix));
            self.edits.push((TextRange::empty(self.tokens[body_end].start()), suffix));
        }
    }

    /// A lambda's `:` and its parameters as token ranges (start, end exclusive).
    fn lambda_parameters(&self, lambda: usize) -> Option<(usize, Vec<(usize, usize)>)> {
        let mut depth = 0i32;
        let mut parameters = Vec::new();
        let mut start = lambda + 1;
        for j in lambda + 1..self.tokens.len() {
            match self.kind(j) {
                TokenKind::Colon | TokenKind::Comma if depth == 0 => {
                    if j > start {
                        parameters.push((start, j));
                    }
                    if self.kind(j) == TokenKind::Colon {
                        return Some((j, parameters));
                    }
                    start = j + 1;
                }
                TokenKind::Newline | TokenKind::EndOfFile => return None,
                kind => depth += bracket_change(kind),
            }
            if depth < 0 {
                return None;
            }
        }
        None
    }

    /// The token after a lambda's body: a comma, `:`, `;` or closing bracket outside brackets
    /// opened in the body, or the end of the line (of the statement, when `bracketed`).
    fn lambda_body_end(&self, colon: usize, bracketed: bool) -> Option<usize> {
        let mut depth = 0i32;
        for j in colon + 1..self.tokens.len() {
            match self.kind(j) {
                TokenKind::Comma | TokenKind::Colon | TokenKind::Semi if depth == 0 => return Some(j),
                TokenKind::Newline if bracketed => {}
                TokenKind::Newline | TokenKind::EndOfFile => return Some(j),
                kind => {
                    depth += bracket_change(kind);
                    if depth < 0 {
                        return Some(j);
                    }
                }
            }
        }
        None
    }

    /// The names of a tuple parameter spanning tokens `start..end` (`(a, (b, c))`).
    fn tuple_pattern(&self, start: usize, end: usize) -> Option<Pattern> {
        let mut stack: Vec<Vec<Pattern>> = Vec::new();
        let mut done = None;
        for j in start..end {
            match self.kind(j) {
                TokenKind::Lpar => stack.push(Vec::new()),
                TokenKind::Rpar => {
                    let items = stack.pop()?;
                    match stack.last_mut() {
                        Some(outer) => outer.push(Pattern::Tuple(items)),
                        None => done = Some(Pattern::Tuple(items)),
                    }
                }
                TokenKind::Name => stack.last_mut()?.push(Pattern::Name(self.text(j).to_string())),
                TokenKind::Comma | TokenKind::NonLogicalNewline => {}
                _ => return None,
            }
        }
        done
    }

    /// `sort(cmp=f)`, `sorted(xs, cmp=f)`: `key=_gilsim_cmp_to_key(f)` (functools').
    fn cmp_keyword(&mut self, at: usize) {
        let mut depth = 0i32;
        let mut end = None;
        // A lambda's parameters are separated by commas outside brackets too.
        let mut lambda_parameters = false;
        for j in at + 2..self.tokens.len() {
            match self.kind(j) {
                TokenKind::Lambda if depth == 0 => lambda_parameters = true,
                TokenKind::Colon if depth == 0 => lambda_parameters = false,
                TokenKind::Comma if depth == 0 && !lambda_parameters => end = Some(j),
                TokenKind::Comma => {}
                TokenKind::Newline | TokenKind::EndOfFile => break,
                kind => {
                    depth += bracket_change(kind);
                    if depth < 0 {
                        end = Some(j);
                    }
                }
            }
            if end.is_some() {
                break;
            }
        }
        let Some(end) = end else { return };
        let keyword = TextRange::new(self.tokens[at].start(), self.tokens[at + 1].end());
        self.edits.push((keyword, "key=_gilsim_cmp_to_key(".into()));
        self.edits.push((TextRange::empty(self.tokens[end].start()), ")".into()));
    }

    /// The names the script binds itself: `def name`, `class name`, `name =` as a statement
    /// (not `f(name=...)`), an import `as name`.
    fn bound_names(&self) -> std::collections::BTreeSet<String> {
        let mut depth = 0i32;
        let mut bound = std::collections::BTreeSet::new();
        for i in 0..self.tokens.len() {
            depth += bracket_change(self.kind(i));
            let binding = i > 0 && matches!(self.kind(i - 1), TokenKind::Def | TokenKind::Class | TokenKind::As)
                || (depth == 0 && self.kind(i + 1) == TokenKind::Equal);
            if self.kind(i) == TokenKind::Name && binding {
                bound.insert(self.text(i).to_string());
            }
        }
        bound
    }

    /// The tokens of the simple statement from `start`: up to its newline, `;` or the end.
    fn statement_end(&self, start: usize) -> usize {
        let mut depth = 0i32;
        let mut i = start;
        while i < self.tokens.len() {
            depth += bracket_change(self.kind(i));
            match self.kind(i) {
                TokenKind::Newline | TokenKind::EndOfFile => return i,
                TokenKind::Semi if depth <= 0 => return i,
                _ => {}
            }
            i += 1;
        }
        i
    }

    /// The tokens of kind `wanted` outside brackets among tokens `from..to`.
    fn top_level(&self, from: usize, to: usize, wanted: TokenKind) -> Vec<usize> {
        let mut depth = 0i32;
        let mut found = Vec::new();
        for i in from..to {
            depth += bracket_change(self.kind(i));
            if depth == 0 && self.kind(i) == wanted {
                found.push(i);
            }
        }
        found
    }

    /// `print [>>file,] item, ... [,]` from token `at`; returns the index after it.
    fn print_statement(&mut self, at: usize) -> usize {
        let end = self.statement_end(at);
        let last = (at + 1..end).rev().find(|&i| !Self::is_trivia(self.kind(i))).unwrap_or(at);
        let mut first_item = at + 1;
        let mut file = "None".to_string();
        let mut commas = self.top_level(at + 1, end, TokenKind::Comma);
        if self.kind(at + 1) == TokenKind::RightShift {
            // `print >>f, x`: the file is everything up to the first comma.
            let file_end = commas.first().copied().unwrap_or(end);
            if at + 2 >= file_end {
                return end; // `print >>` alone: left for the parser to refuse
            }
            let range = TextRange::new(self.tokens[at + 2].start(), self.tokens[file_end - 1].end());
            file = self.source[range].replace('\n', " ");
            first_item = if commas.is_empty() { end } else { commas.remove(0) + 1 };
        }
        let trailing_comma = commas.last().is_some_and(|&c| c == last) && last >= first_item;
        let items_end = if trailing_comma { last } else { last + 1 };
        let print_range = TextRange::new(self.tokens[at].start(), self.tokens[first_item.min(end) - 1].end());
        if first_item >= items_end {
            // A bare `print` (or `print >>f`): the newline alone.
            let range = TextRange::new(self.tokens[at].start(), self.tokens[last].end());
            self.edits.push((range, format!("_gilsim_print_newline({file})")));
            return end;
        }
        self.edits.push((print_range, format!("_gilsim_print_item({file},")));
        for &comma in commas.iter().filter(|&&c| c >= first_item && c < items_end) {
            self.edits.push((self.tokens[comma].range(), format!("); _gilsim_print_item({file},")));
        }
        let close = if trailing_comma { ")".to_string() } else { format!("); _gilsim_print_newline({file})") };
        if trailing_comma {
            self.edits.push((self.tokens[last].range(), close));
        } else {
            let after = self.tokens[last].end();
            self.edits.push((TextRange::empty(after), close));
        }
        end
    }

    /// `except E, e:` → `except E as e:`.
    fn except_clause(&mut self, at: usize) {
        let end = self.header_end(at);
        if let [comma] = self.top_level(at + 1, end, TokenKind::Comma)[..] {
            self.edits.push((self.tokens[comma].range(), " as".into()));
        }
    }

    /// `raise E, V` → `raise E(V)`, as 2.7 instantiates the class with the value (a third
    /// item, the traceback, is dropped).
    fn raise_statement(&mut self, at: usize) {
        let end = self.statement_end(at);
        let commas = self.top_level(at + 1, end, TokenKind::Comma);
        let Some(&first) = commas.first() else { return };
        let Some(last) = (first + 1..end).rev().find(|&i| !Self::is_trivia(self.kind(i))) else { return };
        self.edits.push((self.tokens[first].range(), "(".into()));
        match commas.get(1) {
            Some(&second) => {
                let dropped = TextRange::new(self.tokens[second].start(), self.tokens[last].end());
                self.edits.push((dropped, ")".into()));
            }
            None => self.edits.push((TextRange::empty(self.tokens[last].end()), ")".into())),
        }
    }

    /// The colon that ends the header from `at` (or the statement's end).
    fn header_end(&self, at: usize) -> usize {
        let end = self.statement_end(at);
        self.top_level(at, end, TokenKind::Colon).first().copied().unwrap_or(end)
    }

    /// `import thread, Queue as Q` → `import _thread as thread, queue as Q`.
    fn import(&mut self, at: usize) {
        let end = self.statement_end(at);
        let mut expect_module = true;
        for i in at + 1..end {
            match self.kind(i) {
                TokenKind::Comma => expect_module = true,
                TokenKind::Name if expect_module => {
                    expect_module = false;
                    let dotted = self.kind(i + 1) == TokenKind::Dot;
                    if let (Some(new), false) = (python3_module(self.text(i)), dotted) {
                        let aliased = self.kind(i + 1) == TokenKind::As;
                        let old = self.text(i).to_string();
                        let text = if aliased { new.to_string() } else { format!("{new} as {old}") };
                        self.edits.push((self.tokens[i].range(), text));
                    }
                }
                _ => {}
            }
        }
    }

    /// `from Queue import Queue` → `from queue import Queue`.
    fn import_from(&mut self, at: usize) {
        if self.kind(at + 1) == TokenKind::Name && self.kind(at + 2) == TokenKind::Import {
            if let Some(new) = python3_module(self.text(at + 1)) {
                self.edits.push((self.tokens[at + 1].range(), new.to_string()));
            }
        }
    }
}

/// How a token changes the bracket depth.
/// A lambda's tuple parameter: names, and tuples of them.
enum Pattern {
    Name(String),
    Tuple(Vec<Pattern>),
}

/// The text that opens and closes the lambdas unpacking `pattern` from parameter `name`:
/// `(lambda k, v: ` and `)(*name)`, nested tuples taking fresh names of their own.
fn unpacking_lambdas(pattern: &Pattern, name: &str, fresh: &mut usize) -> (String, String) {
    let Pattern::Tuple(items) = pattern else { return (String::new(), String::new()) };
    let mut names = Vec::new();
    let mut inner = Vec::new();
    for item in items {
        match item {
            Pattern::Name(n) => names.push(n.clone()),
            Pattern::Tuple(_) => {
                let nested = format!("_gilsim_arg{fresh}");
                *fresh += 1;
                names.push(nested.clone());
                inner.push((item, nested));
            }
        }
    }
    let mut open = format!("(lambda {}: ", names.join(", "));
    let mut close = format!(")(*{name})");
    for (item, nested) in inner {
        let (o, c) = unpacking_lambdas(item, &nested, fresh);
        open.push_str(&o);
        close.insert_str(0, &c);
    }
    (open, close)
}

fn bracket_change(kind: TokenKind) -> i32 {
    match kind {
        TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace => 1,
        TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace => -1,
        _ => 0,
    }
}

/// The Python 3 module gilsim runs for a Python 2 module (the same classes and functions
/// under the names the Python 2 script uses).
fn python3_module(name: &str) -> Option<&'static str> {
    match name {
        "thread" => Some("_thread"),
        "Queue" => Some("queue"),
        "SocketServer" => Some("socketserver"),
        "cPickle" => Some("pickle"),
        "StringIO" | "cStringIO" => Some("io"),
        "urllib2" => Some("urllib.request"),
        "urlparse" => Some("urllib.parse"),
        "httplib" => Some("http.client"),
        "BaseHTTPServer" | "SimpleHTTPServer" => Some("http.server"),
        _ => None,
    }
}

/// A `str` literal with characters beyond ASCII as 2.7 reads it: the bytes of the source's
/// UTF-8, one `\xNN` escape each (`"张"` is three bytes long there). None for a `u''`
/// literal (text) and a raw one (which escapes cannot spell).
fn byte_string(literal: &str) -> Option<String> {
    let prefix_len = literal.find(['\'', '"']).unwrap_or(0);
    let prefix = literal[..prefix_len].to_ascii_lowercase();
    if prefix.contains('u') || prefix.contains('r') {
        return None;
    }
    let mut out = String::with_capacity(literal.len() * 2);
    for c in literal.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            for byte in c.encode_utf8(&mut [0; 4]).bytes() {
                out.push_str(&format!("\\x{byte:02x}"));
            }
        }
    }
    Some(out)
}

/// 2.7's octal spelling: a zero followed by octal digits (`0777`; `0` alone is decimal).
fn is_old_octal(text: &str) -> bool {
    text.len() > 1 && text.starts_with('0') && text.bytes().all(|b| (b'0'..=b'7').contains(&b))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn py3(source: &str) -> String {
        rewrite(source).source
    }

    #[test]
    fn non_ascii_str_literals_are_their_bytes() {
        assert_eq!(py3("s = '张'\n"), "s = '\\xe5\\xbc\\xa0'\n");
        assert_eq!(py3("s = u'张' + r'é'\n"), "s = u'张' + r'é'\n");
    }

    #[test]
    fn print_statements_become_item_and_newline_calls() {
        assert_eq!(
            py3("print 'a', b\n"),
            "_gilsim_print_item(None, 'a'); _gilsim_print_item(None, b); _gilsim_print_newline(None)\n"
        );
        assert_eq!(py3("print x,\n"), "_gilsim_print_item(None, x)\n");
        assert_eq!(py3("print\n"), "_gilsim_print_newline(None)\n");
        assert_eq!(
            py3("print >>sys.stderr, 'e'\n"),
            "_gilsim_print_item(sys.stderr, 'e'); _gilsim_print_newline(sys.stderr)\n"
        );
        assert_eq!(
            py3("if x: print 'y' % (1, 2)\n"),
            "if x: _gilsim_print_item(None, 'y' % (1, 2)); _gilsim_print_newline(None)\n"
        );
        assert_eq!(py3("print('a')\n"), "_gilsim_print_item(None,('a')); _gilsim_print_newline(None)\n");
        let with_future = "from __future__ import print_function\nprint('a', 1)\n";
        assert_eq!(py3(with_future), with_future);
    }

    #[test]
    fn lambda_tuple_parameters_become_nested_lambdas() {
        assert_eq!(py3("f = lambda (k, v): v\n"), "f = lambda _gilsim_arg0: (lambda k, v: v)(*_gilsim_arg0)\n");
        assert_eq!(
            py3("g = lambda x, (a, (b, c)), w=1: a + b * c\n"),
            "g = lambda x, _gilsim_arg0, w=1: (lambda a, _gilsim_arg1: (lambda b, c: a + b * c)(*_gilsim_arg1))(*_gilsim_arg0)\n"
        );
        // The body may span lines inside brackets; it ends at the argument's comma.
        assert_eq!(
            py3("r = sorted(xs, key=lambda (n, s): n > 1 and\n    s, reverse=True)\n"),
            "r = sorted(xs, key=lambda _gilsim_arg0: (lambda n, s: n > 1 and\n    s)(*_gilsim_arg0), reverse=True)\n"
        );
        assert_eq!(py3("h = lambda x: x\n"), "h = lambda x: x\n");
    }

    #[test]
    fn backquotes_are_repr_and_diamond_is_not_equal() {
        assert_eq!(py3("s = `x` + `[1, 2]`\n"), "s = repr(x) + repr([1, 2])\n");
        assert_eq!(py3("if a <> b: pass\n"), "if a != b: pass\n");
        // `< >` is two operators (a syntax error, as in 2.7); an unclosed backquote does not
        // pair with the next line's.
        assert_eq!(py3("a < > b\n"), "a < > b\n");
        assert_eq!(py3("x = `a\ny = `b`\n"), "x = repr(a\ny = repr(b)\n");
    }

    #[test]
    fn long_literals_lose_their_suffix() {
        assert_eq!(py3("n = 10L + 0x1fl * 2\n"), "n = 10 + 0x1f * 2\n");
        assert_eq!(py3("m = 0777 + 00 + 0 + 0.5\n"), "m = 0o777 + 0o0 + 0 + 0.5\n");
        // A name after a space or an operator is not a suffix.
        assert_eq!(py3("x = [1 for L in y]\n"), "x = [1 for L in y]\n");
        assert_eq!(py3("x = 1+L\n"), "x = 1+L\n");
    }

    #[test]
    fn every_prefix_and_every_cut_is_rewritten_without_panicking() {
        let source = "import thread, Queue as Q\nfrom Queue import Queue\nprint >>sys.stderr, 'a' % (1,\n 2),\n\
                      print >>f\nprint\nif x: print 'y'; print z,\ntry:\n    print(a, b)\nexcept (E, F), e:\n    \
                      print e\nfor i in xrange(3): print i / 2,\nprint >>xrange(1), 2\nprint `i` <> `j`\n";
        let chars: Vec<(usize, char)> = source.char_indices().collect();
        for &(at, _) in &chars {
            rewrite(&source[..at]);
            let cut: String = source[..at].chars().chain(source[at..].chars().skip(3)).collect();
            rewrite(&cut);
        }
    }

    #[test]
    fn lines_stay_where_they_were() {
        let source = "def f():\n    print 'a', (1,\n       2)\n    print\n";
        let out = py3(source);
        assert_eq!(out.lines().count(), source.lines().count(), "{out}");
        assert!(out.lines().nth(3).is_some_and(|l| l.contains("_gilsim_print_newline")), "{out}");
    }

    #[test]
    fn except_imports_and_xrange() {
        assert_eq!(
            py3("try:\n    pass\nexcept ValueError, e:\n    pass\n"),
            "try:\n    pass\nexcept ValueError as e:\n    pass\n"
        );
        assert_eq!(py3("import thread, Queue as Q\n"), "import _thread as thread, queue as Q\n");
        assert_eq!(py3("from Queue import Queue\n"), "from queue import Queue\n");
        assert_eq!(py3("for i in xrange(3): pass\n"), "for i in _gilsim_xrange(3): pass\n");
        assert!(rewrite("x = 1 / 2\n").classic_division);
        assert!(!rewrite("from __future__ import division\nx = 1 / 2\n").classic_division);
        assert!(rewrite("from __future__ import print_function  # not division\nx = 1 / 2\n").classic_division);
    }

    #[test]
    fn raise_with_a_value_and_the_builtins_two_had() {
        assert_eq!(py3("raise ValueError, 'bad %d' % n\n"), "raise ValueError( 'bad %d' % n)\n");
        assert_eq!(py3("raise E, v, tb\n"), "raise E( v)\n");
        assert_eq!(py3("raise E(v)\n"), "raise E(v)\n");
        assert_eq!(
            py3("x = map(str, xs) + filter(None, ys) + zip(a, b)\n"),
            "x = _gilsim_list_of(map, str, xs) + _gilsim_list_of(filter, None, ys) + _gilsim_list_of(zip, a, b)\n"
        );
        assert_eq!(py3("ok = d.has_key(k)\n"), "ok = d.__contains__(k)\n");
        assert_eq!(py3("x = g.next()\n"), "x = g.__next__()\n");
        assert_eq!(
            py3("class It:\n    def next(self):\n        return 1\n"),
            "class It:\n    def __next__(self):\n        return 1\n"
        );
        assert_eq!(py3("node.next = n.next\nf(next)\n"), "node.next = n.next\nf(next)\n");
        assert_eq!(py3("for k, v in d.iteritems(): pass\n"), "for k, v in d.items(): pass\n");
        assert_eq!(py3("s = unicode(x) + raw_input()\n"), "s = str(x) + input()\n");
        assert_eq!(py3("t = reduce(add, xs)\n"), "t = _gilsim_reduce(add, xs)\n");
        assert_eq!(py3("apply(f, (1,))\n"), "_gilsim_apply(f, (1,))\n");
        assert_eq!(py3("xs.sort(cmp=lambda a, b: b - a)\n"), "xs.sort(key=_gilsim_cmp_to_key(lambda a, b: b - a))\n");
        assert_eq!(
            py3("ys = sorted(xs, cmp=f(1, 2), reverse=True)\n"),
            "ys = sorted(xs, key=_gilsim_cmp_to_key(f(1, 2)), reverse=True)\n"
        );
        assert_eq!(py3("cmp = 3\n"), "cmp = 3\n");
        assert_eq!(
            py3("xs.sort(cmp=lambda a, b: cmp(a, b))\n"),
            "xs.sort(key=_gilsim_cmp_to_key(lambda a, b: _gilsim_cmp(a, b)))\n"
        );
        // Names the script binds itself stay its own.
        assert_eq!(py3("def map(f, xs): pass\nmap(f, xs)\n"), "def map(f, xs): pass\nmap(f, xs)\n");
        assert_eq!(py3("long = 3\nprint long\n").lines().next(), Some("long = 3"));
        assert_eq!(py3("obj.map(f)\n"), "obj.map(f)\n");
    }
}

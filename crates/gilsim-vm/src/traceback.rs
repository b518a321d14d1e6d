//! Traceback reports as the simulated CPython prints them. A frame's line is its failing
//! instruction's (the expression's first line from 3.8, the furthest line the statement had
//! reached before — python-semantics.md), and from 3.11 a line of carets marks the
//! expression that failed, with `~` and `^` around an operator, a subscript or (3.13) a
//! call's arguments — `Python/traceback.c` (3.11, 3.12) and `Lib/traceback.py` (3.13).

use crate::library_frames::LibraryFrame;
use crate::value::{Instance, Slot, Value};
use crate::{Thread, Vm};
use gilsim_bytecode::{AnchorKind, AtStatement, Position, Program};
use gilsim_core::PythonVersion;
use std::rc::Rc;

/// A line and a character column in it.
type LineCol = (u32, usize);

/// An instruction's position in lines and character columns of the script.
struct Span {
    line: u32,
    end_line: u32,
    col: usize,
    end_col: usize,
    /// (line, column) where the secondary part of the carets begins and ends.
    anchors: Option<(AnchorKind, LineCol, LineCol)>,
    whole_statement_call: bool,
    at_statement: AtStatement,
}

impl Span {
    fn of(program: &Program, position: &Position) -> Span {
        let at = |offset: u32| {
            let (line, col) = program.line_column(offset);
            (line, col as usize)
        };
        let ((line, col), (end_line, end_col)) = (at(position.start), at(position.end));
        Span {
            line,
            end_line,
            col,
            end_col,
            anchors: position.anchors.map(|a| (a.kind, at(a.left), at(a.right))),
            whole_statement_call: position.whole_statement_call,
            at_statement: position.at_statement,
        }
    }
}

/// One frame of a traceback.
enum Entry {
    /// A frame of the script.
    Script {
        function: String,
        line: u32,
        /// None for an instruction the compiler gave no position.
        position: Option<Position>,
    },
    /// A frame of CPython's library that gilsim's library stands in for
    /// ([`crate::library_sites`]).
    Library(LibraryFrame),
}

impl Vm {
    /// The frames of `exc`'s traceback, outermost first: the script's, and with
    /// `with_library` the CPython frames gilsim's library stands in for (what a report prints).
    fn traceback_entries(&self, exc: &Value, with_library: bool) -> Vec<Entry> {
        let Some(data) = crate::exceptions::exception_data(exc) else { return Vec::new() };
        let data = data.borrow();
        let mut entries = Vec::new();
        for (code_id, site, instr) in self.frame_sites(data.traceback.iter().copied()).into_iter().rev() {
            if self.program.is_library(code_id) {
                if with_library {
                    entries.extend(self.library_site_frames(code_id, instr).into_iter().map(Entry::Library));
                }
                continue;
            }
            let function = self.program.codes[code_id as usize].name.clone();
            let (line, position) = self.line_at(site, instr);
            entries.push(Entry::Script { function, line, position });
        }
        if let Some(site) = data.native_site.filter(|_| with_library) {
            let frames = crate::library_sites::native_site_frames(self.options.python, site);
            entries.extend(frames.into_iter().map(Entry::Library));
        }
        entries
    }

    /// Frames given innermost first as (code, instruction), as a report shows them: (the
    /// frame's code, the code and instruction where it is). From 3.12 a list, set or dict
    /// comprehension runs in its caller's frame (PEP 709): its frame goes, and the caller's
    /// is where in the comprehension it is.
    pub(crate) fn frame_sites(&self, frames: impl Iterator<Item = (u32, u32)>) -> Vec<(u32, u32, u32)> {
        let inlined = self.options.python >= PythonVersion::new(3, 12);
        let mut inside: Option<(u32, u32)> = None;
        let mut sites = Vec::new();
        for (code_id, instr) in frames {
            let (site, instr) = inside.take().unwrap_or((code_id, instr));
            if inlined && self.is_inlined_comprehension(code_id) {
                inside = Some((site, instr));
                continue;
            }
            sites.push((code_id, site, instr));
        }
        sites
    }

    /// The line a report gives instruction `instr` of `code_id` (the expression's first line
    /// from 3.8, the furthest line reached before), with its position.
    pub(crate) fn line_at(&self, code_id: u32, instr: u32) -> (u32, Option<Position>) {
        let code = &self.program.codes[code_id as usize];
        let version = self.options.python;
        let position = code.position(instr, version.minor);
        let position = match position {
            // Before 3.10 a `with` statement's exit call is where the code before it is.
            Some(p) if p.at_statement == AtStatement::WithExit && version < PythonVersion::new(3, 10) => {
                code.positions.get(instr.saturating_sub(1) as usize).copied()
            }
            other => other,
        };
        let line = match &position {
            // 3.10-3.12 put a `with` statement's exit call at the statement's first line.
            Some(p) if p.at_statement == AtStatement::WithExit && version < PythonVersion::new(3, 13) => {
                self.program.line_column(p.legacy).0
            }
            // 3.0-3.9 jump back from a `while` loop's body, on its last statement's line.
            Some(p) if p.at_statement.is_loop_end() => {
                let body_end = version.major == 3 && version < PythonVersion::new(3, 10);
                self.program.line_column(if body_end { p.legacy } else { p.start }).0
            }
            Some(p) => self.program.line_column(if version < PythonVersion::new(3, 8) { p.legacy } else { p.start }).0,
            None => code.lines.get(instr as usize).copied().unwrap_or(code.first_line),
        };
        (line, position)
    }

    /// A list, set or dict comprehension of the script (3.12 runs them in their caller's
    /// frame; a generator expression keeps its own).
    pub(crate) fn is_inlined_comprehension(&self, code_id: u32) -> bool {
        let name = self.program.codes[code_id as usize].name.as_str();
        matches!(name, "<listcomp>" | "<setcomp>" | "<dictcomp>") && !self.program.is_library(code_id)
    }

    /// The CPython frames a traceback entry in gilsim's library stands for (none for most).
    fn library_site_frames(&self, code_id: u32, instr: u32) -> Vec<LibraryFrame> {
        let code = &self.program.codes[code_id as usize];
        let module = self.program.module_of(code_id);
        let line = match code.positions.get(instr as usize) {
            // A `with` statement's exit call: at the statement (its context expression's line).
            Some(p) if p.at_statement == AtStatement::WithExit => {
                1 + module.source.get(..p.start as usize).map_or(0, |before| before.matches('\n').count()) as u32
            }
            _ => code.lines.get(instr as usize).copied().unwrap_or(code.first_line),
        };
        let text = module.source.lines().nth(line.saturating_sub(1) as usize).unwrap_or("").trim();
        crate::library_sites::frames_at(self.options.python, &module.name, &code.name, text).unwrap_or_default()
    }

    /// Record, on an exception about to be reported as having escaped `th`, how `th` began:
    /// its report shows the frames of CPython's library under the script's. Nothing for the
    /// first process's main thread or a `_thread` function (CPython shows none).
    pub(crate) fn mark_bottom(&mut self, th: &Thread, exc: &Value) {
        let Some(data) = crate::exceptions::exception_data(exc) else { return };
        let codes: Vec<u32> = data.borrow().traceback.iter().map(|&(code, _)| code).collect();
        if let Some(bottom) = self.thread_bottom(th, &codes) {
            data.borrow_mut().bottom = Some(bottom);
        }
    }

    /// How `th` began, which decides the frames of CPython's library under the script's
    /// (None: none, as for the first process's main thread or a `_thread` function); `codes`
    /// are the frames in question (whether they passed through the library `run` of a
    /// `Timer` tells it apart).
    pub(crate) fn thread_bottom(&self, th: &Thread, codes: &[u32]) -> Option<crate::library_frames::Bottom> {
        use crate::library_frames::Bottom;
        let through_timer_run = codes.iter().any(|&code| {
            self.program.is_library(code)
                && self.program.codes[code as usize].name == "run"
                && self.program.module_of(code).name == "threading"
        });
        if th.tid == self.interp.main_tid {
            if self.interp.process == 0 {
                return None;
            }
            return Some(Bottom::Process);
        }
        if th.data.borrow().low_level {
            return None;
        }
        let object = th.data.borrow().object.clone();
        let native_run =
            matches!(self.class_of(&object).lookup("run"), Some(Value::Native(n)) if n.name == "Thread.run");
        Some(if through_timer_run {
            Bottom::TimerFunction
        } else if native_run {
            Bottom::ThreadTarget
        } else {
            Bottom::ThreadSubclass
        })
    }

    /// The script's frames of `exc`'s traceback, outermost first: (function name, line).
    /// Frames of gilsim's library modules are left out (CPython shows its threading.py).
    pub fn script_traceback(&self, exc: &Value) -> Vec<(String, u32)> {
        let entries = self.traceback_entries(exc, false).into_iter();
        entries
            .filter_map(|e| match e {
                Entry::Script { function, line, .. } => Some((function, line)),
                Entry::Library(_) => None,
            })
            .collect()
    }

    /// `exc.__traceback__`: a chain of `traceback` objects, outermost frame first, with
    /// `tb_lineno`, `tb_next` and `tb_frame` (`f_lineno`, `f_code.co_name`,
    /// `f_code.co_filename`); None for an exception never raised. Each also keeps its frame's
    /// lines of the report (`_gilsim_text`) and source line (`_gilsim_line`), from which
    /// library/traceback.py formats and extracts it.
    pub(crate) fn traceback_object(&mut self, exc: &Value) -> Value {
        let raised = crate::exceptions::exception_data(exc).is_some_and(|d| d.borrow().raised);
        if !raised {
            return Value::None;
        }
        let mut next = Value::None;
        for frame in self.frames_from_bottom(exc).into_iter().rev() {
            let frame_object = self.frame_instance(&frame.file, &frame.function, frame.line, None);
            let tb = Instance::new(self.types.traceback.clone(), Slot::None);
            tb.set_attr("tb_lineno", Value::Int(i64::from(frame.line)));
            tb.set_attr("tb_next", next);
            tb.set_attr("tb_frame", Value::Instance(Rc::new(frame_object)));
            tb.set_attr("_gilsim_text", Value::str(&frame.text));
            tb.set_attr("_gilsim_line", frame.source.as_deref().map_or(Value::None, Value::str));
            next = Value::Instance(Rc::new(tb));
        }
        next
    }

    /// CPython's traceback report for `exc` alone; an exception never raised has no
    /// "Traceback" header (a cause made by `raise X from Y()`). `interpreter`: the
    /// interpreter's own report (see [`Vm::suggestion_text`]).
    pub(crate) fn format_one_traceback(&mut self, exc: &Value, qualify_main: bool, interpreter: bool) -> String {
        let (mut out, header) = self.traceback_stack(exc);
        if header {
            out.insert_str(0, "Traceback (most recent call last):\n");
        }
        out.push_str(&self.exception_line(exc, qualify_main));
        out.push_str(&self.suggestion_text(exc, interpreter));
        out.push('\n');
        out.push_str(&crate::exception_groups::notes_text(self, exc));
        out
    }

    /// The frames of `exc`'s report, and whether a "Traceback" header goes above them.
    pub(crate) fn traceback_stack(&mut self, exc: &Value) -> (String, bool) {
        let raised = crate::exceptions::exception_data(exc).is_some_and(|d| d.borrow().raised);
        let mut out = String::new();
        for frame in self.frames_from_bottom(exc) {
            out.push_str(&frame.text);
        }
        // No header for an exception that passed through no frame shown (raised by the
        // interpreter itself, as a generator's close() raises), as for CPython's None tb.
        let header = raised && !out.is_empty();
        (out, header)
    }

    /// The frames of `exc`'s traceback, outermost first: for an exception that escaped a
    /// thread, the library code that ran it (`_bootstrap_inner`, ...), then [`Vm::report_frames`].
    fn frames_from_bottom(&self, exc: &Value) -> Vec<ReportFrame> {
        let bottom = crate::exceptions::exception_data(exc).and_then(|d| d.borrow().bottom);
        let mut frames: Vec<ReportFrame> = bottom
            .map(|b| crate::library_frames::frames(self.options.python, b))
            .unwrap_or_default()
            .into_iter()
            .map(ReportFrame::library)
            .collect();
        frames.extend(self.report_frames(exc));
        frames
    }

    /// The frames of `exc`'s traceback as its report shows them, outermost first (the
    /// frames under a thread's code are not among them).
    fn report_frames(&self, exc: &Value) -> Vec<ReportFrame> {
        let version = self.options.python;
        let mut frames = Vec::new();
        for entry in self.traceback_entries(exc, true) {
            let (line, function, position) = match entry {
                Entry::Script { function, line, position } => (line, function, position),
                Entry::Library(frame) => {
                    frames.push(ReportFrame::library(frame));
                    continue;
                }
            };
            let file = self.program.filename.clone();
            let mut text = format!("  File \"{file}\", line {line}, in {function}\n");
            let raw = self.program.source_line_raw(line).filter(|raw| !raw.trim().is_empty());
            if let Some(raw) = raw {
                // Columns and carets are worked out here only, where a report is printed.
                let span = position.map(|p| Span::of(&self.program, &p)).filter(|s| s.line == line);
                match span {
                    Some(span) if version >= PythonVersion::new(3, 13) => {
                        text.push_str(&self.lines_with_carets_313(&span))
                    }
                    _ if version.major == 2 => {
                        // 2.7 prints the line's bytes (crate::output).
                        text.push_str(&format!("    {}\n", crate::output::python2_source_text(raw.trim())));
                    }
                    _ => {
                        text.push_str(&format!("    {}\n", raw.trim()));
                        let shown = span.filter(|s| !s.at_statement.applies(version.minor));
                        if let Some(carets) = shown.and_then(|s| carets_311(version, raw, &s)) {
                            text.push_str(&carets);
                            text.push('\n');
                        }
                    }
                }
            }
            let source = raw.map(|raw| raw.trim().to_string());
            frames.push(ReportFrame { file, line, function, source, text });
        }
        frames
    }

    /// What 3.13's traceback.py prints for a frame: every line of the failing expression
    /// (dedented; long runs elided as `...<N lines>...`), each with its carets when they are
    /// shown (`_should_show_carets`: not under the whole of `x = f()` / `return f()`, always
    /// with anchors, else when the expression does not fill its lines).
    fn lines_with_carets_313(&self, span: &Span) -> String {
        let raw: Vec<&str> =
            (span.line..=span.end_line).map(|l| self.program.source_line_raw(l).unwrap_or("")).collect();
        let indent = raw.iter().filter(|l| !l.trim().is_empty()).map(|l| leading(l)).min().unwrap_or(0);
        let lines: Vec<Vec<char>> = raw.iter().map(|l| l.chars().skip(indent).collect()).collect();
        let last = lines.len() - 1;
        let start = span.col.saturating_sub(indent).min(lines[0].len());
        let end = span.end_col.saturating_sub(indent).min(lines[last].len());
        let relative = |(line, col): LineCol| ((line - span.line) as usize, col.saturating_sub(indent));
        let anchors = span.anchors.filter(|(_, left, right)| left.0 >= span.line && right.0 <= span.end_line);
        let anchors = anchors.map(|(kind, left, right)| {
            // A subscript's anchors reach to its closing bracket from 3.13 on.
            let right = if kind == AnchorKind::Subscript { (span.end_line, span.end_col) } else { right };
            (relative(left), relative(right))
        });
        let text = |chars: &[char]| chars.iter().collect::<String>();
        let surrounded = !text(&lines[0][..start]).trim().is_empty() || !text(&lines[last][end..]).trim().is_empty();
        // An empty span (a frame at its `def`, never run) gets none either.
        let show = !span.whole_statement_call && (anchors.is_some() || surrounded) && (last > 0 || end > start);
        let mut significant: Vec<usize> = vec![0, last];
        if let Some(((left_line, _), (right_line, _))) = anchors {
            for line in [left_line, right_line] {
                significant.extend((line.saturating_sub(1)..=line + 1).filter(|&l| l <= last));
            }
        }
        significant.sort_unstable();
        significant.dedup();
        let (primary, secondary) = if anchors.is_some() { ('~', '^') } else { ('^', '^') };
        let output_line = |i: usize, out: &mut Vec<String>| {
            out.push(text(&lines[i]));
            if !show {
                return;
            }
            let spaces = lines[i].iter().take_while(|c| c.is_whitespace()).count();
            let count = if i == last { end } else { lines[i].len() };
            let within = |col: usize| {
                anchors.is_some_and(|((ll, lc), (rl, rc))| {
                    (i > ll || (i == ll && col >= lc)) && (i < rl || (i == rl && col < rc))
                })
            };
            let carets: String = (0..count)
                .map(|col| match col {
                    _ if col < spaces || (i == 0 && col < start) => ' ',
                    _ if within(col) => secondary,
                    _ => primary,
                })
                .collect();
            out.push(carets);
        };
        let mut out: Vec<String> = Vec::new();
        let mut previous: Option<usize> = None;
        for &i in &significant {
            if let Some(p) = previous {
                match i - p {
                    2 => output_line(p + 1, &mut out),
                    gap if gap > 2 => out.push(format!("...<{} lines>...", gap - 1)),
                    _ => {}
                }
            }
            output_line(i, &mut out);
            previous = Some(i);
        }
        // textwrap.dedent over the source and caret lines, then four spaces.
        let common = out.iter().filter(|l| !l.trim().is_empty()).map(|l| leading(l)).min().unwrap_or(0);
        out.iter()
            .map(|l| match l.trim().is_empty() {
                true => "\n".to_string(),
                false => format!("    {}\n", l.chars().skip(common).collect::<String>()),
            })
            .collect()
    }
}

/// One frame of a traceback as a report shows it.
struct ReportFrame {
    file: String,
    line: u32,
    function: String,
    /// The source line, stripped (None when blank or missing).
    source: Option<String>,
    /// Its lines of the report: `File ...` and the source with its carets.
    text: String,
}

impl ReportFrame {
    fn library(frame: LibraryFrame) -> ReportFrame {
        ReportFrame {
            text: library_frame_text(&frame),
            file: frame.file,
            line: frame.line,
            function: frame.function.to_string(),
            source: Some(frame.source.to_string()),
        }
    }
}

/// A frame of CPython's library as a report prints it: its place, its source line and, when
/// the release prints them, its carets.
fn library_frame_text(frame: &LibraryFrame) -> String {
    let mut text = format!("  File \"{}\", line {}, in {}\n", frame.file, frame.line, frame.function);
    if frame.source.is_empty() {
        // Code made from a string (`File "<string>"`): no source line to show.
        return text;
    }
    text.push_str(&format!("    {}\n", frame.source));
    if !frame.carets.is_empty() {
        text.push_str(&format!("    {}\n", frame.carets));
    }
    text
}

/// The caret line 3.11 and 3.12 print under `raw` (the first source line of the failing
/// expression, as written), if they print one: none where the expression fills the line
/// and has no anchors; an expression that goes on to later lines is marked to the end of
/// this one, without anchors.
fn carets_311(version: PythonVersion, raw: &str, span: &Span) -> Option<String> {
    if version < PythonVersion::new(3, 11) {
        return None;
    }
    let chars: Vec<char> = raw.chars().collect();
    let lead = leading(raw);
    let content_end = chars.len() - chars.iter().rev().take_while(|c| c.is_whitespace()).count();
    let one_line = span.end_line == span.line;
    let (start, end) = (span.col, if one_line { span.end_col.min(content_end) } else { content_end });
    if start < lead || end <= start {
        return None;
    }
    let anchors = span.anchors.filter(|(kind, left, right)| {
        *kind != AnchorKind::Call && one_line && start <= left.1 && left.1 < right.1 && right.1 <= end
    });
    if end - start == content_end - lead && anchors.is_none() {
        return None;
    }
    let mut line = " ".repeat(4 + start - lead);
    match anchors {
        Some((_, (_, left), (_, right))) => {
            line.push_str(&"~".repeat(left - start));
            line.push_str(&"^".repeat(right - left));
            line.push_str(&"~".repeat(end - right));
        }
        None => line.push_str(&"^".repeat(end - start)),
    }
    Some(line)
}

/// The number of leading whitespace characters of `line`.
fn leading(line: &str) -> usize {
    line.chars().take_while(|c| c.is_whitespace()).count()
}

//! Compile errors: a message naming the construct, its file/line/column, an optional hint, and
//! a rustc-style source snippet (annotate-snippets).

use annotate_snippets::{Level, Renderer, Snippet};
use ruff_source_file::LineIndex;
use ruff_text_size::{TextRange, TextSize};
use std::fmt;

/// Why a script could not be compiled. Always reported before anything runs.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct CompileError {
    pub kind: CompileErrorKind,
    pub message: String,
    pub filename: String,
    pub line: u32,
    pub column: u32,
    pub hint: Option<String>,
    /// The error rendered with its source snippet.
    pub rendered: String,
    /// Where it is, as byte offsets into the source compiled.
    pub range: TextRange,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompileErrorKind {
    /// The script is not valid Python 3.
    Syntax,
    /// Valid Python, outside the subset gilsim runs.
    Unsupported,
    /// Nested deeper than CPython compiles (RecursionError during compilation).
    TooDeep,
}

impl fmt::Display for CompileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.rendered)
    }
}

/// Builds errors for one source file.
pub struct ErrorSink<'s> {
    pub source: &'s str,
    pub filename: &'s str,
    index: LineIndex,
}

impl<'s> ErrorSink<'s> {
    pub fn new(source: &'s str, filename: &'s str) -> Self {
        ErrorSink { source, filename, index: LineIndex::from_source_text(source) }
    }

    pub fn line_of(&self, offset: TextSize) -> u32 {
        self.index.line_index(offset).get() as u32
    }

    pub fn error(
        &self,
        kind: CompileErrorKind,
        range: TextRange,
        message: String,
        hint: Option<String>,
    ) -> CompileError {
        let location = self.index.line_column(range.start(), self.source);
        let line = location.line.get() as u32;
        let column = location.column.get() as u32;
        let start = usize::from(range.start()).min(self.source.len());
        let mut end = usize::from(range.end()).clamp(start, self.source.len());
        if end == start {
            end = self.source[start..].chars().next().map_or(start, |c| start + c.len_utf8());
        }
        // Keep the label on the first line of a multi-line construct.
        if let Some(newline) = self.source[start..end].find('\n') {
            end = start + newline.max(1).min(end - start);
        }
        let title = match kind {
            CompileErrorKind::Syntax => format!("syntax error: {message}"),
            CompileErrorKind::Unsupported | CompileErrorKind::TooDeep => message.clone(),
        };
        let label = match kind {
            CompileErrorKind::Syntax => "here",
            CompileErrorKind::Unsupported => "not supported by gilsim",
            CompileErrorKind::TooDeep => "nested too deep here",
        };
        let snippet = Snippet::source(self.source)
            .line_start(1)
            .origin(self.filename)
            .fold(true)
            .annotation(Level::Error.span(start..end).label(label));
        let mut report = Level::Error.title(&title).snippet(snippet);
        if let Some(h) = &hint {
            report = report.footer(Level::Help.title(h));
        }
        let rendered = Renderer::plain().render(report).to_string();
        CompileError { kind, message, filename: self.filename.to_string(), line, column, hint, rendered, range }
    }
}

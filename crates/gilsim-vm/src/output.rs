//! The script's stdout and stderr. They are kept for the outcome, or, when a sink is given,
//! handed to it as they are written (`gilsim run` shows a program's output as it prints, as a
//! terminal would); either way at most `--max-output` bytes, past which the run stops with an
//! output-limit finding instead of filling the memory or the disk.
//!
//! Invariant: what reaches the outcome or the sink is a prefix of what the script wrote, in
//! order, byte for byte.

use crate::Vm;

/// `io.DEFAULT_BUFFER_SIZE`: a buffered stdout writes out once this much is waiting.
pub const STDOUT_BUFFER_SIZE: usize = 8192;

/// Where streamed output goes.
pub trait OutputSink {
    /// `text` was written to stderr (`true`) or stdout.
    fn write(&mut self, stderr: bool, text: &str);
}

/// The run's output streams.
#[derive(Default)]
pub(crate) struct Output {
    pub(crate) stdout: String,
    pub(crate) stderr: String,
    sink: Option<Box<dyn OutputSink>>,
    /// Bytes written so far, both streams.
    written: u64,
    /// The script wrote past `--max-output`.
    pub(crate) exceeded: bool,
    /// Python 2's `softspace` of stdout and stderr: the last `print` item asked for a space
    /// before the next one (see [`crate::print2`]).
    pub(crate) softspace: [bool; 2],
}

impl Output {
    /// Whether the output goes to a sink as it is written.
    pub(crate) fn streams(&self) -> bool {
        self.sink.is_some()
    }

    /// The same output, for a copy of a run that keeps its output ([`crate::snapshot`]).
    pub(crate) fn copy(&self) -> Output {
        Output {
            stdout: self.stdout.clone(),
            stderr: self.stderr.clone(),
            sink: None,
            written: self.written,
            exceeded: self.exceeded,
            softspace: self.softspace,
        }
    }
}

impl Vm {
    /// Hand the script's output to `sink` as it is written (the outcome then holds none).
    pub fn stream_output(&mut self, sink: Box<dyn OutputSink>) {
        self.output.sink = Some(sink);
    }

    /// Whether the script wrote more than `--max-output` (the run must stop).
    pub fn output_exceeded(&self) -> bool {
        self.output.exceeded
    }

    /// The output kept for the outcome (stdout, stderr), taken out.
    pub fn take_output(&mut self) -> (String, String) {
        (std::mem::take(&mut self.output.stdout), std::mem::take(&mut self.output.stderr))
    }

    /// Write to the script's stdout (`stderr` false) or stderr. While several processes
    /// share stdout (a pipe, block-buffered), a process's stdout writes wait in its buffer
    /// until it flushes, it fills [`STDOUT_BUFFER_SIZE`], or the process exits.
    pub(crate) fn emit(&mut self, stderr: bool, text: &str) {
        let bytes_as_text;
        let text = if self.options.python.major == 2 && !text.is_ascii() {
            bytes_as_text = python2_bytes_as_text(text);
            &bytes_as_text
        } else {
            text
        };
        if stderr || !self.buffers_stdout() {
            return self.emit_now(stderr, text);
        }
        self.interp.stdout_buffer.push_str(text);
        if self.interp.stdout_buffer.len() >= STDOUT_BUFFER_SIZE {
            self.flush_stdout();
        }
    }

    /// Write to the script's stdout (`stderr` false) or stderr, up to the limit.
    pub(crate) fn emit_now(&mut self, stderr: bool, text: &str) {
        if self.output.exceeded || text.is_empty() {
            return;
        }
        let room = self.options.max_output.saturating_sub(self.output.written);
        let text = if (text.len() as u64) <= room {
            text
        } else {
            self.output.exceeded = true;
            self.interrupt();
            // Cut at a character boundary within the room left.
            let mut end = room as usize;
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            &text[..end]
        };
        let out = &mut self.output;
        out.written += text.len() as u64;
        match &mut out.sink {
            Some(sink) => sink.write(stderr, text),
            None if stderr => out.stderr.push_str(text),
            None => out.stdout.push_str(text),
        }
    }
}

/// What a Python 2 `str`, which holds bytes (a character up to U+00FF each: the front end
/// spells a non-ASCII literal by its UTF-8 bytes), shows on a UTF-8 terminal: its bytes;
/// other characters (a `u''` literal's, a source line's) are their UTF-8.
fn python2_bytes_as_text(text: &str) -> String {
    let mut bytes = Vec::with_capacity(text.len());
    for c in text.chars() {
        match u8::try_from(u32::from(c)) {
            Ok(byte) => bytes.push(byte),
            Err(_) => bytes.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes()),
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

/// Whether a string is, under 2.7, a unicode rather than a `str` of bytes: it has text past
/// U+00FF (a `u''` literal's, a `decode()`'s).
pub(crate) fn python2_unicode(s: &str) -> bool {
    s.chars().any(|c| u32::from(c) > 0xff)
}

/// A line of the script's source as 2.7 holds it, one character per byte of its UTF-8 (what
/// a report prints of it then comes out as the line's own text: [`python2_bytes_as_text`]).
pub(crate) fn python2_source_text(line: &str) -> String {
    line.bytes().map(char::from).collect()
}

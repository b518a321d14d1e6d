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

//! `OSError`'s constructor and text, as CPython's Objects/exceptions.c makes them: from two
//! to five arguments it takes `errno`, `strerror`, `filename` and `filename2` (its `args`
//! keep only the first two), prints `[Errno 2] No such file or directory: 'x.txt'`, and
//! `OSError(errno, ...)` called on the base class builds the subclass PEP 3151 maps the
//! errno to (`OSError(2, ...)` is a `FileNotFoundError`).

use crate::value::{Class, Instance, Value};
use crate::{Exc, Thread, Vm};
use std::rc::Rc;

/// PEP 3151's errno → subclass table (Linux errno values).
fn subclass_for(errno: i64) -> Option<Exc> {
    Some(match errno {
        1 | 13 => Exc::PermissionError,
        2 => Exc::FileNotFoundError,
        4 => Exc::InterruptedError,
        11 | 114 | 115 => Exc::BlockingIOError,
        17 => Exc::FileExistsError,
        20 => Exc::NotADirectoryError,
        21 => Exc::IsADirectoryError,
        32 => Exc::BrokenPipeError,
        103 => Exc::ConnectionAbortedError,
        104 => Exc::ConnectionResetError,
        110 => Exc::TimeoutError,
        111 => Exc::ConnectionRefusedError,
        _ => return None,
    })
}

/// glibc's `strerror` text of the errno values below 41 and of the network ones the simulated
/// sockets answer; None for the others.
fn known_strerror(errno: i64) -> Option<&'static str> {
    const LOW: [&str; 41] = [
        "Success",
        "Operation not permitted",
        "No such file or directory",
        "No such process",
        "Interrupted system call",
        "Input/output error",
        "No such device or address",
        "Argument list too long",
        "Exec format error",
        "Bad file descriptor",
        "No child processes",
        "Resource temporarily unavailable",
        "Cannot allocate memory",
        "Permission denied",
        "Bad address",
        "Block device required",
        "Device or resource busy",
        "File exists",
        "Invalid cross-device link",
        "No such device",
        "Not a directory",
        "Is a directory",
        "Invalid argument",
        "Too many open files in system",
        "Too many open files",
        "Inappropriate ioctl for device",
        "Text file busy",
        "File too large",
        "No space left on device",
        "Illegal seek",
        "Read-only file system",
        "Too many links",
        "Broken pipe",
        "Numerical argument out of domain",
        "Numerical result out of range",
        "Resource deadlock avoided",
        "File name too long",
        "No locks available",
        "Function not implemented",
        "Directory not empty",
        "Too many levels of symbolic links",
    ];
    match errno {
        101 => Some("Network is unreachable"),
        104 => Some("Connection reset by peer"),
        106 => Some("Transport endpoint is already connected"),
        110 => Some("Connection timed out"),
        111 => Some("Connection refused"),
        115 => Some("Operation now in progress"),
        _ => usize::try_from(errno).ok().and_then(|i| LOW.get(i)).copied(),
    }
}

/// glibc's `strerror(errno)`, as `os.strerror` and OSError messages show it: "Unknown error N"
/// past its table.
pub(crate) fn strerror(errno: i64) -> std::borrow::Cow<'static, str> {
    match known_strerror(errno) {
        Some(text) => text.into(),
        None => format!("Unknown error {errno}").into(),
    }
}

impl Vm {
    /// The class `OSError(*args)` really builds: the errno's subclass when called on
    /// `OSError` itself with an errno and a message.
    pub(crate) fn os_error_class(&self, class: Rc<Class>, args: &[Value]) -> Rc<Class> {
        let base = self.types.exception(Exc::OSError);
        match (args, Rc::ptr_eq(&class, &base)) {
            ([Value::Int(errno), _, ..], true) if args.len() <= 5 => {
                subclass_for(*errno).map_or(class, |exc| self.types.exception(exc))
            }
            _ => class,
        }
    }

    /// Set an OSError's `errno`, `strerror`, `filename`, `filename2` from its arguments.
    pub(crate) fn init_os_error(&self, inst: &Instance, args: &[Value]) {
        let arg = |i: usize| args.get(i).cloned().unwrap_or(Value::None);
        let (errno, strerror, filename, filename2) = match args.len() {
            2..=5 => (arg(0), arg(1), arg(2), arg(4)),
            _ => (Value::None, Value::None, Value::None, Value::None),
        };
        if args.len() >= 3 && args.len() <= 5 {
            inst.set_attr("args", Value::tuple(args[..2].to_vec()));
        }
        inst.set_attr("errno", errno);
        inst.set_attr("strerror", strerror);
        inst.set_attr("filename", filename);
        inst.set_attr("filename2", filename2);
    }

    /// `str()` of an OSError with an errno and a message, else `None` (the usual text).
    pub(crate) fn os_error_text(&mut self, th: &mut Thread, inst: &Instance) -> Result<Option<String>, crate::Control> {
        let (Some(errno), Some(strerror)) = (inst.attr("errno"), inst.attr("strerror")) else { return Ok(None) };
        if matches!(errno, Value::None) && matches!(strerror, Value::None) {
            return Ok(None);
        }
        let head = format!("[Errno {}] {}", self.str_of(th, &errno)?, self.str_of(th, &strerror)?);
        Ok(Some(match (inst.attr("filename"), inst.attr("filename2")) {
            (Some(Value::None) | None, _) => head,
            (Some(one), Some(Value::None) | None) => format!("{head}: {}", self.repr_of(th, &one)?),
            (Some(one), Some(two)) => format!("{head}: {} -> {}", self.repr_of(th, &one)?, self.repr_of(th, &two)?),
        }))
    }

    /// The OSError subclass for `errno`, about `path` (and `path2` for a rename).
    pub(crate) fn os_error(&mut self, errno: i64, path: &str, path2: Option<&str>) -> crate::Control {
        let exc = subclass_for(errno).unwrap_or(Exc::OSError);
        let mut args = vec![Value::Int(errno), Value::str(&strerror(errno)), Value::str(path)];
        if let Some(path2) = path2 {
            args.extend([Value::None, Value::str(path2)]);
        }
        crate::Control::Raise(self.new_exception_args(exc, args))
    }
}

//! `sys`: the switch interval (which the fair GIL policy reads), recursion limit, `exit`,
//! the simulated `stdout`/`stderr` streams, and `_is_gil_enabled()` (3.13+).

use super::{build_module as module, param};
use crate::builtins::{arity, int_arg, number_arg};
use crate::native::{native, Control, NativeFn};
use crate::types::new_class;
use crate::value::{BuiltinKind, Instance, Slot, Str, Truth, Value};
use crate::Exc;
use crate::Vm;
use std::rc::Rc;

native!(SETSWITCHINTERVAL, "sys.setswitchinterval", |vm, _th, args| {
    arity(vm, "setswitchinterval", args, 1, 1)?;
    let secs = number_arg(vm, &args.pos[0], "setswitchinterval")?;
    if secs <= 0.0 {
        return Err(vm.raise_msg(Exc::ValueError, "switch interval must be strictly positive"));
    }
    // Stored in whole microseconds, as CPython does.
    crate::footprint::note(crate::footprint::Resource::Interpreter, true);
    vm.interp.switch_interval = ((secs * 1e6) as u64) * 1000;
    Ok(Value::None)
});
native!(GETSWITCHINTERVAL, "sys.getswitchinterval", |vm, _th, _args| {
    crate::footprint::note(crate::footprint::Resource::Interpreter, false);
    // CPython's `1e-6 * microseconds` (so 1e-4 reads back as 9.999999999999999e-05).
    Ok(Value::float(1e-6 * (vm.interp.switch_interval / 1000) as f64))
});
native!(GETRECURSIONLIMIT, "sys.getrecursionlimit", |vm, _th, _args| {
    crate::footprint::note(crate::footprint::Resource::Interpreter, false);
    Ok(Value::Int(vm.interp.recursion_limit as i64))
});
native!(SETRECURSIONLIMIT, "sys.setrecursionlimit", |vm, _th, args| {
    arity(vm, "setrecursionlimit", args, 1, 1)?;
    let n = int_arg(vm, &args.pos[0], "")?;
    if n < 1 {
        return Err(vm.raise_msg(Exc::ValueError, "recursion limit must be greater or equal than 1"));
    }
    // Every later call of every thread checks it: no step commutes with this one.
    crate::footprint::note_timed();
    vm.interp.recursion_limit = (n as usize).min(100_000);
    Ok(Value::None)
});
// 3.13+: False on a free-threaded build running without its GIL.
native!(IS_GIL_ENABLED, "sys._is_gil_enabled", |vm, _th, _args| {
    Ok(Value::bool(vm.options.policy != gilsim_core::Policy::NoGil))
});
native!(EXIT, "sys.exit", |vm, _th, args| {
    let code = param(args, 0, "status").map_or(vec![], |v| vec![v]);
    Err(Control::Raise(vm.new_exception_args(Exc::SystemExit, code)))
});
native!(WRITE, "TextIOWrapper.write", shared, |vm, th, args| {
    arity(vm, "write", args, 2, 2)?;
    let Value::Str(s) = &args.pos[1] else {
        let t = crate::builtins::type_name_of(&args.pos[1]);
        return Err(vm.raise_msg(Exc::TypeError, format!("write() argument must be str, not {t}")));
    };
    let written = Value::Int(s.char_len() as i64);
    let stderr = is_stderr(vm, &args.pos[0]);
    vm.clear_softspace(stderr);
    vm.write_stream(th, stderr, vec![s.to_string()], false, written)
});
native!(FLUSH, "TextIOWrapper.flush", shared, |vm, _th, _args| {
    vm.flush_stdout();
    Ok(Value::None)
});

// The run's output is captured, as CPython's is when its output goes to a pipe or a file.
native!(ISATTY, "TextIOWrapper.isatty", |_vm, _th, _args| Ok(Value::Bool(Truth::False)));
native!(WRITABLE, "TextIOWrapper.writable", |_vm, _th, _args| Ok(Value::Bool(Truth::True)));
native!(FILENO, "TextIOWrapper.fileno", |_vm, _th, args| {
    Ok(Value::Int(if args.pos.first().is_some_and(|stream| standard_stream(stream) == Some(true)) { 2 } else { 1 }))
});

// `sys.stdin`: a run's standard input is empty (as under `< /dev/null`).
native!(READ_NOTHING, "TextIOWrapper.read", |_vm, _th, _args| Ok(Value::str("")));
native!(READLINES_NOTHING, "TextIOWrapper.readlines", |_vm, _th, _args| Ok(Value::list(Vec::new())));
native!(ITER_NOTHING, "TextIOWrapper.__iter__", |_vm, _th, _args| Ok(Value::list(Vec::new())));
native!(READABLE, "TextIOWrapper.readable", |_vm, _th, _args| Ok(Value::Bool(Truth::True)));
native!(FILENO_STDIN, "TextIOWrapper.fileno", |_vm, _th, _args| Ok(Value::Int(0)));

fn stdin(vm: &Vm) -> Value {
    let methods: [(&str, &'static NativeFn); 7] = [
        ("read", &READ_NOTHING),
        ("readline", &READ_NOTHING),
        ("readlines", &READLINES_NOTHING),
        ("__iter__", &ITER_NOTHING),
        ("isatty", &ISATTY),
        ("readable", &READABLE),
        ("fileno", &FILENO_STDIN),
    ];
    text_stream(vm, "<stdin>", &methods)
}

fn stream(vm: &Vm, name: &str) -> Value {
    let methods: [(&str, &'static NativeFn); 5] =
        [("write", &WRITE), ("flush", &FLUSH), ("isatty", &ISATTY), ("writable", &WRITABLE), ("fileno", &FILENO)];
    text_stream(vm, name, &methods)
}

/// A standard stream: an `_io.TextIOWrapper` of its own class, with `methods`.
fn text_stream(vm: &Vm, name: &str, methods: &[(&str, &'static NativeFn)]) -> Value {
    let class = new_class("TextIOWrapper", "_io", Some(vm.types.object.clone()), BuiltinKind::Object);
    for &(method, native) in methods {
        class.dict.borrow_mut().insert(Str::from(method), Value::Native(native));
    }
    let inst = Instance::new(class, Slot::None);
    inst.set_attr("name", Value::str(name));
    inst.set_attr("encoding", Value::str("utf-8"));
    Value::Instance(Rc::new(inst))
}

/// Is `v` the simulated `sys.stderr`?
pub fn is_stderr(_vm: &Vm, v: &Value) -> bool {
    standard_stream(v) == Some(true)
}

/// Whether `v` is one of the simulated standard streams: Some(true) for stderr, Some(false)
/// for stdout; None for any other object.
pub fn standard_stream(v: &Value) -> Option<bool> {
    let Value::Instance(inst) = v else { return None };
    if &*inst.class.name != "TextIOWrapper" {
        return None;
    }
    match inst.attr("name") {
        Some(Value::Str(s)) if &*s == "<stderr>" => Some(true),
        Some(Value::Str(s)) if &*s == "<stdout>" => Some(false),
        _ => None,
    }
}

impl Vm {
    /// What `sys.stdout` is now, when the script replaced it (`sys.stdout = buffer`,
    /// `contextlib.redirect_stdout`): `print()` without `file` writes there, as CPython's does.
    pub(crate) fn replaced_stdout(&self) -> Option<Value> {
        let (_, sys) = self.interp.modules.iter().find(|(name, _)| &**name == "sys")?;
        let Value::Module(sys) = sys else { return None };
        let current = sys.dict.borrow_unnoted().get("stdout").cloned()?;
        (standard_stream(&current) != Some(false)).then_some(current)
    }
}

// `sys._getframe(depth=0)`: a snapshot of the caller's frame (see [`crate::stack`]).
native!(GETFRAME, "sys._getframe", |vm, th, args| {
    arity(vm, "_getframe", args, 0, 1)?;
    let depth = match args.pos.first() {
        None => 0,
        Some(depth) => int_arg(vm, depth, "")?,
    };
    vm.frame_object(th, depth)
});

// `sys._current_frames()`: every thread's innermost frame by ident, which the runtime
// collects (it holds the other threads).
native!(CURRENT_FRAMES, "sys._current_frames", |vm, _th, args| {
    arity(vm, "_current_frames", args, 0, 0)?;
    crate::footprint::note_reads_all_threads();
    Err(Control::block(crate::native::Request::CurrentFrames))
});

// The exception being handled in the calling thread: `(type, value, traceback)`.
native!(EXC_INFO, "sys.exc_info", |vm, th, _args| {
    let Some(exc) = th.handled.last().cloned().filter(|e| !e.is_none()) else {
        return Ok(Value::tuple(vec![Value::None, Value::None, Value::None]));
    };
    let class = Value::Class(vm.class_of(&exc));
    let traceback = vm.traceback_object(&exc);
    Ok(Value::tuple(vec![class, exc, traceback]))
});
native!(EXCEPTION, "sys.exception", |_vm, th, _args| Ok(th.handled.last().cloned().unwrap_or(Value::None)));

/// `sys.path`: the script's directory as given (CPython's is absolute; gilsim prints no
/// host paths), then the library directories of a Debian install of the version.
fn search_path(vm: &Vm) -> Value {
    let version = vm.options.python;
    let script_dir = vm.program.filename.rsplit_once('/').map_or("", |(dir, _)| dir);
    let lib = crate::library_frames::library_dir(version);
    let (major, minor) = (version.major, version.minor);
    let mut path = vec![script_dir.to_string(), format!("/usr/lib/python{major}{minor}.zip"), lib.clone()];
    path.push(format!("{lib}/lib-dynload"));
    path.push(format!("/usr/local/lib/python{major}.{minor}/dist-packages"));
    path.push(format!("/usr/lib/python{major}/dist-packages"));
    Value::list(path.iter().map(|p| Value::str(p)).collect())
}

pub fn new(vm: &Vm) -> Value {
    let version = vm.options.python;
    let build = if version.free_threaded { " experimental free-threading build" } else { "" };
    let version_text = format!("{}.{}.0{build} (gilsim simulation)", version.major, version.minor);
    let mut functions: Vec<&'static crate::native::NativeFn> = vec![
        &SETSWITCHINTERVAL,
        &GETSWITCHINTERVAL,
        &GETRECURSIONLIMIT,
        &SETRECURSIONLIMIT,
        &EXIT,
        &EXC_INFO,
        &GETFRAME,
        &CURRENT_FRAMES,
    ];
    if version >= gilsim_core::PythonVersion::new(3, 11) {
        functions.push(&EXCEPTION);
    }
    if version >= gilsim_core::PythonVersion::new(3, 13) {
        functions.push(&IS_GIL_ENABLED);
    }
    let (stdout, stderr) = (stream(vm, "<stdout>"), stream(vm, "<stderr>"));
    let stdin = stdin(vm);
    module(
        "sys",
        &functions,
        vec![
            ("stdin", stdin.clone()),
            ("__stdin__", stdin),
            ("stdout", stdout.clone()),
            ("stderr", stderr.clone()),
            ("__stdout__", stdout),
            ("__stderr__", stderr),
            ("byteorder", Value::str("little")),
            ("version", Value::str(&version_text)),
            ("platform", Value::str("linux")),
            ("argv", Value::list(vec![Value::str(&vm.program.filename)])),
            ("path", search_path(vm)),
            ("excepthook", Value::Native(&super::excepthook::EXCEPTHOOK)),
            ("__excepthook__", Value::Native(&super::excepthook::EXCEPTHOOK)),
            ("maxsize", Value::Int(i64::MAX)),
            ("maxunicode", Value::Int(0x10ffff)),
        ]
        .into_iter()
        .chain((version.major == 2).then(|| ("maxint", Value::Int(i64::MAX))))
        .collect(),
    )
}

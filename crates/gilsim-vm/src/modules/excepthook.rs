//! `sys.excepthook`: CPython hands an exception that escapes the main module to it
//! (`PyErr_PrintEx`). The default (also `sys.__excepthook__`) prints the report; a script's
//! own hook is called in the main thread, as a pending call, before the interpreter's exit;
//! an exception escaping it is printed as "Error in sys.excepthook:" followed by the
//! original report. A thread's exception goes to `threading.excepthook`, not here.

use crate::frame::PendingCall;
use crate::native::{native, Args};
use crate::types::Exc;
use crate::value::Value;
use crate::{Thread, Vm};

// `sys.excepthook(type, value, traceback)`, the default: the interpreter's own report.
native!(EXCEPTHOOK, "sys.excepthook", |vm, _th, args| {
    crate::builtins::arity(vm, "excepthook", args, 3, 3)?;
    let text = vm.format_uncaught(&args.pos[1]);
    vm.write_stderr(&text);
    Ok(Value::None)
});

impl Vm {
    /// `exc` escaped the main module of `main`'s process: if the script set its own
    /// `sys.excepthook`, make `main` call it (true); false leaves the report to the caller.
    pub fn begin_sys_excepthook(&mut self, main: &mut Thread, exc: &Value) -> bool {
        if self.is_instance_of(exc, Exc::SystemExit) {
            return false;
        }
        let Some(Value::Module(sys)) = self.interp.modules.iter().find(|(n, _)| &**n == "sys").map(|(_, m)| m.clone())
        else {
            return false;
        };
        let hook = sys.dict.borrow_unnoted().get("excepthook").cloned();
        let Some(hook) = hook.filter(|hook| !matches!(hook, Value::Native(n) if std::ptr::eq(*n, &EXCEPTHOOK))) else {
            return false;
        };
        let traceback = self.traceback_object(exc);
        let args = vec![Value::Class(self.class_of(exc)), exc.clone(), traceback];
        main.pending_call = Some(PendingCall::Call(hook, Args::new(args)));
        true
    }

    /// What CPython prints when the script's `sys.excepthook` itself raised `error` while
    /// handling `original`.
    pub fn report_sys_excepthook_error(&mut self, error: &Value, original: &Value) {
        let mut text = String::from("Error in sys.excepthook:\n");
        text.push_str(&self.format_uncaught(error));
        text.push_str("\nOriginal exception was:\n");
        text.push_str(&self.format_uncaught(original));
        self.write_stderr(&text);
    }
}

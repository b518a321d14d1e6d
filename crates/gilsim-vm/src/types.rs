//! The built-in classes: Python's built-in types and exception hierarchy, and the threading
//! classes. Built once per [`crate::Image`] and shared by its runs: every class here is frozen.

use crate::footprint::PyCell;
use crate::value::{BuiltinKind, Class, Str, Value};
use gilsim_bytecode::Const;
use std::rc::Rc;

/// Built-in exception classes: (name, base).
const EXCEPTIONS: &[(&str, &str)] = &[
    ("BaseException", ""),
    ("SystemExit", "BaseException"),
    ("KeyboardInterrupt", "BaseException"),
    ("Exception", "BaseException"),
    ("ArithmeticError", "Exception"),
    ("ZeroDivisionError", "ArithmeticError"),
    ("OverflowError", "ArithmeticError"),
    ("AssertionError", "Exception"),
    ("AttributeError", "Exception"),
    ("LookupError", "Exception"),
    ("IndexError", "LookupError"),
    ("KeyError", "LookupError"),
    ("NameError", "Exception"),
    ("UnboundLocalError", "NameError"),
    ("RuntimeError", "Exception"),
    ("RecursionError", "RuntimeError"),
    ("NotImplementedError", "RuntimeError"),
    ("StopIteration", "Exception"),
    ("TypeError", "Exception"),
    ("ValueError", "Exception"),
    ("ImportError", "Exception"),
    ("ModuleNotFoundError", "ImportError"),
    ("OSError", "Exception"),
    ("TimeoutError", "OSError"),
    ("Warning", "Exception"),
    ("DeprecationWarning", "Warning"),
    ("UserWarning", "Warning"),
];

pub struct Types {
    pub object: Rc<Class>,
    pub type_: Rc<Class>,
    pub none: Rc<Class>,
    pub bool_: Rc<Class>,
    pub int: Rc<Class>,
    pub float: Rc<Class>,
    pub str_: Rc<Class>,
    pub tuple: Rc<Class>,
    pub list: Rc<Class>,
    pub dict: Rc<Class>,
    pub set: Rc<Class>,
    pub range: Rc<Class>,
    pub slice: Rc<Class>,
    pub function: Rc<Class>,
    pub builtin_function: Rc<Class>,
    pub method: Rc<Class>,
    pub module: Rc<Class>,
    pub iterator: Rc<Class>,
    pub property: Rc<Class>,
    pub lock: Rc<Class>,
    pub rlock: Rc<Class>,
    pub local: Rc<Class>,
    /// Exception classes by name, in hierarchy order.
    pub exceptions: Vec<(&'static str, Rc<Class>)>,
}

pub fn new_class(name: &str, module: &str, base: Option<Rc<Class>>, kind: BuiltinKind) -> Rc<Class> {
    Rc::new(Class {
        name: Str::from(name),
        qualname: Str::from(name),
        module: Str::from(module),
        base,
        dict: PyCell::new(Default::default()),
        kind,
        frozen: true,
    })
}

impl Types {
    pub fn new() -> Types {
        let object = new_class("object", "builtins", None, BuiltinKind::Object);
        let b = |name: &str, kind| new_class(name, "builtins", Some(object.clone()), kind);
        let int = b("int", BuiltinKind::Int);
        let bool_ = new_class("bool", "builtins", Some(int.clone()), BuiltinKind::Bool);
        let mut exceptions: Vec<(&'static str, Rc<Class>)> = Vec::new();
        for (name, base) in EXCEPTIONS {
            let base_class = if base.is_empty() {
                object.clone()
            } else {
                exceptions.iter().find(|(n, _)| n == base).expect("base listed first").1.clone()
            };
            exceptions.push((name, new_class(name, "builtins", Some(base_class), BuiltinKind::BaseException)));
        }
        let lock = new_class("lock", "_thread", Some(object.clone()), BuiltinKind::Lock);
        let rlock = new_class("RLock", "_thread", Some(object.clone()), BuiltinKind::RLock);
        let types = Types {
            type_: b("type", BuiltinKind::Type),
            none: b("NoneType", BuiltinKind::NoneType),
            bool_,
            int,
            float: b("float", BuiltinKind::Float),
            str_: b("str", BuiltinKind::Str),
            tuple: b("tuple", BuiltinKind::Tuple),
            list: b("list", BuiltinKind::List),
            dict: b("dict", BuiltinKind::Dict),
            set: b("set", BuiltinKind::Set),
            range: b("range", BuiltinKind::Range),
            slice: b("slice", BuiltinKind::Slice),
            function: b("function", BuiltinKind::Function),
            builtin_function: b("builtin_function_or_method", BuiltinKind::BuiltinFunction),
            method: b("method", BuiltinKind::Method),
            module: b("module", BuiltinKind::Module),
            iterator: b("iterator", BuiltinKind::Iterator),
            property: b("property", BuiltinKind::Property),
            lock,
            rlock,
            local: new_class("_local", "_thread", Some(object.clone()), BuiltinKind::Local),
            exceptions,
            object,
        };
        crate::methods::install(&types);
        crate::modules::threading::install_classes(&types);
        crate::exceptions::install(&types);
        types
    }

    pub fn exception(&self, name: &str) -> Rc<Class> {
        self.exceptions
            .iter()
            .find(|(n, _)| *n == name)
            .unwrap_or_else(|| panic!("unknown built-in exception {name}"))
            .1
            .clone()
    }
}

/// A constant of the program as a run-time value.
pub fn const_value(c: &Const) -> Value {
    match c {
        Const::None => Value::None,
        Const::Bool(b) => Value::Bool(*b),
        Const::Int(i) => Value::Int(*i),
        Const::Float(f) => Value::Float(*f),
        Const::Str(s) => Value::str(s),
        Const::Tuple(items) => Value::tuple(items.iter().map(const_value).collect()),
        Const::Code(id) => Value::Int(i64::from(*id)),
    }
}

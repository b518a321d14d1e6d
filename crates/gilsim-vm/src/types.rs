//! The built-in classes: Python's built-in types and exception hierarchy, and the threading
//! classes. Built once per [`crate::Image`] and shared by its runs: every class here is frozen.

use crate::dict_view::ViewKind;
use crate::value::{BuiltinKind, Bytes, Class, ClassSpec, Str, Value};
use gilsim_bytecode::Const;
use gilsim_core::PythonVersion;
use std::rc::Rc;

/// A built-in exception class: every exception gilsim's own code raises or names is one of
/// these, so a missing class is a compile error, not a panic at run time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Exc {
    BaseException,
    SystemExit,
    KeyboardInterrupt,
    GeneratorExit,
    Exception,
    ArithmeticError,
    ZeroDivisionError,
    OverflowError,
    AssertionError,
    AttributeError,
    LookupError,
    IndexError,
    KeyError,
    NameError,
    UnboundLocalError,
    RuntimeError,
    RecursionError,
    NotImplementedError,
    StopIteration,
    TypeError,
    ValueError,
    ImportError,
    ModuleNotFoundError,
    OSError,
    TimeoutError,
    FileNotFoundError,
    FileExistsError,
    PermissionError,
    InterruptedError,
    BlockingIOError,
    ConnectionError,
    BrokenPipeError,
    ConnectionResetError,
    ConnectionRefusedError,
    ConnectionAbortedError,
    EOFError,
    Warning,
    DeprecationWarning,
    UserWarning,
    RuntimeWarning,
    FutureWarning,
    PendingDeprecationWarning,
    SyntaxWarning,
    ImportWarning,
    UnicodeWarning,
    BytesWarning,
    ResourceWarning,
    MemoryError,
    PickleError,
    PicklingError,
    UnpicklingError,
    UnicodeError,
    UnicodeEncodeError,
    UnicodeDecodeError,
    IsADirectoryError,
    NotADirectoryError,
    StopAsyncIteration,
    /// PEP 654 (3.11): [`crate::exception_groups`].
    BaseExceptionGroup,
    ExceptionGroup,
    BufferError,
    ChildProcessError,
    ProcessLookupError,
    FloatingPointError,
    ReferenceError,
    SyntaxError,
    IndentationError,
    TabError,
    SystemError,
    UnicodeTranslateError,
    EncodingWarning,
}

impl Exc {
    /// Every built-in exception, each after its base.
    pub const ALL: [Exc; 70] = [
        Exc::BaseException,
        Exc::SystemExit,
        Exc::KeyboardInterrupt,
        Exc::GeneratorExit,
        Exc::Exception,
        Exc::ArithmeticError,
        Exc::ZeroDivisionError,
        Exc::OverflowError,
        Exc::AssertionError,
        Exc::AttributeError,
        Exc::LookupError,
        Exc::IndexError,
        Exc::KeyError,
        Exc::NameError,
        Exc::UnboundLocalError,
        Exc::RuntimeError,
        Exc::RecursionError,
        Exc::NotImplementedError,
        Exc::StopIteration,
        Exc::TypeError,
        Exc::ValueError,
        Exc::ImportError,
        Exc::ModuleNotFoundError,
        Exc::OSError,
        Exc::TimeoutError,
        Exc::FileNotFoundError,
        Exc::FileExistsError,
        Exc::PermissionError,
        Exc::InterruptedError,
        Exc::BlockingIOError,
        Exc::ConnectionError,
        Exc::BrokenPipeError,
        Exc::ConnectionResetError,
        Exc::ConnectionRefusedError,
        Exc::ConnectionAbortedError,
        Exc::EOFError,
        Exc::Warning,
        Exc::DeprecationWarning,
        Exc::UserWarning,
        Exc::RuntimeWarning,
        Exc::FutureWarning,
        Exc::PendingDeprecationWarning,
        Exc::SyntaxWarning,
        Exc::ImportWarning,
        Exc::UnicodeWarning,
        Exc::BytesWarning,
        Exc::ResourceWarning,
        Exc::MemoryError,
        Exc::PickleError,
        Exc::PicklingError,
        Exc::UnpicklingError,
        Exc::UnicodeError,
        Exc::UnicodeEncodeError,
        Exc::UnicodeDecodeError,
        Exc::IsADirectoryError,
        Exc::NotADirectoryError,
        Exc::StopAsyncIteration,
        Exc::BaseExceptionGroup,
        Exc::ExceptionGroup,
        Exc::BufferError,
        Exc::ChildProcessError,
        Exc::ProcessLookupError,
        Exc::FloatingPointError,
        Exc::ReferenceError,
        Exc::SyntaxError,
        Exc::IndentationError,
        Exc::TabError,
        Exc::SystemError,
        Exc::UnicodeTranslateError,
        Exc::EncodingWarning,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Exc::BaseException => "BaseException",
            Exc::SystemExit => "SystemExit",
            Exc::KeyboardInterrupt => "KeyboardInterrupt",
            Exc::GeneratorExit => "GeneratorExit",
            Exc::Exception => "Exception",
            Exc::ArithmeticError => "ArithmeticError",
            Exc::ZeroDivisionError => "ZeroDivisionError",
            Exc::OverflowError => "OverflowError",
            Exc::AssertionError => "AssertionError",
            Exc::AttributeError => "AttributeError",
            Exc::LookupError => "LookupError",
            Exc::IndexError => "IndexError",
            Exc::KeyError => "KeyError",
            Exc::NameError => "NameError",
            Exc::UnboundLocalError => "UnboundLocalError",
            Exc::RuntimeError => "RuntimeError",
            Exc::RecursionError => "RecursionError",
            Exc::NotImplementedError => "NotImplementedError",
            Exc::StopIteration => "StopIteration",
            Exc::StopAsyncIteration => "StopAsyncIteration",
            Exc::TypeError => "TypeError",
            Exc::ValueError => "ValueError",
            Exc::ImportError => "ImportError",
            Exc::ModuleNotFoundError => "ModuleNotFoundError",
            Exc::OSError => "OSError",
            Exc::TimeoutError => "TimeoutError",
            Exc::FileNotFoundError => "FileNotFoundError",
            Exc::FileExistsError => "FileExistsError",
            Exc::PermissionError => "PermissionError",
            Exc::InterruptedError => "InterruptedError",
            Exc::BlockingIOError => "BlockingIOError",
            Exc::ConnectionError => "ConnectionError",
            Exc::BrokenPipeError => "BrokenPipeError",
            Exc::ConnectionResetError => "ConnectionResetError",
            Exc::ConnectionRefusedError => "ConnectionRefusedError",
            Exc::ConnectionAbortedError => "ConnectionAbortedError",
            Exc::EOFError => "EOFError",
            Exc::Warning => "Warning",
            Exc::DeprecationWarning => "DeprecationWarning",
            Exc::UserWarning => "UserWarning",
            Exc::RuntimeWarning => "RuntimeWarning",
            Exc::FutureWarning => "FutureWarning",
            Exc::PendingDeprecationWarning => "PendingDeprecationWarning",
            Exc::SyntaxWarning => "SyntaxWarning",
            Exc::ImportWarning => "ImportWarning",
            Exc::UnicodeWarning => "UnicodeWarning",
            Exc::BytesWarning => "BytesWarning",
            Exc::ResourceWarning => "ResourceWarning",
            Exc::MemoryError => "MemoryError",
            Exc::PickleError => "PickleError",
            Exc::PicklingError => "PicklingError",
            Exc::UnpicklingError => "UnpicklingError",
            Exc::UnicodeError => "UnicodeError",
            Exc::UnicodeEncodeError => "UnicodeEncodeError",
            Exc::UnicodeDecodeError => "UnicodeDecodeError",
            Exc::IsADirectoryError => "IsADirectoryError",
            Exc::NotADirectoryError => "NotADirectoryError",
            Exc::BaseExceptionGroup => "BaseExceptionGroup",
            Exc::ExceptionGroup => "ExceptionGroup",
            Exc::BufferError => "BufferError",
            Exc::ChildProcessError => "ChildProcessError",
            Exc::ProcessLookupError => "ProcessLookupError",
            Exc::FloatingPointError => "FloatingPointError",
            Exc::ReferenceError => "ReferenceError",
            Exc::SyntaxError => "SyntaxError",
            Exc::IndentationError => "IndentationError",
            Exc::TabError => "TabError",
            Exc::SystemError => "SystemError",
            Exc::UnicodeTranslateError => "UnicodeTranslateError",
            Exc::EncodingWarning => "EncodingWarning",
        }
    }

    /// The module that defines it: `builtins`, or `_pickle` for pickle's errors.
    pub fn module(self) -> &'static str {
        match self {
            Exc::PickleError | Exc::PicklingError | Exc::UnpicklingError => "_pickle",
            _ => "builtins",
        }
    }

    pub fn base(self) -> Option<Exc> {
        match self {
            Exc::BaseException => None,
            Exc::SystemExit => Some(Exc::BaseException),
            Exc::KeyboardInterrupt => Some(Exc::BaseException),
            Exc::GeneratorExit => Some(Exc::BaseException),
            Exc::Exception => Some(Exc::BaseException),
            Exc::ArithmeticError => Some(Exc::Exception),
            Exc::ZeroDivisionError => Some(Exc::ArithmeticError),
            Exc::OverflowError => Some(Exc::ArithmeticError),
            Exc::AssertionError => Some(Exc::Exception),
            Exc::AttributeError => Some(Exc::Exception),
            Exc::LookupError => Some(Exc::Exception),
            Exc::IndexError => Some(Exc::LookupError),
            Exc::KeyError => Some(Exc::LookupError),
            Exc::NameError => Some(Exc::Exception),
            Exc::UnboundLocalError => Some(Exc::NameError),
            Exc::RuntimeError => Some(Exc::Exception),
            Exc::RecursionError => Some(Exc::RuntimeError),
            Exc::NotImplementedError => Some(Exc::RuntimeError),
            Exc::StopIteration | Exc::StopAsyncIteration => Some(Exc::Exception),
            Exc::TypeError => Some(Exc::Exception),
            Exc::ValueError => Some(Exc::Exception),
            Exc::ImportError => Some(Exc::Exception),
            Exc::ModuleNotFoundError => Some(Exc::ImportError),
            Exc::OSError => Some(Exc::Exception),
            Exc::TimeoutError => Some(Exc::OSError),
            Exc::FileNotFoundError => Some(Exc::OSError),
            Exc::FileExistsError => Some(Exc::OSError),
            Exc::PermissionError => Some(Exc::OSError),
            Exc::InterruptedError => Some(Exc::OSError),
            Exc::BlockingIOError => Some(Exc::OSError),
            Exc::ConnectionError => Some(Exc::OSError),
            Exc::BrokenPipeError => Some(Exc::ConnectionError),
            Exc::ConnectionResetError => Some(Exc::ConnectionError),
            Exc::ConnectionRefusedError => Some(Exc::ConnectionError),
            Exc::ConnectionAbortedError => Some(Exc::ConnectionError),
            Exc::EOFError => Some(Exc::Exception),
            Exc::Warning => Some(Exc::Exception),
            Exc::DeprecationWarning => Some(Exc::Warning),
            Exc::UserWarning => Some(Exc::Warning),
            Exc::RuntimeWarning => Some(Exc::Warning),
            Exc::FutureWarning => Some(Exc::Warning),
            Exc::PendingDeprecationWarning => Some(Exc::Warning),
            Exc::SyntaxWarning => Some(Exc::Warning),
            Exc::ImportWarning => Some(Exc::Warning),
            Exc::UnicodeWarning => Some(Exc::Warning),
            Exc::BytesWarning => Some(Exc::Warning),
            Exc::ResourceWarning => Some(Exc::Warning),
            Exc::MemoryError => Some(Exc::Exception),
            Exc::PickleError => Some(Exc::Exception),
            Exc::PicklingError => Some(Exc::PickleError),
            Exc::UnpicklingError => Some(Exc::PickleError),
            Exc::UnicodeError => Some(Exc::ValueError),
            Exc::UnicodeEncodeError | Exc::UnicodeDecodeError => Some(Exc::UnicodeError),
            Exc::IsADirectoryError | Exc::NotADirectoryError => Some(Exc::OSError),
            Exc::BaseExceptionGroup => Some(Exc::BaseException),
            // Its second base, Exception, is added where the classes are made.
            Exc::ExceptionGroup => Some(Exc::BaseExceptionGroup),
            Exc::BufferError | Exc::ReferenceError | Exc::SyntaxError | Exc::SystemError => Some(Exc::Exception),
            Exc::ChildProcessError | Exc::ProcessLookupError => Some(Exc::OSError),
            Exc::FloatingPointError => Some(Exc::ArithmeticError),
            Exc::IndentationError => Some(Exc::SyntaxError),
            Exc::TabError => Some(Exc::IndentationError),
            Exc::UnicodeTranslateError => Some(Exc::UnicodeError),
            Exc::EncodingWarning => Some(Exc::Warning),
        }
    }

    /// The first version that has it (a builtin name newer than the simulated version is
    /// missing, as in that CPython).
    pub fn since(self) -> PythonVersion {
        match self {
            Exc::BaseExceptionGroup | Exc::ExceptionGroup => PythonVersion::new(3, 11),
            Exc::EncodingWarning => PythonVersion::new(3, 10),
            _ => PythonVersion::new(2, 0),
        }
    }
}

const VIEW_KINDS: [ViewKind; 3] = [ViewKind::Keys, ViewKind::Values, ViewKind::Items];

pub struct Types {
    pub object: Rc<Class>,
    pub type_: Rc<Class>,
    pub none: Rc<Class>,
    pub bool_: Rc<Class>,
    pub int: Rc<Class>,
    pub float: Rc<Class>,
    pub str_: Rc<Class>,
    pub bytes: Rc<Class>,
    pub bytearray: Rc<Class>,
    pub tuple: Rc<Class>,
    pub list: Rc<Class>,
    pub dict: Rc<Class>,
    pub set: Rc<Class>,
    pub frozenset: Rc<Class>,
    pub range: Rc<Class>,
    pub slice: Rc<Class>,
    pub function: Rc<Class>,
    pub builtin_function: Rc<Class>,
    pub method: Rc<Class>,
    pub module: Rc<Class>,
    /// The iterator types, in [`crate::iterators::ITERATOR_TYPES`] order.
    pub iterators: Vec<Rc<Class>>,
    pub property: Rc<Class>,
    pub lock: Rc<Class>,
    /// Python 2's `thread.error`, what its C lock raises (3's `_thread.error` is RuntimeError).
    pub thread_error: Rc<Class>,
    pub rlock: Rc<Class>,
    pub local: Rc<Class>,
    /// The class of `...`.
    pub ellipsis: Rc<Class>,
    /// The class of `NotImplemented`.
    pub not_implemented: Rc<Class>,
    /// The class of `exc.__traceback__`.
    pub traceback: Rc<Class>,
    /// The classes of a traceback's `tb_frame` and of its `f_code`.
    pub frame: Rc<Class>,
    pub code: Rc<Class>,
    /// `dict_keys`, `dict_values`, `dict_items` in [`ViewKind`] order, then `OrderedDict`'s
    /// subclasses of them (`odict_keys`, ...): see `DictView::class_index`.
    pub dict_views: [Rc<Class>; 6],
    /// Exception classes by name, in hierarchy order.
    /// The built-in exception classes, in the order of [`Exc::ALL`].
    pub exceptions: Vec<Rc<Class>>,
}

pub fn new_class(name: &str, module: &str, base: Option<Rc<Class>>, kind: BuiltinKind) -> Rc<Class> {
    class_with_bases(name, module, base.into_iter().collect(), kind)
}

fn class_with_bases(name: &str, module: &str, bases: Vec<Rc<Class>>, kind: BuiltinKind) -> Rc<Class> {
    let spec = ClassSpec {
        name: Str::from(name),
        qualname: Str::from(name),
        module: Str::from(module),
        bases,
        dict: Default::default(),
        kind,
        frozen: true,
        statement: false,
        slots: None,
        metaclass: None,
    };
    Class::new(spec).unwrap_or_else(|_| unreachable!("the built-in hierarchy linearizes"))
}

/// The class of a built-in singleton (`...`, `NotImplemented`): no attributes can be set on
/// its one instance (it is shared by every run).
fn singleton_class(name: &str, object: &Rc<Class>) -> Rc<Class> {
    let spec = ClassSpec {
        name: Str::from(name),
        qualname: Str::from(name),
        module: Str::from("builtins"),
        bases: vec![object.clone()],
        dict: Default::default(),
        kind: BuiltinKind::Object,
        frozen: true,
        statement: false,
        slots: Some(Rc::from([])),
        metaclass: None,
    };
    Class::new(spec).unwrap_or_else(|_| unreachable!("one base always linearizes"))
}

impl Types {
    /// The class of the iterators named `name` in [`crate::iterators::ITERATOR_TYPES`].
    pub fn iterator_type(&self, name: &str) -> Rc<Class> {
        let index = crate::iterators::ITERATOR_TYPES.iter().position(|n| *n == name).expect("an iterator type");
        self.iterators[index].clone()
    }

    pub fn new() -> Types {
        let object = new_class("object", "builtins", None, BuiltinKind::Object);
        let b = |name: &str, kind| new_class(name, "builtins", Some(object.clone()), kind);
        let int = b("int", BuiltinKind::Int);
        let bool_ = new_class("bool", "builtins", Some(int.clone()), BuiltinKind::Bool);
        let mut exceptions: Vec<Rc<Class>> = Vec::with_capacity(Exc::ALL.len());
        for exc in Exc::ALL {
            let base_class = match exc.base() {
                Some(base) => exceptions[base as usize].clone(),
                None => object.clone(),
            };
            let class = if exc == Exc::ExceptionGroup {
                // `class ExceptionGroup(BaseExceptionGroup, Exception)`.
                let bases = vec![base_class, exceptions[Exc::Exception as usize].clone()];
                class_with_bases(exc.name(), exc.module(), bases, BuiltinKind::BaseException)
            } else {
                new_class(exc.name(), exc.module(), Some(base_class), BuiltinKind::BaseException)
            };
            exceptions.push(class);
        }
        let lock = new_class("lock", "_thread", Some(object.clone()), BuiltinKind::Lock);
        let rlock = new_class("RLock", "_thread", Some(object.clone()), BuiltinKind::RLock);
        let thread_error =
            new_class("error", "thread", Some(exceptions[Exc::Exception as usize].clone()), BuiltinKind::BaseException);
        let types = Types {
            type_: b("type", BuiltinKind::Type),
            none: b("NoneType", BuiltinKind::NoneType),
            bool_,
            int,
            float: b("float", BuiltinKind::Float),
            str_: b("str", BuiltinKind::Str),
            bytes: b("bytes", BuiltinKind::Bytes),
            bytearray: b("bytearray", BuiltinKind::ByteArray),
            tuple: b("tuple", BuiltinKind::Tuple),
            list: b("list", BuiltinKind::List),
            dict: b("dict", BuiltinKind::Dict),
            set: b("set", BuiltinKind::Set),
            frozenset: b("frozenset", BuiltinKind::Set),
            range: b("range", BuiltinKind::Range),
            slice: b("slice", BuiltinKind::Slice),
            function: b("function", BuiltinKind::Function),
            builtin_function: b("builtin_function_or_method", BuiltinKind::BuiltinFunction),
            method: b("method", BuiltinKind::Method),
            module: b("module", BuiltinKind::Module),
            iterators: crate::iterators::ITERATOR_TYPES
                .iter()
                .map(|&name| match name {
                    "_deque_iterator" => new_class(name, "_collections", Some(object.clone()), BuiltinKind::Iterator),
                    _ => b(name, BuiltinKind::Iterator),
                })
                .collect(),
            property: b("property", BuiltinKind::Property),
            lock,
            thread_error,
            rlock,
            local: new_class("_local", "_thread", Some(object.clone()), BuiltinKind::Local),
            ellipsis: singleton_class("ellipsis", &object),
            not_implemented: singleton_class("NotImplementedType", &object),
            traceback: b("traceback", BuiltinKind::Object),
            frame: b("frame", BuiltinKind::Object),
            code: b("code", BuiltinKind::Object),
            dict_views: {
                let plain = VIEW_KINDS.map(|kind| {
                    let class = b(kind.name(), BuiltinKind::DictView);
                    crate::dict_view::install_view_methods(&class, kind);
                    class
                });
                // An `OrderedDict`'s views subclass dict's.
                let ordered = VIEW_KINDS.map(|kind| {
                    let base = plain[kind as usize].clone();
                    new_class(kind.ordered_name(), "builtins", Some(base), BuiltinKind::DictView)
                });
                let ([keys, values, items], [odict_keys, odict_values, odict_items]) = (plain, ordered);
                [keys, values, items, odict_keys, odict_values, odict_items]
            },
            exceptions,
            object,
        };
        crate::methods::install(&types);
        crate::bytearray::install(&types);
        crate::modules::threading::install_classes(&types);
        crate::exceptions::install(&types);
        crate::exception_groups::install(&types);
        types
    }

    pub fn exception(&self, exc: Exc) -> Rc<Class> {
        self.exceptions[exc as usize].clone()
    }
}

/// A constant of the program as a run-time value.
pub fn const_value(c: &Const) -> Value {
    match c {
        Const::None => Value::None,
        Const::Bool(b) => Value::bool(*b),
        Const::Int(i) => Value::Int(*i),
        Const::Long { digits, radix } => match num_bigint::BigInt::parse_bytes(digits.as_bytes(), *radix) {
            Some(big) => crate::int::from_big(big),
            None => unreachable!("the compiler emits only valid digits"),
        },
        Const::Float(f) => Value::float(*f),
        Const::Str(s) => Value::str(s),
        Const::Bytes(b) => Value::Bytes(Bytes::from(&b[..])),
        Const::Tuple(items) => Value::tuple(items.iter().map(const_value).collect()),
        Const::Code(id) => Value::Int(i64::from(*id)),
    }
}

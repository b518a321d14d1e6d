//! Class statements: a body run in its own namespace, then a class built from it — bases
//! linearized by C3 (CPython's `type.__new__` and `mro()`), class keywords handed to the
//! nearest `__init_subclass__` (PEP 487), abstract methods collected as `abc.ABCMeta` does.
//! Invariant: a class made here has a consistent MRO and at most one built-in layout.

use crate::dict::Dict;
use crate::footprint::PyCell;
use crate::frame::ReturnMode;
use crate::native::{Args, Control};
use crate::value::{
    AttrMap, BuiltinKind, Class, ClassSpec, Descriptor, DescriptorKind, MroConflict, Str, Truth, Value,
};
use crate::{Exc, Thread, Vm};
use gilsim_core::PythonVersion;
use std::rc::Rc;

/// What the class statement said besides its body: the frame of the body carries it to the
/// body's return, where the class is built.
pub struct ClassHeader {
    pub name: Str,
    pub bases: Vec<Rc<Class>>,
    /// `metaclass=`, if not `type`.
    pub metaclass: Option<Rc<Class>>,
    /// The other keywords, for the metaclass and `__init_subclass__`.
    pub keywords: Vec<(Str, Value)>,
    /// The bases as written, when `__mro_entries__` replaced some (PEP 560): the class's
    /// `__orig_bases__`.
    pub orig_bases: Option<Value>,
}

/// What `type.__new__` makes a class of.
pub(crate) struct ClassParts<'n> {
    pub name: Str,
    pub bases: Vec<Rc<Class>>,
    pub namespace: &'n Rc<PyCell<Dict>>,
    /// The defining module, unless the namespace has `__module__`.
    pub module: Str,
    pub metaclass: Option<Rc<Class>>,
    pub keywords: Vec<(Str, Value)>,
}

/// Library classes CPython 3.9 made subscriptable in annotations (`__class_getitem__`, PEP 585),
/// and their subclasses.
const GENERIC_LIBRARY_CLASSES: &[&str] =
    &["Queue", "SimpleQueue", "Future", "deque", "defaultdict", "OrderedDict", "Counter", "ChainMap"];

/// The ABCs of `collections.abc` that 3.9 made subscriptable (all but `Hashable`, `Sized`
/// and `Buffer`).
const GENERIC_ABCS: &[&str] = &[
    "Awaitable",
    "Coroutine",
    "AsyncIterable",
    "AsyncIterator",
    "AsyncGenerator",
    "Iterable",
    "Iterator",
    "Reversible",
    "Generator",
    "Container",
    "Collection",
    "Callable",
    "Set",
    "MutableSet",
    "Mapping",
    "MappingView",
    "KeysView",
    "ItemsView",
    "ValuesView",
    "MutableMapping",
    "Sequence",
    "MutableSequence",
];

impl Vm {
    /// The nearest class on `class`'s MRO that no class statement made (the script's or the
    /// library's): the built-in whose layout its instances have.
    pub(crate) fn builtin_ancestor(&self, class: &Rc<Class>) -> Rc<Class> {
        std::iter::once(class).chain(class.mro.iter()).find(|c| !c.statement).unwrap_or(class).clone()
    }

    /// `class` statement: run the body in a fresh namespace; the class is built on return.
    /// Stack operands: the bases tuple and the keywords dict.
    pub(crate) fn build_class(
        &mut self,
        th: &mut Thread,
        body: Value,
        name: Value,
        bases: Value,
        keywords: Value,
    ) -> Result<(), Control> {
        let Value::Function(body) = body else { panic!("class body is a function") };
        let Value::Str(name) = name else { panic!("class name is a string") };
        let (bases, orig_bases) = self.resolve_mro_entries(th, bases)?;
        let bases = self.class_bases(&bases)?;
        let mut header = ClassHeader { name, bases, metaclass: None, keywords: Vec::new(), orig_bases };
        if let Value::Dict(keywords) = keywords {
            for (key, value) in keywords.borrow().iter() {
                let Value::Str(keyword) = &key.0 else { panic!("class keywords are names") };
                header.keywords.push((keyword.clone(), value.clone()));
            }
        }
        let explicit = match header.keywords.iter().position(|(k, _)| &**k == "metaclass") {
            Some(at) => Some(header.keywords.remove(at).1),
            None => None,
        };
        header.metaclass = self.metaclass_of(explicit.as_ref(), &header.bases)?;
        let namespace = Rc::new(PyCell::new(Dict::default()));
        let mode = ReturnMode::ClassBody(Box::new(header));
        let frame = self.bind_arguments(body, Args::default(), mode)?.with_namespace(namespace);
        th.push_frame(frame);
        Ok(())
    }

    /// PEP 560 (CPython's `update_bases`): each base that is not a class but has
    /// `__mro_entries__` is replaced by the items of the tuple it returns, given the bases as
    /// written; those are returned too when any was replaced.
    fn resolve_mro_entries(&mut self, th: &mut Thread, bases: Value) -> Result<(Value, Option<Value>), Control> {
        let Value::Tuple(items) = &bases else { return Ok((bases, None)) };
        if items.iter().all(|base| matches!(base, Value::Class(_))) {
            return Ok((bases, None));
        }
        let mut resolved = Vec::with_capacity(items.len());
        let mut replaced = false;
        for base in items.iter() {
            let Some(entries) = self.user_method(base, "__mro_entries__").filter(|_| !matches!(base, Value::Class(_)))
            else {
                resolved.push(base.clone());
                continue;
            };
            let method = Value::BoundMethod(Rc::new((base.clone(), entries)));
            match self.call_nested(th, method, Args::new(vec![bases.clone()]))? {
                Value::Tuple(new) => resolved.extend(new.iter().cloned()),
                _ => return Err(self.raise_msg(Exc::TypeError, "__mro_entries__ must return a tuple")),
            }
            replaced = true;
        }
        Ok(if replaced { (Value::tuple(resolved), Some(bases)) } else { (bases, None) })
    }

    pub(crate) fn class_bases(&mut self, bases: &Value) -> Result<Vec<Rc<Class>>, Control> {
        let items = match bases {
            Value::Tuple(items) => items.to_vec(),
            other => {
                let what = crate::builtins::type_name_of(other);
                return Err(self.raise_msg(Exc::TypeError, format!("bases must be a tuple, not {what}")));
            }
        };
        items
            .into_iter()
            .map(|base| match base {
                Value::Class(c) => Ok(c),
                other => {
                    let what = crate::builtins::type_name_of(&other);
                    let message = format!("gilsim classes must derive from a class, not '{what}'");
                    Err(self.raise_msg(Exc::TypeError, message))
                }
            })
            .collect()
    }

    /// `Class.name`: the class and its MRO, the attributes every class has, then its
    /// metaclass's attributes (bound to the class).
    pub(crate) fn class_attr(
        &mut self,
        th: &mut Thread,
        obj: &Value,
        class: &Rc<Class>,
        name: &str,
    ) -> Result<Value, Control> {
        match class.lookup(name) {
            Some(Value::Descriptor(d)) if d.kind == DescriptorKind::ClassMethod => {
                return Ok(Value::BoundMethod(Rc::new((obj.clone(), d.func.clone()))))
            }
            Some(Value::Descriptor(d)) if d.kind == DescriptorKind::StaticMethod => return Ok(d.func.clone()),
            // A descriptor object read from the class: `__get__(None, cls)`.
            Some(v) if matches!(v, Value::Instance(_)) && self.user_method(&v, "__get__").is_some() => {
                let get = self.user_method(&v, "__get__").expect("checked");
                return self.call_nested(th, get, Args::new(vec![v, Value::None, obj.clone()]));
            }
            Some(v) => return Ok(v),
            None => {}
        }
        match name {
            "__name__" => return Ok(Value::Str(class.name.clone())),
            "__qualname__" => return Ok(Value::Str(class.qualname.clone())),
            "__module__" => return Ok(Value::Str(class.module.clone())),
            "__base__" => return Ok(class.base().cloned().map_or(Value::None, Value::Class)),
            "__bases__" => return Ok(Value::tuple(class.bases.iter().cloned().map(Value::Class).collect())),
            "__mro__" => {
                let chain = std::iter::once(class).chain(class.mro.iter()).cloned().map(Value::Class).collect();
                return Ok(Value::tuple(chain));
            }
            "__class__" => return Ok(Value::Class(self.class_of(obj))),
            "__dict__" => return Ok(crate::call::attr_dict(&class.dict.borrow())),
            "__doc__" => return Ok(Value::None),
            _ => {}
        }
        if let Some(attr) = class.metaclass.as_ref().and_then(|m| m.lookup(name)) {
            return self.bind_attribute(th, obj, attr);
        }
        let message = format!("type object '{}' has no attribute '{name}'", class.type_name());
        let error = self.raise_msg(Exc::AttributeError, message);
        Err(self.missing(error, name, Some(obj)))
    }

    /// `Class[index]` without a metaclass `__getitem__`: the class's `__class_getitem__`
    /// (PEP 560: `Generic[T]`), or from 3.9 a built-in container's generic alias
    /// (`list[int]`, library/gilsim_union.py's `GenericAlias`).
    pub(crate) fn class_subscript(
        &mut self,
        th: &mut Thread,
        class: &Rc<Class>,
        index: &Value,
    ) -> Result<Value, Control> {
        if let Some(Value::Descriptor(hook)) = class.lookup("__class_getitem__") {
            let args = Args::new(vec![Value::Class(class.clone()), index.clone()]);
            return self.call_nested(th, hook.func.clone(), args);
        }
        let t = &self.types;
        let generic = [&t.list, &t.dict, &t.set, &t.frozenset, &t.tuple, &t.type_];
        let library_generic = || {
            std::iter::once(class).chain(&class.mro).any(|c| {
                (&*c.module != "__main__" && GENERIC_LIBRARY_CLASSES.contains(&&*c.name))
                    || (&*c.module == "collections.abc" && GENERIC_ABCS.contains(&&*c.name))
            })
        };
        if self.options.python >= PythonVersion::new(3, 9)
            && (generic.iter().any(|g| Rc::ptr_eq(g, class)) || library_generic())
        {
            // PEP 585 (`list[int]`, `queue.Queue[str]`): a `types.GenericAlias`.
            let make = self.library_attr(th, "_gilsim_union", "generic_alias")?;
            return self.call_nested(th, make, Args::new(vec![Value::Class(class.clone()), index.clone()]));
        }
        let message = if self.options.python >= PythonVersion::new(3, 11) {
            format!("type '{}' is not subscriptable", class.name)
        } else {
            "'type' object is not subscriptable".to_string()
        };
        Err(self.raise_msg(Exc::TypeError, message))
    }

    /// The name of the module whose code runs on top of `th` (`type_new`'s `__module__`).
    pub(crate) fn current_module_name(&self, th: &Thread) -> Str {
        match th.frames.last() {
            Some(frame) => Str::from(self.program.module_of(frame.code).name.as_str()),
            None => Str::from("__main__"),
        }
    }

    /// The most derived of the explicit metaclass and the bases' (CPython's
    /// `_PyType_CalculateMetaclass`); `None` for `type`.
    pub(crate) fn metaclass_of(
        &mut self,
        explicit: Option<&Value>,
        bases: &[Rc<Class>],
    ) -> Result<Option<Rc<Class>>, Control> {
        let type_ = self.types.type_.clone();
        let mut winner = match explicit {
            None => type_.clone(),
            Some(Value::Class(c)) if c.is_subclass_of(&type_) => c.clone(),
            Some(_) => {
                let message = "gilsim supports metaclasses that are classes derived from type (docs/language.md)";
                return Err(self.raise_msg(Exc::TypeError, message));
            }
        };
        for base in bases {
            let candidate = base.metaclass.clone().unwrap_or_else(|| type_.clone());
            if winner.is_subclass_of(&candidate) {
                continue;
            }
            if !candidate.is_subclass_of(&winner) {
                let message = "metaclass conflict: the metaclass of a derived class must be a (non-strict) \
                               subclass of the metaclasses of all its bases";
                return Err(self.raise_msg(Exc::TypeError, message));
            }
            winner = candidate;
        }
        Ok((!Rc::ptr_eq(&winner, &type_)).then_some(winner))
    }

    /// The class statement's body has run: `Meta(name, bases, namespace, **keywords)` — the
    /// metaclass's Python `__new__` if it has one, else `type.__new__` — then its `__init__`.
    pub(crate) fn finish_class(
        &mut self,
        th: &mut Thread,
        header: ClassHeader,
        namespace: &Rc<PyCell<Dict>>,
        module: Str,
    ) -> Result<Value, Control> {
        let ClassHeader { name, bases, metaclass, keywords, orig_bases } = header;
        if let Some(orig) = orig_bases {
            namespace.borrow_mut().insert(crate::dict::Key(Value::str("__orig_bases__")), orig);
        }
        let Some(meta) = metaclass else {
            return self.make_class(th, ClassParts { name, bases, namespace, module, metaclass: None, keywords });
        };
        // As CPython's class bodies do, the namespace names its module (a metaclass defined
        // elsewhere builds the class from its own module's code).
        let module_key = crate::dict::Key(Value::str("__module__"));
        namespace.borrow_mut().entry(module_key).or_insert_with(|| Value::Str(module.clone()));
        let meta_args = |keywords: Vec<(Str, Value)>| Args {
            pos: vec![
                Value::Str(name.clone()),
                Value::tuple(bases.iter().cloned().map(Value::Class).collect()),
                Value::Dict(namespace.clone()),
            ],
            kw: keywords,
        };
        let class = match python_method(&meta, "__new__") {
            Some(new) => {
                let mut args = meta_args(keywords.clone());
                args.pos.insert(0, Value::Class(meta.clone()));
                self.call_nested(th, new, args)?
            }
            None => {
                let parts = ClassParts {
                    name: name.clone(),
                    bases: bases.clone(),
                    namespace,
                    module,
                    metaclass: Some(meta.clone()),
                    keywords: keywords.clone(),
                };
                self.make_class(th, parts)?
            }
        };
        if let (Some(init), Value::Class(_)) = (python_method(&meta, "__init__"), &class) {
            let mut args = meta_args(keywords);
            args.pos.insert(0, class.clone());
            self.call_nested(th, init, args)?;
        }
        Ok(class)
    }

    /// `Meta(name, bases, namespace, **keywords)` called directly.
    pub(crate) fn call_metaclass(&mut self, th: &mut Thread, meta: Rc<Class>, args: Args) -> Result<Value, Control> {
        let [Value::Str(name), bases, Value::Dict(namespace)] = args.pos.as_slice() else {
            let message = format!("{}() takes a name, a tuple of bases and a dict", meta.qualname);
            return Err(self.raise_msg(Exc::TypeError, message));
        };
        let bases = self.class_bases(bases)?;
        let metaclass = self.metaclass_of(Some(&Value::Class(meta)), &bases)?;
        let module = self.current_module_name(th);
        let header = ClassHeader { name: name.clone(), bases, metaclass, keywords: args.kw, orig_bases: None };
        self.finish_class(th, header, namespace, module)
    }

    /// `type.__new__`: a class from a namespace (CPython's `type_new`).
    pub(crate) fn make_class(&mut self, th: &mut Thread, parts: ClassParts<'_>) -> Result<Value, Control> {
        let mut dict = AttrMap::default();
        let mut module = parts.module;
        let mut qualname = None;
        for (k, v) in parts.namespace.borrow().iter() {
            if let Value::Str(s) = &k.0 {
                match (&**s, v) {
                    ("__module__", Value::Str(m)) => module = m.clone(),
                    ("__qualname__", Value::Str(q)) => qualname = Some(q.clone()),
                    ("__init_subclass__" | "__class_getitem__", Value::Function(_)) => {
                        // Implicitly class methods (PEP 487, PEP 560).
                        let method = Descriptor::new(DescriptorKind::ClassMethod, v.clone());
                        dict.insert(s.clone(), Value::Descriptor(Rc::new(method)));
                    }
                    _ => {
                        dict.insert(s.clone(), v.clone());
                    }
                }
            }
        }
        if matches!(dict.get("__getattribute__"), Some(Value::Function(_))) {
            self.getattribute_hooks = true;
        }
        // Python 3: a class that defines `__eq__` but not `__hash__` is unhashable.
        if self.options.python.major >= 3 && dict.contains_key("__eq__") && !dict.contains_key("__hash__") {
            dict.insert(Str::from("__hash__"), Value::None);
        }
        let ClassParts { name, mut bases, metaclass, keywords, .. } = parts;
        let kind = self.layout_of(&bases)?;
        if bases.is_empty() {
            bases.push(self.types.object.clone());
        }
        let slots = self.slots_of(&dict, &bases)?;
        let abstract_base = metaclass.as_ref().is_some_and(is_abc_meta);
        let spec = ClassSpec {
            name: name.clone(),
            qualname: qualname.unwrap_or(name),
            module,
            bases,
            dict,
            kind,
            frozen: false,
            statement: true,
            slots,
            metaclass,
        };
        let class = Class::new(spec).map_err(|conflict| self.mro_error(conflict))?;
        for v in class.dict.borrow().values() {
            let func = match v {
                Value::Function(f) => Some(f.clone()),
                Value::Descriptor(d) => match &d.func {
                    Value::Function(f) => Some(f.clone()),
                    _ => None,
                },
                _ => None,
            };
            if let Some(f) = func {
                crate::run_shared::before_function_write(&f);
                *f.owner.borrow_mut() = Some(class.clone());
            }
        }
        if abstract_base {
            let names = self.abstract_methods(th, &class)?;
            class.dict.borrow_mut().insert(Str::from("__abstractmethods__"), names);
            crate::value::class_changed();
        }
        self.set_names(th, &class)?;
        self.init_subclass(th, &class, keywords)?;
        Ok(Value::Class(class))
    }

    /// `__set_name__(owner, name)` of each attribute whose class defines it, in the order of
    /// the class body (PEP 487; `type.__new__` does this before `__init_subclass__`).
    fn set_names(&mut self, th: &mut Thread, class: &Rc<Class>) -> Result<(), Control> {
        let attrs: Vec<(Str, Value)> = class.dict.borrow().iter().map(|(k, v)| (k.clone(), v.clone())).collect();
        for (name, value) in attrs {
            if let Some(hook) = self.user_method(&value, "__set_name__") {
                let args = Args::new(vec![value, Value::Class(class.clone()), Value::str(&name)]);
                self.call_nested(th, hook, args)?;
            }
        }
        Ok(())
    }

    /// The attributes instances may have when the class and every base declare `__slots__`
    /// (`object` declares none and has no `__dict__`); `None` when instances have a `__dict__`.
    fn slots_of(&mut self, dict: &AttrMap, bases: &[Rc<Class>]) -> Result<Option<Rc<[Str]>>, Control> {
        let names = match dict.get("__slots__") {
            None => return Ok(None),
            Some(Value::Str(name)) => vec![name.clone()],
            Some(Value::Tuple(items)) => items.iter().cloned().map(|v| self.slot_name(v)).collect::<Result<_, _>>()?,
            Some(Value::List(items)) => {
                let items = items.borrow().clone();
                items.into_iter().map(|v| self.slot_name(v)).collect::<Result<_, _>>()?
            }
            Some(_) => {
                let message = "gilsim supports __slots__ as a str, tuple or list of names";
                return Err(self.raise_msg(Exc::TypeError, message));
            }
        };
        // Built-in bases whose instances have no `__dict__` of their own.
        let t = &self.types;
        let dictless = [&t.object, &t.dict, &t.list, &t.tuple, &t.str_, &t.int, &t.float];
        let mut all: Vec<Str> = Vec::new();
        for base in bases {
            match &base.slots {
                Some(inherited) => all.extend(inherited.iter().cloned()),
                None if dictless.iter().any(|t| Rc::ptr_eq(base, t)) => {}
                None => return Ok(None),
            }
        }
        if names.iter().any(|n| &**n == "__dict__") {
            return Ok(None);
        }
        all.extend(names);
        Ok(Some(all.into()))
    }

    fn slot_name(&mut self, value: Value) -> Result<Str, Control> {
        match value {
            Value::Str(name) => Ok(name),
            other => {
                let what = crate::builtins::type_name_of(&other);
                Err(self.raise_msg(Exc::TypeError, format!("__slots__ items must be strings, not '{what}'")))
            }
        }
    }

    /// The built-in behaviour the bases give: at most one kind besides plain `object`.
    fn layout_of(&mut self, bases: &[Rc<Class>]) -> Result<BuiltinKind, Control> {
        let mut kinds = bases.iter().map(|b| b.kind).filter(|k| *k != BuiltinKind::Object);
        let kind = kinds.next().unwrap_or(BuiltinKind::Object);
        if kinds.any(|k| k != kind) {
            return Err(self.raise_msg(Exc::TypeError, "multiple bases have instance lay-out conflict"));
        }
        Ok(kind)
    }

    fn mro_error(&mut self, conflict: MroConflict) -> Control {
        let message = match conflict {
            MroConflict::Duplicate(name) => format!("duplicate base class {name}"),
            MroConflict::Inconsistent(names) => {
                let gap = if self.options.python >= PythonVersion::new(3, 13) { " " } else { "\n" };
                format!("Cannot create a consistent method resolution{gap}order (MRO) for bases {}", names.join(", "))
            }
        };
        self.raise_msg(Exc::TypeError, message)
    }

    /// `__init_subclass__` of the nearest base that has one (`object`'s at least), with the
    /// class keywords.
    fn init_subclass(
        &mut self,
        th: &mut Thread,
        class: &Rc<Class>,
        keywords: Vec<(Str, Value)>,
    ) -> Result<(), Control> {
        let cls = Value::Class(class.clone());
        match class.lookup_after(class, "__init_subclass__") {
            // `object.__init_subclass__()` without keywords does nothing.
            Some(Value::Descriptor(hook)) if keywords.is_empty() && matches!(hook.func, Value::Native(_)) => Ok(()),
            Some(Value::Descriptor(hook)) if hook.kind == DescriptorKind::ClassMethod => {
                self.call_nested(th, hook.func.clone(), Args { pos: vec![cls], kw: keywords }).map(|_| ())
            }
            Some(other) => self.call_nested(th, other, Args { pos: vec![], kw: keywords }).map(|_| ()),
            None => Ok(()),
        }
    }

    /// `__abstractmethods__` of an abstract base: its abstract attributes and the inherited
    /// ones it does not implement, as a frozenset of names.
    fn abstract_methods(&mut self, th: &mut Thread, class: &Rc<Class>) -> Result<Value, Control> {
        let mut names: Vec<Str> =
            class.dict.borrow().iter().filter(|(_, v)| is_abstract(v)).map(|(k, _)| k.clone()).collect();
        for base in &class.bases {
            let Some(Value::Set(inherited)) = base.lookup("__abstractmethods__") else { continue };
            for key in inherited.borrow().iter() {
                let Value::Str(name) = &key.0 else { continue };
                if !names.contains(name) && class.lookup(name).is_some_and(|v| is_abstract(&v)) {
                    names.push(name.clone());
                }
            }
        }
        names.sort();
        let set: crate::dict::PySet = names.into_iter().map(|n| crate::dict::Key(Value::Str(n))).collect();
        self.freeze(th, set)
    }

    /// `Class()` of an abstract class: CPython's `object_new` message for the version.
    pub(crate) fn check_not_abstract(&mut self, class: &Rc<Class>) -> Result<(), Control> {
        if !class.has_hook(crate::value::Hooks::ABSTRACT) {
            return Ok(());
        }
        let Some(Value::Set(names)) = class.lookup("__abstractmethods__") else { return Ok(()) };
        let mut names: Vec<String> = names
            .borrow()
            .iter()
            .filter_map(|k| match &k.0 {
                Value::Str(s) => Some(s.to_string()),
                _ => None,
            })
            .collect();
        // CPython lists them sorted (a set's order would vary with the strings' hashes).
        names.sort();
        if names.is_empty() {
            return Ok(());
        }
        let version = self.options.python;
        let plural = if names.len() > 1 || version < PythonVersion::new(3, 9) { "s" } else { "" };
        let message = if version >= PythonVersion::new(3, 12) {
            let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
            format!(
                "Can't instantiate abstract class {} without an implementation for abstract method{plural} {}",
                class.name,
                quoted.join(", ")
            )
        } else {
            format!("Can't instantiate abstract class {} with abstract method{plural} {}", class.name, names.join(", "))
        };
        Err(self.raise_msg(Exc::TypeError, message))
    }
}

/// `abc.abstractmethod` marked it (`__isabstractmethod__`), directly or under a property,
/// classmethod or staticmethod.
fn is_abstract(value: &Value) -> bool {
    match value {
        Value::Function(f) => {
            f.attrs.borrow().get("__isabstractmethod__").is_some_and(|v| matches!(v, Value::Bool(Truth::True)))
        }
        Value::Descriptor(d) => is_abstract(&d.func),
        _ => false,
    }
}

/// A method a metaclass defines in Python (along its MRO, `type`'s own natives excluded).
pub(crate) fn python_method(class: &Rc<Class>, name: &str) -> Option<Value> {
    match class.lookup(name)? {
        f @ Value::Function(_) => Some(f),
        Value::Descriptor(d) if d.kind == DescriptorKind::StaticMethod && matches!(d.func, Value::Function(_)) => {
            Some(d.func.clone())
        }
        _ => None,
    }
}

/// `abc.ABCMeta` or a metaclass derived from it: its classes keep `__abstractmethods__`.
fn is_abc_meta(metaclass: &Rc<Class>) -> bool {
    std::iter::once(metaclass).chain(metaclass.mro.iter()).any(|c| &*c.module == "abc" && &*c.name == "ABCMeta")
}

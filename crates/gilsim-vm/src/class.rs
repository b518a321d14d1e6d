//! Class statements: a body run in its own namespace, then a class built from it — bases
//! linearized by C3 (CPython's `type.__new__` and `mro()`), class keywords handed to the
//! nearest `__init_subclass__` (PEP 487), abstract methods collected as `abc.ABCMeta` does.
//! Invariant: a class made here has a consistent MRO and at most one built-in layout.

use crate::dict::Dict;
use crate::footprint::PyCell;
use crate::frame::ReturnMode;
use crate::native::{Args, Control};
use crate::value::{AttrMap, BuiltinKind, Class, ClassSpec, Descriptor, DescriptorKind, MroConflict, Str, Value};
use crate::{Exc, Thread, Vm};
use gilsim_core::PythonVersion;
use std::cell::RefCell;
use std::rc::Rc;

/// What the class statement said besides its body: the frame of the body carries it to the
/// body's return, where the class is built.
pub struct ClassHeader {
    pub name: Str,
    pub bases: Vec<Rc<Class>>,
    /// `metaclass=abc.ABCMeta`: the class keeps `__abstractmethods__`.
    pub abstract_base: bool,
    /// The other keywords, for `__init_subclass__`.
    pub keywords: Vec<(Str, Value)>,
}

impl Vm {
    /// The nearest class on `class`'s MRO that a script did not define.
    pub(crate) fn builtin_ancestor(&self, class: &Rc<Class>) -> Rc<Class> {
        std::iter::once(class).chain(class.mro.iter()).find(|c| &*c.module != "__main__").unwrap_or(class).clone()
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
        let Value::Tuple(base_values) = bases else { panic!("class bases are a tuple") };
        let mut bases = Vec::with_capacity(base_values.len());
        for base in base_values.iter() {
            match base {
                Value::Class(c) => bases.push(c.clone()),
                other => {
                    let what = crate::builtins::type_name_of(other);
                    let message = format!("gilsim classes must derive from a class, not '{what}'");
                    return Err(self.raise_msg(Exc::TypeError, message));
                }
            }
        }
        let mut header = ClassHeader { name, bases, abstract_base: false, keywords: Vec::new() };
        if let Value::Dict(keywords) = keywords {
            for (key, value) in keywords.borrow().iter() {
                let Value::Str(keyword) = &key.0 else { panic!("class keywords are names") };
                header.keywords.push((keyword.clone(), value.clone()));
            }
        }
        if let Some(at) = header.keywords.iter().position(|(k, _)| &**k == "metaclass") {
            let (_, metaclass) = header.keywords.remove(at);
            header.abstract_base = self.accept_metaclass(&metaclass)?;
        }
        let namespace = Rc::new(PyCell::new(Dict::default()));
        let mode = ReturnMode::ClassBody(Box::new(header));
        let frame = self.bind_arguments(body, Args::default(), mode)?.with_namespace(namespace);
        th.frames.push(frame);
        Ok(())
    }

    /// gilsim has no metaclasses of its own: `type` and `abc.ABCMeta` are what scripts pass.
    /// Whether the class is an abstract base.
    fn accept_metaclass(&mut self, metaclass: &Value) -> Result<bool, Control> {
        match metaclass {
            Value::Native(f) if f.name == "type" => Ok(false),
            Value::Class(c) if &*c.module == "abc" && &*c.name == "ABCMeta" => Ok(true),
            _ => Err(self
                .raise_msg(Exc::TypeError, "gilsim supports no metaclass but type and abc.ABCMeta (docs/language.md)")),
        }
    }

    /// Build a class from its body's namespace. `module` is the defining module's name,
    /// unless the body assigns `__module__`.
    pub(crate) fn finish_class(
        &mut self,
        th: &mut Thread,
        header: ClassHeader,
        namespace: &Rc<PyCell<Dict>>,
        module: Str,
    ) -> Result<Value, Control> {
        let mut dict = AttrMap::default();
        let mut module = module;
        for (k, v) in namespace.borrow().iter() {
            if let Value::Str(s) = &k.0 {
                match (&**s, v) {
                    ("__module__", Value::Str(m)) => module = m.clone(),
                    ("__init_subclass__", Value::Function(_)) => {
                        // Implicitly a class method (PEP 487).
                        let method = Descriptor {
                            kind: DescriptorKind::ClassMethod,
                            func: v.clone(),
                            setter: RefCell::new(None),
                        };
                        dict.insert(s.clone(), Value::Descriptor(Rc::new(method)));
                    }
                    _ => {
                        dict.insert(s.clone(), v.clone());
                    }
                }
            }
        }
        // Python 3: a class that defines `__eq__` but not `__hash__` is unhashable.
        if self.options.python.major >= 3 && dict.contains_key("__eq__") && !dict.contains_key("__hash__") {
            dict.insert(Str::from("__hash__"), Value::None);
        }
        let ClassHeader { name, mut bases, abstract_base, keywords } = header;
        let kind = self.layout_of(&bases)?;
        if bases.is_empty() {
            bases.push(self.types.object.clone());
        }
        let slots = self.slots_of(&dict, &bases)?;
        let spec = ClassSpec { name: name.clone(), qualname: name, module, bases, dict, kind, frozen: false, slots };
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
                *f.owner.borrow_mut() = Some(class.clone());
            }
        }
        if abstract_base || class.lookup("__abstractmethods__").is_some() {
            let names = self.abstract_methods(&class);
            class.dict.borrow_mut().insert(Str::from("__abstractmethods__"), names);
        }
        self.init_subclass(th, &class, keywords)?;
        Ok(Value::Class(class))
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
        let mut all: Vec<Str> = Vec::new();
        for base in bases {
            match &base.slots {
                Some(inherited) => all.extend(inherited.iter().cloned()),
                None if Rc::ptr_eq(base, &self.types.object) => {}
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
            Some(Value::Descriptor(hook)) if hook.kind == DescriptorKind::ClassMethod => {
                self.call_nested(th, hook.func.clone(), Args { pos: vec![cls], kw: keywords }).map(|_| ())
            }
            Some(other) => self.call_nested(th, other, Args { pos: vec![], kw: keywords }).map(|_| ()),
            None => Ok(()),
        }
    }

    /// `__abstractmethods__` of an abstract base: its abstract attributes and the inherited
    /// ones it does not implement, as a set of names.
    fn abstract_methods(&self, class: &Rc<Class>) -> Value {
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
        Value::Set(Rc::new(PyCell::new(set)))
    }

    /// `Class()` of an abstract class: CPython's `object_new` message for the version.
    pub(crate) fn check_not_abstract(&mut self, class: &Rc<Class>) -> Result<(), Control> {
        let Some(Value::Set(names)) = class.lookup("__abstractmethods__") else { return Ok(()) };
        let names: Vec<String> = names
            .borrow()
            .iter()
            .filter_map(|k| match &k.0 {
                Value::Str(s) => Some(s.to_string()),
                _ => None,
            })
            .collect();
        if names.is_empty() {
            return Ok(());
        }
        let version = self.options.python;
        let plural = if names.len() > 1 || version < PythonVersion::new(3, 9) { "s" } else { "" };
        let message = if version >= PythonVersion::new(3, 12) {
            let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
            format!(
                "Can't instantiate abstract class {} without an implementation for abstract method{plural} {}",
                class.qualname,
                quoted.join(", ")
            )
        } else {
            format!(
                "Can't instantiate abstract class {} with abstract method{plural} {}",
                class.qualname,
                names.join(", ")
            )
        };
        Err(self.raise_msg(Exc::TypeError, message))
    }
}

/// `abc.abstractmethod` marked it (`__isabstractmethod__`), directly or under a property,
/// classmethod or staticmethod.
fn is_abstract(value: &Value) -> bool {
    match value {
        Value::Function(f) => {
            f.attrs.borrow().get("__isabstractmethod__").is_some_and(|v| matches!(v, Value::Bool(true)))
        }
        Value::Descriptor(d) => is_abstract(&d.func),
        _ => false,
    }
}

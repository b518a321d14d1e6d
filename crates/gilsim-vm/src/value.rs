//! Values and heap objects. A run is single-threaded at the Rust level (simulated threads are
//! interleaved by the runtime), so objects are `Rc` + `RefCell`; nothing here is shared across
//! runs — the immutable [`gilsim_bytecode::Program`] is.

use crate::dict::{Dict, Key, Name, PySet};
use crate::footprint::PyCell;
pub use crate::iterators::IterState;
use crate::native::NativeFn;
use crate::sync::{LockState, ThreadData};
use gilsim_bytecode::CodeId;
use indexmap::IndexMap;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

pub use crate::words::{Bytes, FloatBits, Str, Truth};
pub type AttrMap = IndexMap<Str, Value, crate::dict::FixedState>;

/// A Python value.
#[derive(Clone, Default)]
pub enum Value {
    /// An unbound local or global slot (never visible to scripts).
    #[default]
    Undefined,
    None,
    Bool(Truth),
    Int(i64),
    /// An int that does not fit in an i64 (see [`crate::int`]).
    Long(Rc<num_bigint::BigInt>),
    Float(FloatBits),
    Str(Str),
    /// `bytes`: an immutable byte string (see [`crate::bytes`]).
    Bytes(Bytes),
    /// `bytearray`: a mutable byte string (see [`crate::bytearray`]).
    ByteArray(Rc<PyCell<Vec<u8>>>),
    Tuple(Rc<Items>),
    List(Rc<PyCell<Vec<Value>>>),
    Dict(Rc<PyCell<Dict>>),
    Set(Rc<PyCell<PySet>>),
    Range(Rc<RangeObj>),
    Slice(Rc<[Value; 3]>),
    Function(Rc<Function>),
    Native(&'static NativeFn),
    BoundMethod(Rc<(Value, Value)>),
    Class(Rc<Class>),
    Instance(Rc<Instance>),
    Module(Rc<Module>),
    Iterator(Rc<PyCell<IterState>>),
    /// `dict.keys()`, `dict.values()`, `dict.items()`.
    View(Rc<crate::dict_view::DictView>),
    Cell(Rc<PyCell<Value>>),
    /// `property`, `staticmethod`, `classmethod` wrappers.
    Descriptor(Rc<Descriptor>),
}

/// A tuple's items. They are freed through [`crate::trashcan`], so that a tuple nested a
/// million deep frees without deep recursion.
#[derive(Clone, Default)]
pub struct Items(pub Vec<Value>);

impl std::ops::Deref for Items {
    type Target = Vec<Value>;
    fn deref(&self) -> &Vec<Value> {
        &self.0
    }
}

impl Drop for Items {
    fn drop(&mut self) {
        crate::trashcan::dispose(std::mem::take(&mut self.0));
    }
}

/// A `range`. Bounds are i128 so that ranges past the i64 values (`range(2**62, 2**64, 2**62)`)
/// work; CPython's are unbounded, but such ranges are rare and i128 arithmetic never overflows
/// on i64-sized ones.
#[derive(Debug)]
pub struct RangeObj {
    pub start: i128,
    pub stop: i128,
    pub step: i128,
}

impl RangeObj {
    /// How many items (may exceed what `len()` can return: see [`crate::int`]).
    pub fn len(&self) -> i128 {
        if self.step > 0 && self.start < self.stop {
            (self.stop - self.start - 1) / self.step + 1
        } else if self.step < 0 && self.start > self.stop {
            (self.start - self.stop - 1) / (-self.step) + 1
        } else {
            0
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// An int value of an i128 (a `Long` past i64).
pub fn int_value(i: i128) -> Value {
    match i64::try_from(i) {
        Ok(small) => Value::Int(small),
        Err(_) => crate::int::from_big(num_bigint::BigInt::from(i)),
    }
}

/// A Python function: code plus the defaults and closure captured when `def` ran.
pub struct Function {
    pub code: CodeId,
    /// Its code is a generator's: a call makes a generator object.
    pub is_generator: bool,
    /// It stands in for a function CPython writes in C, and shows itself as a built-in one
    /// (`gilsim_bytecode::CodeFlags::builtin_function`, [`crate::builtin_functions`]).
    pub presents_as_builtin: bool,
    pub name: Str,
    pub qualname: Str,
    pub defaults: Vec<Value>,
    pub kw_defaults: Vec<(Str, Value)>,
    pub closure: Vec<Rc<PyCell<Value>>>,
    /// The class whose body defined this function (for zero-argument `super()`).
    pub owner: RefCell<Option<Rc<Class>>>,
    /// Attributes a script set (`f.calls = 0`, `functools.wraps`'s `__wrapped__`, `__name__`,
    /// `abc.abstractmethod`'s `__isabstractmethod__`); they shadow the fields above.
    pub attrs: PyCell<AttrMap>,
    /// Shared by the runs resumed from a prefix ([`crate::run_shared`]).
    pub(crate) sharing: Cell<crate::run_shared::Sharing>,
}

impl Function {
    /// `__qualname__`, as `functools.wraps` may have set it.
    pub fn current_qualname(&self) -> Str {
        match self.attrs.borrow().get("__qualname__") {
            Some(Value::Str(s)) => s.clone(),
            _ => self.qualname.clone(),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DescriptorKind {
    Property,
    StaticMethod,
    ClassMethod,
}

/// A property, static method or class method. `func` is the getter of a property (None: it
/// has none) and the function of the others.
pub struct Descriptor {
    pub kind: DescriptorKind,
    pub func: Value,
    pub setter: Option<Value>,
    pub deleter: Option<Value>,
    /// A property's `doc` argument (without one, its `__doc__` is the getter's).
    pub doc: Option<Value>,
}

impl Descriptor {
    pub fn new(kind: DescriptorKind, func: Value) -> Descriptor {
        Descriptor { kind, func, setter: None, deleter: None, doc: None }
    }

    /// A property with its getter, setter and deleter (CPython's are immutable: `@x.setter`
    /// makes a new one).
    pub fn property(getter: Value, setter: Option<Value>, deleter: Option<Value>) -> Descriptor {
        Descriptor { kind: DescriptorKind::Property, func: getter, setter, deleter, doc: None }
    }
}

/// What built-in behaviour a class (or its nearest built-in ancestor) has.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BuiltinKind {
    Object,
    Type,
    NoneType,
    Bool,
    Int,
    Float,
    Str,
    Bytes,
    ByteArray,
    Tuple,
    List,
    Dict,
    Set,
    Range,
    Slice,
    Function,
    BuiltinFunction,
    Method,
    Module,
    Iterator,
    Property,
    BaseException,
    Thread,
    Lock,
    RLock,
    Local,
    DictView,
}

/// A class. Built-in types are classes too, so `isinstance`, `type()` and subclassing treat
/// them uniformly. Invariant: `mro` is the C3 linearization of `bases` (Python 2.3+'s
/// method resolution order), so every lookup walks the class and then `mro` in order.
pub struct Class {
    pub name: Str,
    pub qualname: Str,
    /// `__module__`: "builtins", "threading", "__main__", ...
    pub module: Str,
    /// `__bases__`, in the order the class statement lists them.
    pub bases: Vec<Rc<Class>>,
    /// `__mro__` without the class itself.
    pub mro: Vec<Rc<Class>>,
    pub dict: PyCell<AttrMap>,
    pub kind: BuiltinKind,
    /// A built-in (C) type such as `int` or `_thread.lock`: setting or deleting its attributes
    /// raises TypeError, as in CPython. Frozen classes are shared by the runs of one worker
    /// (see [`crate::Image`]), so this is also what keeps one run from leaking into the next.
    pub frozen: bool,
    /// Made by a class statement (the script's or the library's): its instances take their
    /// layout from the first class on its MRO that was not (see `Vm::builtin_ancestor`).
    pub statement: bool,
    /// `__slots__` of the class and its bases when every Python class on its MRO has them:
    /// its instances take no other attribute and have no `__dict__`.
    pub slots: Option<Rc<[Str]>>,
    /// The class's class when it is not `type` (`metaclass=Meta`, or a base's).
    pub metaclass: Option<Rc<Class>>,
    /// As of a class epoch: which [`Hooks`] were looked up, and which are there.
    hooks: Cell<(u64, Hooks, Hooks)>,
    /// Shared by the runs resumed from a prefix ([`crate::run_shared`]).
    pub(crate) sharing: Cell<crate::run_shared::Sharing>,
    /// The most attributes an instance's dict has held (up to [`Class::MAX_PRESIZED`]): a new
    /// instance's dict is made that large, as CPython 3.11 sizes an instance's values for
    /// the keys its class's instances share (PEP 659's `LOAD_ATTR_INSTANCE_VALUE` layout).
    /// A capacity only: nothing a script sees.
    pub(crate) instance_attrs: Cell<u32>,
}

thread_local! {
    /// Bumped whenever a class's dict changes after the class was made: every cached
    /// [`Hooks`] is stale then (a base's change reaches its subclasses). Also bumped as each
    /// recorded step begins ([`forget_class_lookups`]).
    static CLASS_EPOCH: Cell<u64> = const { Cell::new(1) };
}

/// A class's attributes were set or deleted (see [`Class::hooks`] and
/// [`crate::lookup_cache`]).
pub fn class_changed() {
    CLASS_EPOCH.with(|epoch| epoch.set(epoch.get() + 1));
}

/// Make every cached class lookup miss once more: a step of a thread starts being recorded
/// for partial-order reduction ([`crate::footprint`]). A hit answers without reading the
/// class dicts along the MRO that the lookup depends on, so a step whose lookups all hit
/// would look independent of a thread that sets an attribute on one of those classes (a
/// method on a subclass, a `__setattr__`, a property). After this, a step's first lookup of
/// each name reads them, and its later hits depend on nothing that step has not read.
pub(crate) fn forget_class_lookups() {
    class_changed();
}

/// The current class epoch: equal epochs mean no class's dict changed in between.
#[inline]
pub fn class_epoch() -> u64 {
    CLASS_EPOCH.with(Cell::get)
}

/// Rarely defined hooks a class's MRO may have in Python — each looked up once per class
/// (and again after any class changes), not on every attribute store or instantiation.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Hooks(u16);

impl Hooks {
    pub const SETATTR: Hooks = Hooks(1);
    pub const DELATTR: Hooks = Hooks(2);
    pub const GETATTR: Hooks = Hooks(4);
    pub const NEW: Hooks = Hooks(8);
    pub const ABSTRACT: Hooks = Hooks(16);
    pub const DEL: Hooks = Hooks(32);
    /// Not a hook: some attribute along the MRO is a data descriptor
    /// ([`Value::is_data_descriptor`]), so an instance's own dict may not have the last word.
    pub const DATA_DESCRIPTORS: Hooks = Hooks(64);
    /// Not a hook: some attribute along the MRO takes stores to the instance attribute of
    /// its name ([`Value::takes_stores`]), so `obj.name = v` must look the name up.
    pub const STORE_DESCRIPTORS: Hooks = Hooks(128);
    /// A Python `__getattribute__` (every attribute read goes through it).
    pub const GETATTRIBUTE: Hooks = Hooks(256);

    pub fn has(self, hook: Hooks) -> bool {
        self.0 & hook.0 != 0
    }
}

/// Why a class statement's bases cannot be linearized.
pub enum MroConflict {
    /// `class C(A, A)`.
    Duplicate(Str),
    /// No order keeps every base's MRO (`class C(A, B)` where B derives from A): the bases' names.
    Inconsistent(Vec<Str>),
}

/// What a new class is made of.
pub struct ClassSpec {
    pub name: Str,
    pub qualname: Str,
    pub module: Str,
    pub bases: Vec<Rc<Class>>,
    pub dict: AttrMap,
    pub kind: BuiltinKind,
    pub frozen: bool,
    pub statement: bool,
    pub slots: Option<Rc<[Str]>>,
    pub metaclass: Option<Rc<Class>>,
}

/// The classes of gilsim's library that CPython 3 writes in C, by module and name.
const C_TYPES: [(&str, &str); 23] = [
    ("array", "array"),
    ("collections", "deque"),
    ("collections", "defaultdict"),
    ("collections", "OrderedDict"),
    ("functools", "partial"),
    ("functools", "KeyWrapper"),
    ("re", "Pattern"),
    ("re", "Match"),
    ("_io", "StringIO"),
    ("_io", "BytesIO"),
    ("_queue", "SimpleQueue"),
    ("datetime", "date"),
    ("datetime", "datetime"),
    ("datetime", "time"),
    ("datetime", "timedelta"),
    ("datetime", "timezone"),
    ("datetime", "tzinfo"),
    ("decimal", "Decimal"),
    ("operator", "itemgetter"),
    ("operator", "attrgetter"),
    ("operator", "methodcaller"),
    ("types", "GenericAlias"),
    ("types", "UnionType"),
];

impl Class {
    /// The largest instance dict made presized.
    const MAX_PRESIZED: usize = 32;

    /// An instance's dict holds `attrs` attributes now.
    #[inline]
    pub(crate) fn note_instance_attrs(&self, attrs: usize) {
        if attrs > self.instance_attrs.get() as usize && attrs <= Self::MAX_PRESIZED {
            self.instance_attrs.set(attrs as u32);
        }
    }

    /// Build a class, linearizing its bases with C3 (`type.mro()` in CPython's typeobject.c).
    pub fn new(spec: ClassSpec) -> Result<Rc<Class>, MroConflict> {
        let mro = c3_merge(&spec.bases)?;
        Ok(Rc::new(Class {
            name: spec.name,
            qualname: spec.qualname,
            module: spec.module,
            bases: spec.bases,
            mro,
            dict: PyCell::new(spec.dict),
            kind: spec.kind,
            frozen: spec.frozen,
            statement: spec.statement,
            slots: spec.slots,
            metaclass: spec.metaclass,
            hooks: Cell::new((0, Hooks::default(), Hooks::default())),
            sharing: Cell::default(),
            instance_attrs: Cell::new(0),
        }))
    }

    /// This class in a copy of the run ([`crate::snapshot`]), with the copies of its bases,
    /// MRO and metaclass; its dict is left empty for the copy to fill.
    pub(crate) fn copied(&self, bases: Vec<Rc<Class>>, mro: Vec<Rc<Class>>, metaclass: Option<Rc<Class>>) -> Rc<Class> {
        Rc::new(Class {
            name: self.name.clone(),
            qualname: self.qualname.clone(),
            module: self.module.clone(),
            bases,
            mro,
            dict: PyCell::new(AttrMap::default()),
            kind: self.kind,
            frozen: self.frozen,
            statement: self.statement,
            slots: self.slots.clone(),
            metaclass,
            hooks: Cell::new((0, Hooks::default(), Hooks::default())),
            sharing: Cell::default(),
            instance_attrs: Cell::new(self.instance_attrs.get()),
        })
    }

    /// `__base__`: the first base (gilsim has no instance layouts to choose a solid base by).
    pub fn base(&self) -> Option<&Rc<Class>> {
        self.bases.first()
    }

    /// The name `repr` and error messages show: `int`, `_thread.lock`, `__main__.Worker`.
    pub fn dotted_name(&self) -> String {
        if &*self.module == "builtins" {
            self.qualname.to_string()
        } else {
            format!("{}.{}", self.module, self.qualname)
        }
    }

    /// The name CPython's messages give this type (its `tp_name`): a type written in C is
    /// named with its module (`'_thread.lock' object has no attribute 'aquire'`,
    /// `unhashable type: 'collections.deque'`), a class written in Python by its name alone
    /// (`'Queue' object ...`). gilsim's own types are C types when not in `builtins`; its
    /// library's Python twins of C types are listed in [`C_TYPES`].
    pub fn type_name(&self) -> String {
        if self.is_c_type() && &*self.module != "builtins" {
            format!("{}.{}", self.module, self.name)
        } else {
            self.name.to_string()
        }
    }

    /// A type CPython writes in C: a built-in type, or one of the library's Python twins
    /// ([`C_TYPES`]). The script's classes (the common case, in `hasattr`'s misses too) skip
    /// the table.
    pub fn is_c_type(&self) -> bool {
        self.frozen || (&*self.module != "__main__" && C_TYPES.contains(&(&*self.module, &*self.name)))
    }

    /// Its instances are memory every process that inherits them shares
    /// (`multiprocessing.Value`, `Array`, a `Barrier`'s state: `__gilsim_shared__`).
    pub fn is_shared_memory(&self) -> bool {
        self.lookup("__gilsim_shared__").is_some()
    }

    /// Whether this class has `hook` in Python (cached per hook; see [`Hooks`]).
    #[inline]
    pub fn has_hook(&self, hook: Hooks) -> bool {
        let (seen, known, bits) = self.hooks.get();
        if seen == class_epoch() && known.has(hook) {
            return bits.has(hook);
        }
        self.find_hook(hook)
    }

    /// [`Class::has_hook`] when the cache does not know: look along the MRO, and remember.
    #[inline(never)]
    fn find_hook(&self, hook: Hooks) -> bool {
        let epoch = class_epoch();
        let (seen, mut known, mut bits) = self.hooks.get();
        if seen != epoch {
            (known, bits) = (Hooks::default(), Hooks::default());
        }
        let present = match hook {
            // A Python `__getattribute__` has the last word on every read, as a data
            // descriptor has on its name: the fast paths that skip such classes skip it too.
            Hooks::DATA_DESCRIPTORS => {
                self.any_attribute(Value::is_data_descriptor) || self.has_hook(Hooks::GETATTRIBUTE)
            }
            Hooks::STORE_DESCRIPTORS => self.any_attribute(Value::takes_stores),
            Hooks::ABSTRACT => {
                matches!(self.lookup("__abstractmethods__"), Some(Value::Set(names)) if !names.borrow().is_empty())
            }
            _ => {
                let name = match hook {
                    Hooks::SETATTR => "__setattr__",
                    Hooks::DELATTR => "__delattr__",
                    Hooks::GETATTR => "__getattr__",
                    Hooks::GETATTRIBUTE => "__getattribute__",
                    Hooks::DEL => "__del__",
                    _ => "__new__",
                };
                match self.lookup(name) {
                    Some(Value::Function(_)) => true,
                    Some(Value::Descriptor(d)) => hook == Hooks::NEW && matches!(d.func, Value::Function(_)),
                    _ => false,
                }
            }
        };
        known.0 |= hook.0;
        if present {
            bits.0 |= hook.0;
        }
        self.hooks.set((epoch, known, bits));
        present
    }

    /// Whether a value in this class's dict or along its MRO passes `test`.
    fn any_attribute(&self, test: fn(&Value) -> bool) -> bool {
        std::iter::once(self).chain(self.mro.iter().map(|c| &**c)).any(|class| class.dict.borrow().values().any(test))
    }

    /// Whether the class (or its MRO) defines `name` as a Python function.
    fn defines_function(&self, name: &str) -> bool {
        matches!(self.lookup(name), Some(Value::Function(_)))
    }

    /// Where `name` is found along the MRO: the class (0 is this class, k is `mro[k - 1]`)
    /// and the index in its dict.
    pub fn lookup_position(&self, name: &str) -> Option<(usize, usize)> {
        let name = crate::dict::Name(name);
        std::iter::once(self)
            .chain(self.mro.iter().map(|c| &**c))
            .enumerate()
            .find_map(|(k, class)| class.dict.borrow().get_index_of(&name).map(|i| (k, i)))
    }

    /// The value at a position [`Class::lookup_position`] gave, while no class changed.
    pub fn value_at(&self, (k, i): (usize, usize)) -> Option<Value> {
        let class = if k == 0 { self } else { &**self.mro.get(k - 1)? };
        class.dict.borrow().get_index(i).map(|(_, v)| v.clone())
    }

    /// Look `name` up in the class, then along its MRO.
    pub fn lookup(&self, name: &str) -> Option<Value> {
        self.value_at(self.lookup_position(name)?)
    }

    /// Look `name` up in the classes that follow `after` in this class's MRO (`super()`).
    pub fn lookup_after(self: &Rc<Class>, after: &Rc<Class>, name: &str) -> Option<Value> {
        let chain = std::iter::once(self).chain(self.mro.iter());
        chain.skip_while(|c| !Rc::ptr_eq(c, after)).skip(1).find_map(|class| class.dict.borrow().get(name).cloned())
    }

    pub fn is_subclass_of(self: &Rc<Class>, other: &Rc<Class>) -> bool {
        Rc::ptr_eq(self, other) || self.mro.iter().any(|c| Rc::ptr_eq(c, other))
    }

    /// Name as shown in messages: `module.Name` unless builtins or `__main__`.
    pub fn display_name(&self) -> String {
        match &*self.module {
            "builtins" | "__main__" => self.name.to_string(),
            module => format!("{module}.{}", self.name),
        }
    }
}

/// Native state some instances carry besides their attribute dict.
pub enum Slot {
    None,
    Exception(RefCell<ExceptionData>),
    Thread(Rc<PyCell<ThreadData>>),
    Lock(Rc<LockState>),
    Local(crate::modules::local::LocalData),
    /// A `multiprocessing` channel: messages in the order they were sent, shared by the
    /// processes that hold it.
    Channel(Rc<crate::pipe::Channel>),
    /// A generator object's frame and state.
    Generator(Rc<crate::generator::Generator>),
    /// The Mersenne Twister of a `random.Random` instance.
    Twister(RefCell<crate::mersenne::LazyMersenne>),
    /// A compiled regular expression (`re`'s engine).
    Regex(Rc<crate::modules::sre::Compiled>),
    /// The built-in value an instance of a subclass of `dict` or `list` is (its items).
    Builtin(Value),
    /// A weak reference's handle (see [`crate::modules::weak`]).
    Weak(crate::modules::weak::WeakTarget),
    /// A `collections.deque`'s items (see [`crate::modules::deque`]).
    Deque(PyCell<crate::modules::deque::DequeStore>),
}

#[derive(Default)]
pub struct ExceptionData {
    /// Innermost last: (code, instruction) of each frame the exception passed through.
    pub traceback: Vec<(CodeId, u32)>,
    /// `__cause__`: set by `raise ... from cause` (see [`crate::chaining`]).
    pub cause: Option<Value>,
    /// `__context__`: the exception being handled when this one was raised.
    pub context: Option<Value>,
    /// `__suppress_context__`: `raise ... from` was used.
    pub suppress_context: bool,
    /// Whether it was ever raised (a report of one that was not has no "Traceback" line).
    pub raised: bool,
    /// It escaped a thread or a child process started this way: its report shows the
    /// frames of CPython's library under the script's (see [`crate::library_frames`]).
    pub bottom: Option<crate::library_frames::Bottom>,
    /// Raised by a native where CPython raises in its Python library: the report shows that
    /// library frame innermost.
    pub native_site: Option<crate::library_sites::NativeSite>,
    /// An `AttributeError`'s or `NameError`'s missing name, for "Did you mean" (3.10+; see
    /// [`crate::suggestions`]).
    pub missing: Option<crate::suggestions::Missing>,
    /// The locals of the frames it left, innermost first: CPython's traceback keeps each
    /// frame, and so its locals, alive as long as the exception (an object made in a
    /// function that raised is finalized when the handler is done with the exception).
    pub kept_locals: Vec<Vec<Value>>,
}

pub struct Instance {
    pub class: Rc<Class>,
    /// The instance's `__dict__`: a real dict, so `vars(obj)` and `obj.__dict__` are live.
    pub dict: Rc<PyCell<Dict>>,
    pub slot: Slot,
    /// Simulated `id()`, assigned on first use.
    pub id: Cell<u64>,
    /// As a dict or set key, of a class with a Python `__hash__`: the number shared by the
    /// instances its `__eq__` found equal (0: the key is the object itself; see
    /// [`crate::user_hash`]).
    pub key_class: Cell<u64>,
}

impl Drop for Instance {
    fn drop(&mut self) {
        crate::finalizers::on_drop(self);
    }
}

impl Instance {
    pub fn new(class: Rc<Class>, slot: Slot) -> Instance {
        // Sized for the attributes the class's instances grew to: a fresh object's `__init__`
        // stores them without growing the dict step by step.
        let dict = Dict::with_capacity_and_hasher(class.instance_attrs.get() as usize, Default::default());
        Instance { class, dict: Rc::new(PyCell::new(dict)), slot, id: Cell::new(0), key_class: Cell::new(0) }
    }

    /// The attribute `name` in the instance's dict (a read of the dict).
    #[inline]
    pub fn attr(&self, name: &str) -> Option<Value> {
        self.dict.borrow().get(&Name(name)).cloned()
    }

    /// Set the attribute `name` in the instance's dict (a write of the dict).
    #[inline]
    pub fn set_attr(&self, name: &str, value: Value) {
        self.put_attr(name, value, || Value::str(name));
    }

    /// [`Instance::set_attr`] keeping `name` itself as a new key: a name from the program's
    /// code then is the key later lookups compare by identity ([`crate::dict::Name`]) and
    /// `hints` find without hashing ([`crate::attr_hints`]), as they find the key to replace.
    pub(crate) fn set_attr_named(&self, hints: &mut crate::attr_hints::AttrHints, name: &Str, value: Value) {
        let mut dict = self.dict.borrow_mut();
        if let Some(index) = hints.hinted(&dict, &self.class, name) {
            *dict.get_index_mut(index).expect("hinted").1 = value;
            return;
        }
        // One hash, whether the attribute is new or replaced (its first key is kept).
        let (index, _) = dict.insert_full(Key(Value::Str(name.clone())), value);
        let key = &dict.get_index(index).expect("just stored").0 .0;
        hints.remember(&self.class, name, key, index);
        self.class.note_instance_attrs(dict.len());
    }

    /// Replace the attribute `name`'s value, or add it under the key `new_key` makes.
    #[inline]
    fn put_attr(&self, name: &str, value: Value, new_key: impl FnOnce() -> Value) {
        let mut dict = self.dict.borrow_mut();
        match dict.get_mut(&Name(name)) {
            Some(slot) => *slot = value,
            None => {
                dict.insert(Key(new_key()), value);
            }
        }
    }

    /// Remove the attribute `name`; whether it was there.
    pub fn remove_attr(&self, name: &str) -> bool {
        self.dict.borrow_mut().shift_remove(&Name(name)).is_some()
    }
}

pub struct Module {
    pub name: Str,
    pub dict: PyCell<AttrMap>,
    /// Shared by the runs resumed from a prefix ([`crate::run_shared`]).
    pub(crate) sharing: Cell<crate::run_shared::Sharing>,
}

impl Module {
    pub fn new(name: Str, dict: AttrMap) -> Rc<Module> {
        Rc::new(Module { name, dict: PyCell::new(dict), sharing: Cell::default() })
    }
}

impl Value {
    /// Whether this value, found on an instance's class, is a data descriptor with a getter
    /// (CPython's `PyDescr_IsData` and `tp_descr_get`): a property, or an object whose class
    /// defines `__get__` and `__set__` or `__delete__`. It wins over the instance's own dict.
    pub fn is_data_descriptor(&self) -> bool {
        match self {
            Value::Descriptor(d) => d.kind == DescriptorKind::Property,
            Value::Instance(inst) => inst.class.defines_function("__get__") && intercepts_stores(&inst.class),
            _ => false,
        }
    }

    /// Whether this value, found along an instance's MRO, takes stores to the instance
    /// attribute of its name (CPython's `tp_descr_set`): a property, or an object whose type
    /// defines `__set__` or `__delete__` in Python ([`Vm::store_instance_attr`]'s cases).
    pub fn takes_stores(&self) -> bool {
        match self {
            Value::Descriptor(d) => d.kind == DescriptorKind::Property,
            Value::Instance(inst) => intercepts_stores(&inst.class),
            Value::Class(class) => class.metaclass.as_deref().is_some_and(intercepts_stores),
            _ => false,
        }
    }

    /// `str(v)` when no Python code can be involved: an exact str is its own str (`str(s) is
    /// s`, as in CPython), an int's digits are written straight into a new one.
    #[inline]
    pub fn plain_str(&self) -> Option<Value> {
        match self {
            Value::Str(_) => Some(self.clone()),
            Value::Int(i) => Some(Value::str(itoa::Buffer::new().format(*i))),
            _ => None,
        }
    }

    /// For an instance of a subclass of `dict` or `list`: the dict or list it is.
    #[inline]
    pub fn builtin_base(&self) -> Option<&Value> {
        match self {
            Value::Instance(inst) => match &inst.slot {
                Slot::Builtin(base) => Some(base),
                _ => None,
            },
            _ => None,
        }
    }

    /// [`Value::builtin_base`] when the base has items (a str, bytes, tuple, ...): what
    /// `len()`, iteration and subscripts of the instance apply to. An int or float base has
    /// none, and the operation fails naming the subclass (`object of type 'Level' has no
    /// len()`), as CPython's does.
    pub fn container_base(&self) -> Option<&Value> {
        self.builtin_base()
            .filter(|base| !matches!(base, Value::Int(_) | Value::Long(_) | Value::Float(_) | Value::Bool(_)))
    }

    /// [`Value::builtin_base`] when the base's items can be assigned and deleted (a list's or
    /// a dict's subclass); a str's or a tuple's cannot, and the subclass is named in the error.
    pub fn mutable_base(&self) -> Option<&Value> {
        self.builtin_base().filter(|base| matches!(base, Value::List(_) | Value::Dict(_) | Value::ByteArray(_)))
    }

    /// Two operands of which at least one is an instance of a built-in's subclass, each as
    /// its built-in value (the other as it is): what an operation no dunder answered
    /// applies to. None when neither is such an instance.
    pub fn builtin_bases(a: &Value, b: &Value) -> Option<(Value, Value)> {
        if a.builtin_base().is_none() && b.builtin_base().is_none() {
            return None;
        }
        Some((a.builtin_base().unwrap_or(a).clone(), b.builtin_base().unwrap_or(b).clone()))
    }

    /// The heap object the value points to, if any (its identity while it lives).
    pub(crate) fn heap_address(&self) -> Option<usize> {
        Some(match self {
            Value::Str(s) => s.address(),
            Value::Bytes(b) => b.address(),
            Value::ByteArray(b) => Rc::as_ptr(b) as usize,
            Value::Long(b) => Rc::as_ptr(b) as usize,
            Value::Tuple(t) => Rc::as_ptr(t) as usize,
            Value::List(l) => Rc::as_ptr(l) as usize,
            Value::Dict(d) => Rc::as_ptr(d) as usize,
            Value::Set(s) => Rc::as_ptr(s) as usize,
            Value::Range(r) => Rc::as_ptr(r) as usize,
            Value::Slice(s) => Rc::as_ptr(s) as *const () as usize,
            Value::Function(f) => Rc::as_ptr(f) as usize,
            Value::BoundMethod(b) => Rc::as_ptr(b) as usize,
            Value::Class(c) => Rc::as_ptr(c) as usize,
            Value::Instance(i) => Rc::as_ptr(i) as usize,
            Value::View(v) => Rc::as_ptr(v) as usize,
            Value::Module(m) => Rc::as_ptr(m) as usize,
            Value::Iterator(i) => Rc::as_ptr(i) as usize,
            Value::Cell(c) => Rc::as_ptr(c) as usize,
            Value::Descriptor(d) => Rc::as_ptr(d) as usize,
            Value::Undefined | Value::None | Value::Bool(_) | Value::Int(_) | Value::Float(_) | Value::Native(_) => {
                return None
            }
        })
    }

    pub fn str(s: &str) -> Value {
        Value::Str(Str::from(s))
    }

    #[inline]
    pub fn bool(b: bool) -> Value {
        Value::Bool(Truth::from(b))
    }

    #[inline]
    pub fn float(x: f64) -> Value {
        Value::Float(FloatBits::from(x))
    }

    pub fn tuple(items: Vec<Value>) -> Value {
        Value::Tuple(Rc::new(Items(items)))
    }

    pub fn list(items: Vec<Value>) -> Value {
        Value::List(Rc::new(PyCell::new(items)))
    }

    pub fn is_none(&self) -> bool {
        matches!(self, Value::None)
    }

    /// Identity for `is`: same variant and same object (or equal immediate value).
    pub fn is(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::None, Value::None) | (Value::Undefined, Value::Undefined) => true,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            // An int has no identity of its own in gilsim: `y = x; x is y` holds, as in CPython,
            // and so does `1000 is 1000` (CPython folds equal constants of a code object).
            (Value::Int(a), Value::Int(b)) => a == b,
            (Value::Long(a), Value::Long(b)) => Rc::ptr_eq(a, b),
            (Value::Float(a), Value::Float(b)) => a.get().to_bits() == b.get().to_bits(),
            (Value::Str(a), Value::Str(b)) => Str::ptr_eq(a, b) || (a.len() <= 1 && a == b),
            (Value::Bytes(a), Value::Bytes(b)) => Bytes::ptr_eq(a, b) || (a.len() <= 1 && a == b),
            (Value::Tuple(a), Value::Tuple(b)) => Rc::ptr_eq(a, b) || (a.is_empty() && b.is_empty()),
            (Value::List(a), Value::List(b)) => Rc::ptr_eq(a, b),
            (Value::ByteArray(a), Value::ByteArray(b)) => Rc::ptr_eq(a, b),
            (Value::Dict(a), Value::Dict(b)) => Rc::ptr_eq(a, b),
            (Value::Set(a), Value::Set(b)) => Rc::ptr_eq(a, b),
            (Value::Range(a), Value::Range(b)) => Rc::ptr_eq(a, b),
            (Value::Function(a), Value::Function(b)) => Rc::ptr_eq(a, b),
            (Value::Native(a), Value::Native(b)) => std::ptr::eq(*a, *b),
            (Value::BoundMethod(a), Value::BoundMethod(b)) => Rc::ptr_eq(a, b),
            (Value::Class(a), Value::Class(b)) => Rc::ptr_eq(a, b),
            (Value::Instance(a), Value::Instance(b)) => Rc::ptr_eq(a, b),
            (Value::Module(a), Value::Module(b)) => Rc::ptr_eq(a, b),
            (Value::Iterator(a), Value::Iterator(b)) => Rc::ptr_eq(a, b),
            (Value::Descriptor(a), Value::Descriptor(b)) => Rc::ptr_eq(a, b),
            _ => false,
        }
    }

    pub fn as_instance(&self) -> Option<&Rc<Instance>> {
        match self {
            Value::Instance(i) => Some(i),
            _ => None,
        }
    }
}

impl std::fmt::Debug for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Value::None => f.write_str("None"),
            Value::Bool(b) => write!(f, "{b}"),
            Value::Int(i) => write!(f, "{i}"),
            Value::Float(x) => write!(f, "{x}"),
            Value::Str(s) => write!(f, "{s:?}"),
            other => write!(f, "<{}>", crate::builtins::type_name_of(other)),
        }
    }
}

/// C3 linearization of `bases` (without the new class itself): merge the bases' MROs and the
/// list of bases, each step taking the first head that is in no other list's tail.
fn c3_merge(bases: &[Rc<Class>]) -> Result<Vec<Rc<Class>>, MroConflict> {
    for (i, base) in bases.iter().enumerate() {
        if bases[..i].iter().any(|b| Rc::ptr_eq(b, base)) {
            return Err(MroConflict::Duplicate(base.name.clone()));
        }
    }
    let mut lists: Vec<Vec<Rc<Class>>> = bases
        .iter()
        .map(|b| std::iter::once(b.clone()).chain(b.mro.iter().cloned()).collect())
        .chain(std::iter::once(bases.to_vec()))
        .collect();
    let mut merged = Vec::new();
    loop {
        lists.retain(|l| !l.is_empty());
        if lists.is_empty() {
            return Ok(merged);
        }
        let in_a_tail = |c: &Rc<Class>| lists.iter().any(|l| l[1..].iter().any(|t| Rc::ptr_eq(t, c)));
        let Some(head) = lists.iter().map(|l| l[0].clone()).find(|c| !in_a_tail(c)) else {
            // CPython names the heads left, first occurrence first.
            let mut heads: Vec<Rc<Class>> = Vec::new();
            for list in &lists {
                if !heads.iter().any(|h| Rc::ptr_eq(h, &list[0])) {
                    heads.push(list[0].clone());
                }
            }
            return Err(MroConflict::Inconsistent(heads.iter().map(|b| b.name.clone()).collect()));
        };
        for list in &mut lists {
            if Rc::ptr_eq(&list[0], &head) {
                list.remove(0);
            }
        }
        merged.push(head);
    }
}

/// Whether instances of `class` take stores to an attribute they are found under: it defines
/// `__set__` or `__delete__` in Python.
fn intercepts_stores(class: &Class) -> bool {
    class.defines_function("__set__") || class.defines_function("__delete__")
}

//! Code objects and the program: the compiled, immutable form of a script.

use crate::Instr;

/// Index of a code object in [`Program::codes`].
pub type CodeId = u32;

/// A compile-time constant.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum Const {
    None,
    Bool(bool),
    Int(i64),
    /// An int literal beyond i64: its digits in `radix` (no sign, prefix or underscores).
    Long {
        digits: String,
        radix: u32,
    },
    Float(f64),
    Str(String),
    Bytes(Vec<u8>),
    /// A tuple of constants (keyword-name tuples, constant tuples).
    Tuple(Vec<Const>),
    /// A nested code object (function, lambda, class body, comprehension).
    Code(CodeId),
}

/// Where an instruction came from in the source, as CPython 3.11's `co_positions`: the
/// expression (or statement) node that emitted it, as byte offsets into its module's source
/// (lines and columns are worked out only when a traceback is printed).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Position {
    pub start: u32,
    pub end: u32,
    /// An offset on the line CPython 3.6/3.7 reports: the furthest start of an expression the
    /// statement had reached by this instruction (their line table only moved forward).
    pub legacy: u32,
    /// Where the primary part of the expression ends and resumes, for 3.11+ carets.
    pub anchors: Option<Anchors>,
    /// The call is the whole value of `name = f(...)` or `return name(...)` on its lines:
    /// CPython 3.13 prints no carets under it.
    pub whole_statement_call: bool,
    /// The versions that place the instruction at its statement instead, which gets no
    /// carets (an `assert`'s raise, a `for` loop's `iter()`).
    pub at_statement: AtStatement,
}

/// Versions whose compiler placed an instruction at its statement, not its expression.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum AtStatement {
    #[default]
    Never,
    /// Before 3.12 (a `while` loop's back edge, which 3.12 moved to the loop's test).
    Before312,
    /// Before 3.13.
    Before313,
    /// 3.12 alone (an `assert` of a comparison: 3.11's `compiler_jump_if` left the comparison's
    /// position in place).
    In312,
    /// A `with` statement's exit call: at the statement before 3.13 (its `legacy` is the
    /// statement's start), and before 3.10 at the instruction compiled before it (the body's
    /// last line, or the `return` or `break` leaving it), where 3.10 moved it from.
    WithExit,
    /// The back edge of a `while` loop with a test: from 3.10 (and in 2.7) at the test's last
    /// operand; in 3.0-3.9 on the line of the body's last statement (`legacy` holds its
    /// start): the test was at the loop's top, the jump back the body's last instruction.
    LoopEnd,
    /// The back edge of `while True:`: at the statement in 3.10 and 3.11, at the test from
    /// 3.12, in 3.0-3.9 as [`AtStatement::LoopEnd`].
    LoopEndBefore312,
}

impl AtStatement {
    pub fn applies(self, minor: u8) -> bool {
        match self {
            AtStatement::Never | AtStatement::LoopEnd => false,
            AtStatement::Before312 | AtStatement::LoopEndBefore312 => minor < 12,
            AtStatement::Before313 | AtStatement::WithExit => minor < 13,
            AtStatement::In312 => minor == 12,
        }
    }

    /// A `while` loop's back edge.
    pub fn is_loop_end(self) -> bool {
        matches!(self, AtStatement::LoopEnd | AtStatement::LoopEndBefore312)
    }
}

/// The secondary span of an expression's carets (`~~~^~~`): an operator, a subscript's
/// brackets, a call's arguments, from byte offset `left` to `right`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Anchors {
    pub kind: AnchorKind,
    pub left: u32,
    pub right: u32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum AnchorKind {
    BinOp,
    Subscript,
    /// Anchored from CPython 3.13 on.
    Call,
}

/// A parameter of a function.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Param {
    pub name: String,
    pub has_default: bool,
}

/// The calling convention of a code object. Locals 0.. hold the parameters in this order:
/// positional, keyword-only, `*args`, `**kwargs`.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Signature {
    pub positional: Vec<Param>,
    /// How many of `positional` come before a `/`: never bound by keyword.
    pub positional_only: usize,
    pub keyword_only: Vec<Param>,
    pub varargs: Option<String>,
    pub varkw: Option<String>,
}

impl Signature {
    /// Number of local slots the parameters occupy.
    pub fn slot_count(&self) -> usize {
        self.positional.len()
            + self.keyword_only.len()
            + usize::from(self.varargs.is_some())
            + usize::from(self.varkw.is_some())
    }
}

/// What kind of code this is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct CodeFlags {
    /// The module body (`<module>`): names are globals.
    pub is_module: bool,
    /// A class body: names live in the class namespace.
    pub is_class_body: bool,
    /// A lambda, comprehension or other expression code.
    pub is_lambda: bool,
    /// A generator function (its body has `yield`) or generator expression: calling it
    /// makes a generator object instead of running the body.
    pub is_generator: bool,
    /// An `async def` (PEP 492): `is_generator` is set too, and a call makes a coroutine
    /// object, which runs as a generator whose `await`s are its `yield from`s.
    pub is_coroutine: bool,
    /// An `async def` whose body yields (PEP 525): `is_generator` is set too, and a call
    /// makes an async generator object; its own `yield`s are `AsyncGenYield`.
    pub is_async_generator: bool,
    /// The body has a `try` or `with` block (`SetupExcept`/`SetupFinally`): a generator
    /// parked inside one runs code when it is closed.
    pub has_handlers: bool,
    /// Library code standing in for what CPython writes in C (`itertools`, `bisect`, the
    /// built-in `map`): it runs without switch points, as C code never offers the GIL; the
    /// Python code it calls switches as usual.
    pub written_in_c: bool,
    /// A public top-level function of such code, which CPython exports from a C module:
    /// scripts see a built-in function (`<built-in function add>`, of type
    /// `builtin_function_or_method`, `__module__` the C module, no `__code__`).
    pub builtin_function: bool,
}

/// A compiled function body.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct CodeObject {
    /// `<module>`, `f`, `<lambda>`, `<listcomp>`, ...
    pub name: String,
    /// Dotted name for messages: `Worker.run`, `main.<locals>.inner`.
    pub qualname: String,
    pub signature: Signature,
    /// Names of all local slots (parameters first).
    pub local_names: Vec<String>,
    /// Locals that are captured by inner functions (stored in cells).
    pub cell_names: Vec<String>,
    /// Variables captured from enclosing functions.
    pub free_names: Vec<String>,
    /// For each cell variable that is also a parameter: (cell index, local slot).
    pub cell_params: Vec<(u32, u32)>,
    pub consts: Vec<Const>,
    /// Attribute names, class-body names, import names.
    pub names: Vec<String>,
    pub instrs: Vec<Instr>,
    /// Source line (1-based) of each instruction's statement.
    pub lines: Vec<u32>,
    /// Source position of each instruction's node (for tracebacks).
    pub positions: Vec<Position>,
    /// The instructions a later CPython's compiler places at another node than 3.8's did, by
    /// instruction index (ascending), with the first minor version of Python 3 that does: a
    /// comprehension's `iter()` at its iterable from 3.13 (not the whole comprehension), an
    /// f-string's formatting at its replacement field from 3.12 (not the whole string).
    #[serde(default)]
    pub positions_moved: Vec<(u32, u8, Position)>,
    /// Line of the `def` / `class` / first statement.
    pub first_line: u32,
    /// A function's docstring (its `__doc__`).
    pub docstring: Option<String>,
    pub flags: CodeFlags,
    /// Index in [`Program::modules`] of the module this code belongs to (0: the script).
    pub module: u32,
}

impl CodeObject {
    /// The position of instruction `instr` in CPython 3.`minor`.
    pub fn position(&self, instr: u32, minor: u8) -> Option<Position> {
        if let Ok(i) = self.positions_moved.binary_search_by_key(&instr, |(at, _, _)| *at) {
            let (_, since, position) = self.positions_moved[i];
            if minor >= since {
                return Some(position);
            }
        }
        self.positions.get(instr as usize).copied()
    }

    /// Number of cell slots (own cells, then free variables).
    pub fn cell_count(&self) -> usize {
        self.cell_names.len() + self.free_names.len()
    }
}

/// A module linked into a program: the script (index 0) or a simulated library module
/// written in Python (see [`Program::link`]).
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ModuleInfo {
    /// `__main__` for the script; `threading`, `queue`, ... for library modules.
    pub name: String,
    pub filename: String,
    pub source: String,
    /// The module body's code object.
    pub body: CodeId,
    /// The module's global slots: `globals.0 .. globals.1` in [`Program::global_names`].
    pub globals: (u32, u32),
}

/// A compiled script: all code objects (index 0 is the script's module body), the global
/// table, and the modules they belong to.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Program {
    /// The script's file name and source (also `modules[0]`'s).
    pub filename: String,
    pub source: String,
    pub codes: Vec<CodeObject>,
    /// Names of the global slots of every module, module after module.
    pub global_names: Vec<String>,
    /// Index 0 is the script.
    pub modules: Vec<ModuleInfo>,
    /// The text the script's instruction positions are byte offsets into, when it is not
    /// `source`: a Python 2 script is compiled from its rewrite, which keeps every line in
    /// place but not every column.
    pub compiled_source: Option<String>,
    /// What CPython's compiler warns of in the script, in the order it reports them (the
    /// tokenizer's first, then the compiler's); printed per the version run.
    pub warnings: Vec<CompileWarning>,
}

/// A warning CPython prints on stderr while it compiles a script, before running it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum CompileWarning {
    /// `x is 1`, `x is not "a"` (3.8+): an identity test against a literal other than None,
    /// True, False and `...`; `type_name` is the literal's type (3.12+ names it).
    IsLiteral { line: u32, negated: bool, type_name: String },
    /// `"\d"` in a string or bytes literal that is not raw (a `SyntaxWarning` from 3.12;
    /// before, a `DeprecationWarning` no default filter shows): the first invalid escape of
    /// the literal, at the line the literal starts; `octal` for an octal escape past `\377`.
    InvalidEscape { line: u32, sequence: String, octal: bool },
    /// `assert (x, "message")`: a non-empty tuple is always true (2.7 and every 3).
    AssertTuple { line: u32 },
    /// `[(1, 2) (3, 4)]` (3.8+): a call of a literal or a display, most likely a missing
    /// comma; `type_name` is what is called.
    NotCallable { line: u32, type_name: String },
}

impl Program {
    /// A single-module program (what the compiler produces before linking).
    pub fn single(filename: String, source: String, codes: Vec<CodeObject>, global_names: Vec<String>) -> Program {
        let module = ModuleInfo {
            name: "__main__".into(),
            filename: filename.clone(),
            source: source.clone(),
            body: 0,
            globals: (0, global_names.len() as u32),
        };
        Program {
            filename,
            source,
            codes,
            global_names,
            modules: vec![module],
            compiled_source: None,
            warnings: Vec::new(),
        }
    }

    /// The module a code object belongs to.
    pub fn module_of(&self, code: CodeId) -> &ModuleInfo {
        &self.modules[self.codes[code as usize].module as usize]
    }

    /// Whether `code` is library code rather than the user's script.
    pub fn is_library(&self, code: CodeId) -> bool {
        self.codes[code as usize].module != 0
    }

    /// The slot of module `module`'s global `name` (every name the module binds or reads has
    /// one).
    pub fn global_slot(&self, module: usize, name: &str) -> Option<usize> {
        let (start, end) = self.modules[module].globals;
        (start as usize..end as usize).find(|&slot| self.global_names[slot] == name)
    }

    /// The library module named `name`, with its index.
    pub fn library_module(&self, name: &str) -> Option<(usize, &ModuleInfo)> {
        self.modules.iter().enumerate().skip(1).find(|(_, m)| m.name == name)
    }

    pub fn module_code(&self) -> &CodeObject {
        &self.codes[0]
    }

    pub fn code(&self, id: CodeId) -> &CodeObject {
        &self.codes[id as usize]
    }

    /// The text of source line `line` (1-based) of the script, without its indentation.
    pub fn source_line(&self, line: u32) -> Option<&str> {
        self.source_line_raw(line).map(str::trim)
    }

    /// Source line `line` (1-based) of the script as written.
    pub fn source_line_raw(&self, line: u32) -> Option<&str> {
        let index = usize::try_from(line).ok()?.checked_sub(1)?;
        self.source.lines().nth(index)
    }

    /// The 1-based line and 0-based character column of byte `offset` of the script.
    pub fn line_column(&self, offset: u32) -> (u32, u32) {
        let source = self.compiled_source.as_deref().unwrap_or(&self.source);
        let offset = (offset as usize).min(source.len());
        let before = source.get(..offset).unwrap_or("");
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let line = before.bytes().filter(|&b| b == b'\n').count() as u32 + 1;
        (line, before[line_start..].chars().count() as u32)
    }
}

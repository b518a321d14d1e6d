//! The compiler proper: one [`Unit`] per code object being built, a stack of them for nested
//! `def`/`lambda`/`class`/comprehensions, and the "frame blocks" (loops, `try`, `with`,
//! `except` bodies) that `break`, `continue` and `return` must unwind — the same scheme as
//! CPython's `compile.c` (`compiler_unwind_fblock`).

mod async_code;
mod except_star;
mod expr;
mod patterns;
mod positions;
mod stmt;

use crate::error::{CompileError, CompileErrorKind, ErrorSink};
use crate::scope::{NameRef, Scope, ScopeKind, SymbolTable};
use gilsim_bytecode::{CodeFlags, CodeId, CodeObject, Const, Instr, Param, Position, Program, Signature};
use ruff_python_ast::{self as ast, Stmt};
use ruff_text_size::{Ranged, TextRange};
use std::collections::BTreeMap;

/// The built-in `complex` is this library module's class of that name (linked into the
/// programs that need it: `subset`).
const COMPLEX: &str = "complex";
pub(crate) const COMPLEX_MODULE: &str = "_gilsim_complex";

/// The built-ins that are classes of gilsim's library, with their modules: a script's read
/// of the name loads the class (the other built-ins are natives).
pub(crate) const LIBRARY_BUILTINS: [(&str, &str); 2] =
    [(COMPLEX, COMPLEX_MODULE), ("memoryview", "_gilsim_memoryview")];

pub(crate) type CResult<T = ()> = Result<T, CompileError>;

/// A block that control flow leaving it must unwind.
enum FBlock<'a> {
    WhileLoop {
        continue_target: u32,
        breaks: Vec<usize>,
    },
    ForLoop {
        continue_target: u32,
        breaks: Vec<usize>,
    },
    /// Inside `try:` of a try/except: the handler block must be popped.
    TryExcept,
    /// Inside `try:` of a try/finally: pop the block and run the final body.
    TryFinally(&'a [Stmt]),
    /// Inside a `with` body: pop the block and call `__exit__(None, None, None)` (and await
    /// it, for `async with`).
    With {
        with: &'a ast::StmtWith,
        /// The item's context expression, where CPython 3.13 puts the exit call.
        item: &'a ruff_python_ast::Expr,
    },
    /// Inside an `except` body: stop handling the exception.
    ExceptBody,
    /// Inside an `except*` body, which nothing may jump out of.
    ExceptStarBody,
    /// Inside a `finally` block run for an exception, which is under it on the stack
    /// (`handles`: and handled, from Python 3).
    FinallyOnException {
        handles: bool,
    },
}

/// A code object under construction.
struct Unit<'a> {
    scope: usize,
    code: CodeObject,
    fblocks: Vec<FBlock<'a>>,
    line: u32,
    /// The node whose instructions are being emitted (see [`positions`]).
    position: Position,
    /// The furthest start of an expression of the current statement (3.6/3.7 lines).
    legacy: u32,
    /// Indexes of `code.consts` and `code.names` by value: compiling stays linear in the
    /// number of distinct constants and names (a search of the lists was quadratic).
    const_index: BTreeMap<ConstKey, u32>,
    name_index: BTreeMap<String, u32>,
}

impl<'a> Unit<'a> {
    fn new(scope: usize, code: CodeObject, line: u32) -> Unit<'a> {
        let (const_index, name_index) = (BTreeMap::new(), BTreeMap::new());
        Unit {
            scope,
            code,
            fblocks: Vec::new(),
            line,
            position: Position::default(),
            legacy: 0,
            const_index,
            name_index,
        }
    }
}

/// A constant as the constant pool compares them: floats by their bits (so `0.0` and `-0.0`
/// stay apart), and `True` apart from `1`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum ConstKey {
    None,
    Bool(bool),
    Int(i64),
    Long(String, u32),
    Float(u64),
    Str(String),
    Bytes(Vec<u8>),
    Tuple(Vec<ConstKey>),
    Code(u32),
}

impl ConstKey {
    fn of(value: &Const) -> ConstKey {
        match value {
            Const::None => ConstKey::None,
            Const::Bool(b) => ConstKey::Bool(*b),
            Const::Int(i) => ConstKey::Int(*i),
            Const::Long { digits, radix } => ConstKey::Long(digits.clone(), *radix),
            Const::Float(f) => ConstKey::Float(f.to_bits()),
            Const::Str(s) => ConstKey::Str(s.clone()),
            Const::Bytes(b) => ConstKey::Bytes(b.clone()),
            Const::Tuple(items) => ConstKey::Tuple(items.iter().map(ConstKey::of).collect()),
            Const::Code(id) => ConstKey::Code(*id),
        }
    }
}

pub(crate) struct Compiler<'s, 'src, 'a> {
    sink: &'s ErrorSink<'src>,
    table: SymbolTable,
    codes: Vec<CodeObject>,
    units: Vec<Unit<'a>>,
    global_names: Vec<String>,
    /// Each global name's index in `global_names` (a linear search made compiling quadratic
    /// in the number of distinct names).
    global_index: BTreeMap<String, u32>,
    semantics: crate::Semantics,
    /// `from __future__ import annotations` (PEP 563): a function's annotations are the
    /// strings written, not evaluated.
    postponed_annotations: bool,
}

/// Compile a module.
pub(crate) fn compile_module(
    sink: &ErrorSink<'_>,
    body: &[Stmt],
    semantics: crate::Semantics,
) -> Result<Program, CompileError> {
    let table = SymbolTable::build(body);
    if let Some((message, range)) = &table.error {
        return Err(sink.error(CompileErrorKind::Syntax, *range, message.clone(), None));
    }
    if let Some((name, _)) = &table.bad_nonlocal {
        let range = TextRange::default();
        let message = format!("no binding for nonlocal '{name}' found");
        return Err(sink.error(CompileErrorKind::Syntax, range, message, None));
    }
    let global_names: Vec<String> = table.globals.iter().cloned().collect();
    let global_index = global_names.iter().enumerate().map(|(i, n)| (n.clone(), i as u32)).collect();
    let (codes, units) = (Vec::new(), Vec::new());
    let postponed_annotations = body.iter().any(|stmt| {
        matches!(stmt, Stmt::ImportFrom(i) if crate::subset::is_future_import(i)
            && i.names.iter().any(|alias| alias.name.id.as_str() == "annotations"))
    });
    let mut compiler =
        Compiler { sink, table, codes, units, global_names, global_index, semantics, postponed_annotations };
    let placeholder = compiler.new_code("<module>".into(), "<module>".into(), Signature::default(), 1);
    compiler.codes.push(placeholder.clone());
    let mut module = placeholder;
    module.flags = CodeFlags { is_module: true, ..CodeFlags::default() };
    if let Some(Stmt::Expr(first)) = body.first() {
        if let ast::Expr::StringLiteral(s) = &*first.value {
            // The module's `__doc__`.
            module.docstring = Some(s.value.to_str().to_string());
        }
    }
    compiler.units.push(Unit::new(0, module, 1));
    compiler.emit(Instr::Resume);
    compiler.body(body)?;
    compiler.emit_const(Const::None);
    compiler.emit(Instr::Return);
    let unit = compiler.units.pop().expect("module unit");
    compiler.codes[0] = unit.code;
    Ok(Program::single(sink.filename.to_string(), sink.source.to_string(), compiler.codes, compiler.global_names))
}

impl<'s, 'src, 'a> Compiler<'s, 'src, 'a> {
    fn new_code(&self, name: String, qualname: String, signature: Signature, first_line: u32) -> CodeObject {
        CodeObject {
            name,
            qualname,
            signature,
            local_names: Vec::new(),
            cell_names: Vec::new(),
            free_names: Vec::new(),
            cell_params: Vec::new(),
            consts: Vec::new(),
            names: Vec::new(),
            instrs: Vec::new(),
            lines: Vec::new(),
            positions: Vec::new(),
            positions_moved: Vec::new(),
            first_line,
            docstring: None,
            flags: CodeFlags::default(),
            module: 0,
        }
    }

    fn unit(&mut self) -> &mut Unit<'a> {
        self.units.last_mut().expect("a unit is always open")
    }

    fn error(&self, range: TextRange, kind: CompileErrorKind, message: impl Into<String>) -> CompileError {
        self.sink.error(kind, range, message.into(), None)
    }

    fn unsupported(&self, range: TextRange, what: &str) -> CompileError {
        self.error(range, CompileErrorKind::Unsupported, format!("{what} is not supported by gilsim"))
    }

    /// A statement begins: its instructions are on its line until an expression says otherwise.
    fn set_line(&mut self, range: TextRange) {
        let line = self.sink.line_of(range.start());
        let position = self.position_of(range, None);
        let unit = self.unit();
        unit.line = line;
        unit.legacy = position.start;
        unit.position = position;
    }

    // ---- emission -------------------------------------------------------------------------

    fn emit(&mut self, instr: Instr) -> usize {
        let unit = self.unit();
        unit.code.flags.has_handlers |= matches!(instr, Instr::SetupExcept(_) | Instr::SetupFinally(_));
        unit.code.instrs.push(instr);
        unit.code.lines.push(unit.line);
        unit.code.positions.push(Position { legacy: unit.legacy, ..unit.position });
        unit.code.instrs.len() - 1
    }

    fn here(&mut self) -> u32 {
        self.unit().code.instrs.len() as u32
    }

    /// Point the jump at `at` to the next instruction.
    fn patch_here(&mut self, at: usize) {
        let target = self.here();
        self.unit().code.instrs[at].set_jump_target(target);
    }

    fn const_index(&mut self, value: Const) -> u32 {
        let unit = self.unit();
        let key = ConstKey::of(&value);
        if let Some(&i) = unit.const_index.get(&key) {
            return i;
        }
        let i = unit.code.consts.len() as u32;
        unit.code.consts.push(value);
        unit.const_index.insert(key, i);
        i
    }

    fn emit_const(&mut self, value: Const) {
        let index = self.const_index(value);
        self.emit(Instr::LoadConst(index));
    }

    fn name_index(&mut self, name: &str) -> u32 {
        let unit = self.unit();
        if let Some(&i) = unit.name_index.get(name) {
            return i;
        }
        let i = unit.code.names.len() as u32;
        unit.code.names.push(name.to_string());
        unit.name_index.insert(name.to_string(), i);
        i
    }

    fn global_index(&mut self, name: &str) -> u32 {
        if let Some(&i) = self.global_index.get(name) {
            return i;
        }
        let i = self.global_names.len() as u32;
        self.global_names.push(name.to_string());
        self.global_index.insert(name.to_string(), i);
        i
    }

    // ---- names ----------------------------------------------------------------------------

    fn resolve(&self, name: &str) -> NameRef {
        self.scope().resolve(name)
    }

    fn scope(&self) -> &Scope {
        let unit = self.units.last().expect("unit");
        &self.table.scopes[unit.scope]
    }

    fn load_name(&mut self, name: &str) {
        let library_builtin = LIBRARY_BUILTINS.iter().find(|(builtin, _)| *builtin == name);
        if let Some(&(class, module)) = library_builtin.filter(|_| !self.table.binds_global(name)) {
            let builtin = match self.resolve(name) {
                NameRef::Global => true,
                NameRef::ClassName => !self.scope().binds(name),
                NameRef::Fast(_) | NameRef::Deref(_) => false,
            };
            if builtin {
                return self.load_library_class(module, class);
            }
        }
        let instr = match self.resolve(name) {
            NameRef::Fast(i) => Instr::LoadFast(i),
            NameRef::Deref(i) => Instr::LoadDeref(i),
            NameRef::Global => Instr::LoadGlobal(self.global_index(name)),
            NameRef::ClassName => {
                // A class body falls back to the module's globals, found by name among its
                // slots: the name needs one for `from m import *` to bind it there.
                self.global_index(name);
                Instr::LoadName(self.name_index(name))
            }
        };
        self.emit(instr);
    }

    /// A built-in that is a class of gilsim's library ([`LIBRARY_BUILTINS`]).
    fn load_library_class(&mut self, module: &str, class: &str) {
        let module = self.name_index(module);
        self.emit(Instr::ImportName(module));
        let class = self.name_index(class);
        self.emit(Instr::LoadAttr(class));
    }

    /// The built-in `complex` (library/gilsim_complex.py's class), for a complex literal.
    fn load_complex_type(&mut self) {
        self.load_library_class(COMPLEX_MODULE, COMPLEX);
    }

    fn store_name(&mut self, name: &str) {
        let instr = match self.resolve(name) {
            NameRef::Fast(i) => Instr::StoreFast(i),
            NameRef::Deref(i) => Instr::StoreDeref(i),
            NameRef::Global => Instr::StoreGlobal(self.global_index(name)),
            NameRef::ClassName => Instr::StoreName(self.name_index(name)),
        };
        self.emit(instr);
    }

    fn delete_name(&mut self, name: &str) {
        let instr = match self.resolve(name) {
            NameRef::Fast(i) => Instr::DeleteFast(i),
            NameRef::Global => Instr::DeleteGlobal(self.global_index(name)),
            NameRef::Deref(i) => Instr::DeleteDeref(i),
            NameRef::ClassName => Instr::DeleteName(self.name_index(name)),
        };
        self.emit(instr);
    }

    // ---- nested code objects --------------------------------------------------------------

    fn qualname_for(&self, name: &str) -> String {
        let Some(unit) = self.units.last() else {
            return name.to_string();
        };
        let parent = &self.table.scopes[unit.scope];
        match parent.kind {
            Some(ScopeKind::Module) | None => name.to_string(),
            Some(ScopeKind::Class) => format!("{}.{name}", unit.code.qualname),
            Some(ScopeKind::Function) => format!("{}.<locals>.{name}", unit.code.qualname),
        }
    }

    /// Open a unit for the scope that starts at `node_start`.
    fn enter_scope(&mut self, node_start: u32, name: &str, signature: Signature, flags: CodeFlags, line: u32) {
        let scope_index = self.table.scope_at(node_start);
        let qualname = self.qualname_for(name);
        let mut code = self.new_code(name.to_string(), qualname, signature, line);
        let scope = &self.table.scopes[scope_index];
        code.local_names = scope.locals.clone();
        code.cell_names = scope.cells.clone();
        code.free_names = scope.frees.clone();
        code.cell_params = scope
            .cells
            .iter()
            .enumerate()
            .filter_map(|(ci, name)| scope.locals.iter().position(|l| l == name).map(|li| (ci as u32, li as u32)))
            .filter(|&(_, li)| (li as usize) < code.signature.slot_count())
            .collect();
        code.flags = flags;
        self.units.push(Unit::new(scope_index, code, line));
        // A frame that never ran (a coroutine cancelled before its first step, a generator
        // thrown into before it started) is at its `def`, as CPython's RESUME is.
        let unit = self.unit();
        unit.position = Position { start: node_start, end: node_start, legacy: node_start, ..Position::default() };
        unit.legacy = node_start;
        self.emit(Instr::Resume);
    }

    /// Close the current unit and emit, in the parent, the code that makes a function of it.
    /// The caller has already pushed defaults (flag 1), keyword defaults (flag 2) and
    /// annotations (flag 8).
    fn leave_scope_make_function(&mut self, mut flags: u8) -> CodeId {
        let unit = self.units.pop().expect("unit to leave");
        let frees = unit.code.free_names.clone();
        let id = self.codes.len() as CodeId;
        self.codes.push(unit.code);
        if !frees.is_empty() {
            for name in &frees {
                let slot = self.scope().closure_slot(name);
                // The symbol table makes every free variable a cell or free variable of each
                // enclosing scope up to the one that binds it.
                let slot =
                    slot.unwrap_or_else(|| panic!("free variable {name} has no closure slot in the parent scope"));
                self.emit(Instr::LoadClosure(slot));
            }
            self.emit(Instr::BuildTuple(frees.len() as u32));
            flags |= 4;
        }
        let code = self.const_index(Const::Code(id));
        self.emit(Instr::MakeFunction { code, flags });
        id
    }

    /// Signature and default-value code for a parameter list; pushes defaults onto the stack
    /// in the current (defining) unit and returns the flags for MakeFunction.
    fn signature(&mut self, params: Option<&'a ast::Parameters>) -> CResult<(Signature, u8)> {
        let Some(params) = params else {
            return Ok((Signature::default(), 0));
        };
        let mut flags = 0;
        let positional: Vec<&ast::ParameterWithDefault> = params.posonlyargs.iter().chain(params.args.iter()).collect();
        let defaults: Vec<&ast::Expr> = positional.iter().filter_map(|p| p.default.as_deref()).collect();
        if !defaults.is_empty() {
            for d in &defaults {
                self.expr(d)?;
            }
            self.emit(Instr::BuildTuple(defaults.len() as u32));
            flags |= 1;
        }
        let kw_defaults: Vec<&ast::ParameterWithDefault> =
            params.kwonlyargs.iter().filter(|p| p.default.is_some()).collect();
        if !kw_defaults.is_empty() {
            for p in &kw_defaults {
                self.emit_const(Const::Str(p.parameter.name.id.to_string()));
                self.expr(p.default.as_deref().expect("filtered"))?;
            }
            self.emit(Instr::BuildMap(kw_defaults.len() as u32));
            flags |= 2;
        }
        let param = |p: &ast::ParameterWithDefault| Param {
            name: p.parameter.name.id.to_string(),
            has_default: p.default.is_some(),
        };
        let signature = Signature {
            positional: positional.iter().map(|p| param(p)).collect(),
            positional_only: params.posonlyargs.len(),
            keyword_only: params.kwonlyargs.iter().map(param).collect(),
            varargs: params.vararg.as_ref().map(|p| p.name.id.to_string()),
            varkw: params.kwarg.as_ref().map(|p| p.name.id.to_string()),
        };
        Ok((signature, flags))
    }

    /// Push a function's `__annotations__` dict (parameters in order, then `return`) when it
    /// has any, evaluated now as CPython does at `def` (or the text written, under PEP 563);
    /// returns MakeFunction's flag for it.
    fn annotations(&mut self, params: &'a ast::Parameters, returns: Option<&'a ast::Expr>) -> CResult<u8> {
        let positional = params.posonlyargs.iter().chain(&params.args).map(|p| &p.parameter);
        let parameters = positional
            .chain(params.vararg.as_deref())
            .chain(params.kwonlyargs.iter().map(|p| &p.parameter))
            .chain(params.kwarg.as_deref());
        let mut annotated: Vec<(&str, &'a ast::Expr)> =
            parameters.filter_map(|p| Some((p.name.id.as_str(), p.annotation.as_deref()?))).collect();
        annotated.extend(returns.map(|r| ("return", r)));
        if annotated.is_empty() {
            return Ok(0);
        }
        for (name, annotation) in &annotated {
            self.emit_const(Const::Str(name.to_string()));
            self.annotation(annotation)?;
        }
        self.emit(Instr::BuildMap(annotated.len() as u32));
        Ok(8)
    }

    /// Push an annotation's value: evaluated, or under PEP 563 the text written.
    fn annotation(&mut self, annotation: &'a ast::Expr) -> CResult {
        if self.postponed_annotations {
            let written = self.sink.source.get(std::ops::Range::<usize>::from(annotation.range()));
            self.emit_const(Const::Str(written.unwrap_or_default().to_string()));
            return Ok(());
        }
        self.expr(annotation)
    }

    fn line_of(&self, range: TextRange) -> u32 {
        self.sink.line_of(range.start())
    }

    fn start(node: &impl Ranged) -> u32 {
        node.range().start().to_u32()
    }
}

//! Symbol tables: which names of each scope are fast locals, cells, free variables, globals or
//! class-namespace names — Python's LEGB rules (Language Reference §4.2.2), minus the builtins
//! fallback, which the VM does at run time for unbound globals.
//!
//! Scopes are keyed by the start offset of the node that opens them (`def`, `lambda`, `class`,
//! comprehension), which is unique per scope-opening node.

use indexmap::{IndexMap, IndexSet};
use ruff_python_ast::visitor::{self, Visitor};
use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::{Ranged, TextRange};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScopeKind {
    Module,
    Function,
    Class,
}

/// How a name is reached from a given scope.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameRef {
    Fast(u32),
    Deref(u32),
    Global,
    ClassName,
}

#[derive(Debug, Default)]
pub struct Scope {
    pub kind: Option<ScopeKind>,
    parent: Option<usize>,
    params: Vec<String>,
    assigned: IndexSet<String>,
    used: IndexSet<String>,
    declared_global: IndexSet<String>,
    declared_nonlocal: IndexSet<String>,
    /// Fast local slots: parameters first, then other bound names.
    pub locals: Vec<String>,
    /// Locals captured by inner scopes.
    pub cells: Vec<String>,
    /// Names captured from enclosing scopes.
    pub frees: Vec<String>,
}

impl Scope {
    fn is_function(&self) -> bool {
        self.kind == Some(ScopeKind::Function)
    }

    fn binds_locally(&self, name: &str) -> bool {
        self.is_function()
            && !self.declared_global.contains(name)
            && !self.declared_nonlocal.contains(name)
            && (self.params.iter().any(|p| p == name) || self.assigned.contains(name))
    }

    /// The closure slot of `name` (a cell of this scope, or a free variable it passes on), for
    /// the functions made in this scope that capture it.
    pub fn closure_slot(&self, name: &str) -> Option<u32> {
        if let Some(i) = self.cells.iter().position(|n| n == name) {
            return Some(i as u32);
        }
        self.frees.iter().position(|n| n == name).map(|i| (self.cells.len() + i) as u32)
    }

    /// Whether this scope binds `name` (assigns, imports or defines it).
    pub fn binds(&self, name: &str) -> bool {
        self.assigned.contains(name)
    }

    /// Resolve `name` as seen from this scope.
    pub fn resolve(&self, name: &str) -> NameRef {
        // A class body passes its methods' free variables on, but its own bindings live in
        // the class namespace (CPython: STORE_NAME there, LOAD_CLASSDEREF for the rest).
        let class_binds = self.kind == Some(ScopeKind::Class) && self.assigned.contains(name);
        if let (false, Some(slot)) = (class_binds, self.closure_slot(name)) {
            return NameRef::Deref(slot);
        }
        match self.kind {
            Some(ScopeKind::Function) if !self.declared_global.contains(name) => {
                match self.locals.iter().position(|n| n == name) {
                    Some(i) => NameRef::Fast(i as u32),
                    None => NameRef::Global,
                }
            }
            Some(ScopeKind::Class) if !self.declared_global.contains(name) => NameRef::ClassName,
            _ => NameRef::Global,
        }
    }
}

/// All scopes of a module.
#[derive(Debug, Default)]
pub struct SymbolTable {
    pub scopes: Vec<Scope>,
    by_offset: IndexMap<u32, usize>,
    /// Names that live in the module's global table (first-seen order).
    pub globals: IndexSet<String>,
    /// First `nonlocal` name with no binding in an enclosing function, with its offset.
    pub bad_nonlocal: Option<(String, u32)>,
    /// The first of CPython's symbol-table SyntaxErrors the script makes: the message and where.
    pub error: Option<(String, TextRange)>,
}

impl SymbolTable {
    /// Whether the module binds global `name` itself: at module level, or in a scope that
    /// declares it `global`.
    pub fn binds_global(&self, name: &str) -> bool {
        self.scopes.iter().any(|scope| scope.binds(name) && scope.resolve(name) == NameRef::Global)
    }

    pub fn build(module: &[Stmt]) -> SymbolTable {
        let mut builder = Builder { table: SymbolTable::default(), current: 0 };
        builder.table.scopes.push(Scope { kind: Some(ScopeKind::Module), ..Scope::default() });
        for stmt in module {
            builder.visit_stmt(stmt);
        }
        builder.table.finish();
        builder.table
    }

    /// The scope opened by the node starting at `offset`.
    pub fn scope_at(&self, offset: u32) -> usize {
        *self.by_offset.get(&offset).expect("every scope-opening node was analysed")
    }

    fn finish(&mut self) {
        // Locals: parameters first, then bound names, for function scopes.
        for scope in &mut self.scopes {
            if scope.is_function() {
                let mut locals: IndexSet<String> = scope.params.iter().cloned().collect();
                for name in &scope.assigned {
                    if scope.binds_locally(name) {
                        locals.insert(name.clone());
                    }
                }
                scope.locals = locals.into_iter().collect();
            }
        }
        // Free variables: a name used (or declared nonlocal) in a scope, not bound there,
        // bound by an enclosing function, becomes a cell there and free in every scope between.
        for index in 0..self.scopes.len() {
            let scope = &self.scopes[index];
            let mut wanted: Vec<String> = scope.declared_nonlocal.iter().cloned().collect();
            for name in scope.used.iter().chain(scope.assigned.iter()) {
                let local = scope.binds_locally(name)
                    || (scope.kind == Some(ScopeKind::Class) && scope.assigned.contains(name));
                if !local && !scope.declared_global.contains(name) && scope.kind != Some(ScopeKind::Module) {
                    wanted.push(name.clone());
                }
            }
            for name in wanted {
                self.capture(index, &name);
            }
        }
        // The global table: module-level names plus every name that resolves to a global.
        let mut globals = IndexSet::new();
        for scope in &self.scopes {
            for name in scope.assigned.iter().chain(scope.used.iter()).chain(scope.declared_global.iter()) {
                if scope.resolve(name) == NameRef::Global {
                    globals.insert(name.clone());
                }
            }
        }
        self.globals = globals;
    }

    fn capture(&mut self, from: usize, name: &str) {
        let mut chain = vec![from];
        let mut cursor = self.scopes[from].parent;
        while let Some(outer) = cursor {
            let scope = &self.scopes[outer];
            if scope.kind == Some(ScopeKind::Module) {
                break;
            }
            if scope.is_function() && scope.binds_locally(name) {
                push_unique(&mut self.scopes[outer].cells, name);
                for &inner in &chain {
                    push_unique(&mut self.scopes[inner].frees, name);
                }
                return;
            }
            // A class between them passes the cell on to the functions made in its body.
            if scope.is_function() || scope.kind == Some(ScopeKind::Class) {
                chain.push(outer);
            }
            cursor = scope.parent;
        }
        if self.scopes[from].declared_nonlocal.contains(name) && self.bad_nonlocal.is_none() {
            self.bad_nonlocal = Some((name.to_string(), 0));
        }
    }
}

fn push_unique(list: &mut Vec<String>, name: &str) {
    if !list.iter().any(|n| n == name) {
        list.push(name.to_string());
    }
}

struct Builder {
    table: SymbolTable,
    current: usize,
}

impl Builder {
    fn open(&mut self, offset: u32, kind: ScopeKind) -> usize {
        let index = self.table.scopes.len();
        self.table.scopes.push(Scope { kind: Some(kind), parent: Some(self.current), ..Scope::default() });
        self.table.by_offset.insert(offset, index);
        index
    }

    fn scope(&mut self) -> &mut Scope {
        &mut self.table.scopes[self.current]
    }

    fn bind(&mut self, name: &str) {
        self.scope().assigned.insert(name.to_string());
    }

    fn bind_target(&mut self, target: &Expr) {
        match target {
            Expr::Name(n) => self.bind(n.id.as_str()),
            Expr::Tuple(t) => t.elts.iter().for_each(|e| self.bind_target(e)),
            Expr::List(l) => l.elts.iter().for_each(|e| self.bind_target(e)),
            Expr::Starred(s) => self.bind_target(&s.value),
            other => self.visit_expr(other),
        }
    }

    fn with_scope(&mut self, index: usize, body: impl FnOnce(&mut Self)) {
        let saved = self.current;
        self.current = index;
        body(self);
        self.current = saved;
    }

    fn parameters(&mut self, params: &ast::Parameters) {
        let mut seen: Vec<&str> = Vec::new();
        for p in params.iter() {
            let name = p.name();
            if seen.contains(&name.id.as_str()) {
                self.fail(format!("duplicate argument '{}' in function definition", name.id), name.range);
            }
            seen.push(name.id.as_str());
        }
        let scope = self.scope();
        for p in params.posonlyargs.iter().chain(params.args.iter()).chain(params.kwonlyargs.iter()) {
            scope.params.push(p.parameter.name.id.to_string());
        }
        // Positional first, then keyword-only, then *args, then **kwargs (Signature order).
        let kwonly: Vec<String> = params.kwonlyargs.iter().map(|p| p.parameter.name.id.to_string()).collect();
        scope.params.retain(|p| !kwonly.contains(p));
        scope.params.extend(kwonly);
        if let Some(v) = &params.vararg {
            scope.params.push(v.name.id.to_string());
        }
        if let Some(k) = &params.kwarg {
            scope.params.push(k.name.id.to_string());
        }
    }

    /// CPython's SyntaxError for `global x` (or `nonlocal x`) after x was used, assigned or is a
    /// parameter in the same scope.
    fn declared_before_use(&mut self, name: &ast::Identifier, declaration: &str) {
        let scope = self.scope();
        let id = name.id.as_str();
        let problem = if scope.params.iter().any(|p| p == id) {
            Some(format!("name '{id}' is parameter and {declaration}"))
        } else if scope.assigned.contains(id) {
            Some(format!("name '{id}' is assigned to before {declaration} declaration"))
        } else if scope.used.contains(id) {
            Some(format!("name '{id}' is used prior to {declaration} declaration"))
        } else {
            None
        };
        if let Some(message) = problem {
            self.fail(message, name.range);
        }
    }

    /// Keep the first error.
    fn fail(&mut self, message: String, range: TextRange) {
        self.table.error.get_or_insert((message, range));
    }

    fn defaults(&mut self, params: &ast::Parameters) {
        for p in params.posonlyargs.iter().chain(params.args.iter()).chain(params.kwonlyargs.iter()) {
            if let Some(d) = &p.default {
                self.visit_expr(d);
            }
        }
    }

    fn comprehension(&mut self, offset: u32, generators: &[ast::Comprehension], elts: &[&Expr]) {
        // The first iterable is evaluated in the enclosing scope.
        if let Some(first) = generators.first() {
            self.visit_expr(&first.iter);
        }
        let index = self.open(offset, ScopeKind::Function);
        self.with_scope(index, |b| {
            b.scope().params.push(".0".to_string());
            for (i, g) in generators.iter().enumerate() {
                if i > 0 {
                    b.visit_expr(&g.iter);
                }
                b.bind_target(&g.target);
                g.ifs.iter().for_each(|e| b.visit_expr(e));
            }
            elts.iter().for_each(|e| b.visit_expr(e));
        });
    }
}

impl<'a> Visitor<'a> for Builder {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        match stmt {
            Stmt::FunctionDef(def) => {
                def.decorator_list.iter().for_each(|d| self.visit_expr(&d.expression));
                self.defaults(&def.parameters);
                self.bind(def.name.id.as_str());
                let index = self.open(def.range.start().to_u32(), ScopeKind::Function);
                self.with_scope(index, |b| {
                    b.parameters(&def.parameters);
                    def.body.iter().for_each(|s| b.visit_stmt(s));
                });
            }
            Stmt::ClassDef(class) => {
                class.decorator_list.iter().for_each(|d| self.visit_expr(&d.expression));
                if let Some(args) = &class.arguments {
                    args.args.iter().for_each(|e| self.visit_expr(e));
                }
                self.bind(class.name.id.as_str());
                let index = self.open(class.range.start().to_u32(), ScopeKind::Class);
                self.with_scope(index, |b| class.body.iter().for_each(|s| b.visit_stmt(s)));
            }
            Stmt::Global(g) => {
                for name in &g.names {
                    self.declared_before_use(name, "global");
                    self.scope().declared_global.insert(name.id.to_string());
                }
            }
            Stmt::Nonlocal(n) => {
                for name in &n.names {
                    self.declared_before_use(name, "nonlocal");
                    self.scope().declared_nonlocal.insert(name.id.to_string());
                }
            }
            Stmt::Import(import) => {
                for alias in &import.names {
                    let bound = match &alias.asname {
                        Some(a) => a.id.to_string(),
                        None => alias.name.id.split('.').next().unwrap_or("").to_string(),
                    };
                    self.bind(&bound);
                }
            }
            Stmt::ImportFrom(import) => {
                for alias in crate::subset::named_aliases(import) {
                    self.bind(alias.asname.as_ref().unwrap_or(&alias.name).id.as_str());
                }
            }
            Stmt::For(f) => {
                self.bind_target(&f.target);
                self.visit_expr(&f.iter);
                f.body.iter().chain(f.orelse.iter()).for_each(|s| self.visit_stmt(s));
            }
            Stmt::Assign(a) => {
                a.targets.iter().for_each(|t| self.bind_target(t));
                self.visit_expr(&a.value);
            }
            Stmt::AugAssign(a) => {
                if let Expr::Name(n) = &*a.target {
                    self.scope().used.insert(n.id.to_string());
                }
                self.bind_target(&a.target);
                self.visit_expr(&a.value);
            }
            Stmt::AnnAssign(a) => {
                self.bind_target(&a.target);
                if let Some(v) = &a.value {
                    self.visit_expr(v);
                }
                // A class body evaluates its annotations into `__annotations__`.
                if self.scope().kind == Some(ScopeKind::Class) && a.simple && a.target.is_name_expr() {
                    self.bind("__annotations__");
                    self.visit_expr(&a.annotation);
                }
            }
            Stmt::Delete(d) => d.targets.iter().for_each(|t| self.bind_target(t)),
            Stmt::With(w) => {
                for item in &w.items {
                    self.visit_expr(&item.context_expr);
                    if let Some(v) = &item.optional_vars {
                        self.bind_target(v);
                    }
                }
                w.body.iter().for_each(|s| self.visit_stmt(s));
            }
            Stmt::Try(t) => {
                t.body.iter().for_each(|s| self.visit_stmt(s));
                for handler in &t.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = handler;
                    if let Some(ty) = &h.type_ {
                        self.visit_expr(ty);
                    }
                    if let Some(name) = &h.name {
                        self.bind(name.id.as_str());
                    }
                    h.body.iter().for_each(|s| self.visit_stmt(s));
                }
                t.orelse.iter().chain(t.finalbody.iter()).for_each(|s| self.visit_stmt(s));
            }
            other => visitor::walk_stmt(self, other),
        }
    }

    fn visit_expr(&mut self, expr: &'a Expr) {
        let offset = expr.range().start().to_u32();
        match expr {
            Expr::Name(n) => {
                if n.ctx == ast::ExprContext::Load {
                    self.scope().used.insert(n.id.to_string());
                } else {
                    self.bind(n.id.as_str());
                }
            }
            Expr::Named(n) => {
                self.bind_target(&n.target);
                self.visit_expr(&n.value);
            }
            Expr::Lambda(l) => {
                if let Some(p) = &l.parameters {
                    self.defaults(p);
                }
                let index = self.open(offset, ScopeKind::Function);
                self.with_scope(index, |b| {
                    if let Some(p) = &l.parameters {
                        b.parameters(p);
                    }
                    b.visit_expr(&l.body);
                });
            }
            Expr::ListComp(c) => self.comprehension(offset, &c.generators, &[&c.elt]),
            Expr::SetComp(c) => self.comprehension(offset, &c.generators, &[&c.elt]),
            Expr::Generator(c) => self.comprehension(offset, &c.generators, &[&c.elt]),
            Expr::DictComp(c) => match &c.key {
                Some(key) => self.comprehension(offset, &c.generators, &[key, &c.value]),
                None => self.comprehension(offset, &c.generators, &[&c.value]),
            },
            other => visitor::walk_expr(self, other),
        }
    }

    /// A pattern's capture names are assignments (PEP 634).
    fn visit_pattern(&mut self, pattern: &'a ast::Pattern) {
        let name = match pattern {
            ast::Pattern::MatchAs(p) => p.name.as_ref(),
            ast::Pattern::MatchStar(p) => p.name.as_ref(),
            ast::Pattern::MatchMapping(p) => p.rest.as_ref(),
            _ => None,
        };
        if let Some(name) = name {
            self.bind(name.id.as_str());
        }
        visitor::walk_pattern(self, pattern);
    }
}

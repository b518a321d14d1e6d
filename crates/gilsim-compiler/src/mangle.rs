//! Private name mangling: inside a class body, an identifier `__spam` (two leading
//! underscores, not ending in two) becomes `_Class__spam`, as CPython's compiler does
//! (`_Py_Mangle` in Python/compile.c; language reference, "Private name mangling").
//!
//! Invariant: the rewrite happens once, on the parsed tree, before scopes are built, so every
//! later stage — scopes, compiler, error messages (`'C' object has no attribute '_C__x'`) —
//! sees the mangled names CPython's bytecode holds. A class's own name, decorators, bases and
//! keywords belong to the enclosing scope and use the enclosing class's name (if any);
//! everything in its body, nested functions, lambdas and comprehensions included, uses its
//! own — its name as written, `__Inner` for a class bound as `_Outer__Inner` — until a
//! nested class takes over. A `def`/`class` keeps its written name as `__name__` (the
//! compiler reads it from the source).

use std::cell::RefCell;

use ruff_python_ast::name::Name;
use ruff_python_ast::visitor::transformer::{self, Transformer};
use ruff_python_ast::{self as ast, Expr, Identifier, Stmt};

/// Mangle the private names of every class body in `body` (a module's statements).
pub(crate) fn mangle_private_names(body: &mut [Stmt]) {
    let mangler = Mangler { classes: RefCell::new(Vec::new()) };
    mangler.visit_body(body);
}

struct Mangler {
    /// Names of the classes whose bodies enclose the node being visited, innermost last.
    classes: RefCell<Vec<Name>>,
}

impl Mangler {
    /// `name` as CPython stores it inside the innermost enclosing class, if it changes.
    fn mangled(&self, name: &str) -> Option<Name> {
        let classes = self.classes.borrow();
        let class = classes.last()?;
        if !name.starts_with("__") || name.ends_with("__") {
            return None;
        }
        let class = class.trim_start_matches('_');
        if class.is_empty() {
            return None;
        }
        Some(Name::new(format!("_{class}{name}")))
    }

    fn mangle_name(&self, name: &mut Name) {
        if let Some(mangled) = self.mangled(name) {
            *name = mangled;
        }
    }

    fn mangle(&self, identifier: &mut Identifier) {
        self.mangle_name(&mut identifier.id);
    }
}

impl Transformer for Mangler {
    fn visit_stmt(&self, stmt: &mut Stmt) {
        match stmt {
            Stmt::ClassDef(class) => {
                let declared = class.name.id.clone();
                self.mangle(&mut class.name);
                for decorator in &mut class.decorator_list {
                    self.visit_decorator(decorator);
                }
                if let Some(arguments) = &mut class.arguments {
                    self.visit_arguments(arguments);
                }
                self.classes.borrow_mut().push(declared);
                self.visit_body(&mut class.body);
                self.classes.borrow_mut().pop();
            }
            Stmt::FunctionDef(function) => {
                self.mangle(&mut function.name);
                transformer::walk_stmt(self, stmt);
            }
            Stmt::Global(ast::StmtGlobal { names, .. }) | Stmt::Nonlocal(ast::StmtNonlocal { names, .. }) => {
                names.iter_mut().for_each(|name| self.mangle(name));
            }
            Stmt::Import(ast::StmtImport { names, .. }) | Stmt::ImportFrom(ast::StmtImportFrom { names, .. }) => {
                for alias in names {
                    if let Some(asname) = &mut alias.asname {
                        self.mangle(asname);
                    }
                }
            }
            _ => transformer::walk_stmt(self, stmt),
        }
    }

    fn visit_expr(&self, expr: &mut Expr) {
        match expr {
            Expr::Name(name) => self.mangle_name(&mut name.id),
            Expr::Attribute(attribute) => {
                self.mangle(&mut attribute.attr);
                transformer::walk_expr(self, expr);
            }
            _ => transformer::walk_expr(self, expr),
        }
    }

    fn visit_parameter(&self, parameter: &mut ast::Parameter) {
        self.mangle(&mut parameter.name);
        transformer::walk_parameter(self, parameter);
    }

    fn visit_keyword(&self, keyword: &mut ast::Keyword) {
        if let Some(arg) = &mut keyword.arg {
            self.mangle(arg);
        }
        transformer::walk_keyword(self, keyword);
    }

    fn visit_pattern(&self, pattern: &mut ast::Pattern) {
        let name = match pattern {
            ast::Pattern::MatchAs(p) => p.name.as_mut(),
            ast::Pattern::MatchStar(p) => p.name.as_mut(),
            ast::Pattern::MatchMapping(p) => p.rest.as_mut(),
            _ => None,
        };
        if let Some(name) = name {
            self.mangle(name);
        }
        transformer::walk_pattern(self, pattern);
    }

    fn visit_except_handler(&self, handler: &mut ast::ExceptHandler) {
        let ast::ExceptHandler::ExceptHandler(inner) = handler;
        if let Some(name) = &mut inner.name {
            self.mangle(name);
        }
        transformer::walk_except_handler(self, handler);
    }
}

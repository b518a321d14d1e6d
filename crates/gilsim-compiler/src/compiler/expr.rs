//! Expressions.

use super::{CResult, Compiler};
use crate::error::CompileErrorKind;
use crate::scope::NameRef;
use gilsim_bytecode::{BinOp, CmpOp, CodeFlags, Const, Instr, Param, Signature, UnaryOp};
use ruff_python_ast::{self as ast, Expr};
use ruff_text_size::Ranged;

/// Which collection a comprehension builds.
#[derive(Clone, Copy)]
enum CompKind {
    List,
    /// A generator expression: a generator function that yields each element.
    Gen,
    Set,
    Dict,
}

impl<'s, 'src, 'a> Compiler<'s, 'src, 'a> {
    pub(super) fn bin_op(&self, op: ast::Operator) -> BinOp {
        match op {
            ast::Operator::Div if self.semantics.classic_division => BinOp::ClassicDiv,
            ast::Operator::Add => BinOp::Add,
            ast::Operator::Sub => BinOp::Sub,
            ast::Operator::Mult => BinOp::Mul,
            ast::Operator::MatMult => BinOp::MatMul,
            ast::Operator::Div => BinOp::TrueDiv,
            ast::Operator::Mod => BinOp::Mod,
            ast::Operator::Pow => BinOp::Pow,
            ast::Operator::LShift => BinOp::LShift,
            ast::Operator::RShift => BinOp::RShift,
            ast::Operator::BitOr => BinOp::Or,
            ast::Operator::BitXor => BinOp::Xor,
            ast::Operator::BitAnd => BinOp::And,
            ast::Operator::FloorDiv => BinOp::FloorDiv,
        }
    }

    /// Compile `expr`, its own instructions at its position (CPython's SET_LOC).
    pub(super) fn expr(&mut self, expr: &'a Expr) -> CResult {
        self.at_expr(expr, |compiler| compiler.expr_here(expr))
    }

    /// Compile the iterable of a `for` loop or comprehension: a set display of constants is
    /// CPython's frozenset constant, iterated in its own order (not a display's).
    pub(super) fn iterable(&mut self, expr: &'a Expr) -> CResult {
        match expr {
            Expr::Set(s) if s.elts.len() >= 3 && s.elts.iter().all(is_constant) => self.at_expr(expr, |c| {
                s.elts.iter().try_for_each(|e| c.expr(e))?;
                c.emit(Instr::BuildConstSet { count: s.elts.len() as u32, merged: false });
                Ok(())
            }),
            _ => self.expr(expr),
        }
    }

    /// Compile `expr` at the current position.
    pub(super) fn expr_here(&mut self, expr: &'a Expr) -> CResult {
        match expr {
            Expr::NumberLiteral(n) => match &n.value {
                ast::Number::Int(i) => match i.as_i64() {
                    Some(value) => self.emit_const(Const::Int(value)),
                    None => self.emit_const(long_literal(&i.to_string())),
                },
                ast::Number::Float(f) => self.emit_const(Const::Float(*f)),
                ast::Number::Complex { real, imag } => {
                    self.load_complex_type();
                    self.emit_const(Const::Float(*real));
                    self.emit_const(Const::Float(*imag));
                    self.emit(Instr::Call(2));
                }
            },
            Expr::StringLiteral(s) => self.emit_const(Const::Str(s.value.to_str().to_string())),
            // Python 2's `b"..."` is its `str` (the byte string every unprefixed literal is).
            Expr::BytesLiteral(b) if self.semantics.python2 => {
                self.emit_const(Const::Str(b.value.bytes().map(char::from).collect()))
            }
            Expr::BytesLiteral(b) => self.emit_const(Const::Bytes(b.value.bytes().collect())),
            Expr::BooleanLiteral(b) => self.emit_const(Const::Bool(b.value)),
            Expr::NoneLiteral(_) => self.emit_const(Const::None),
            // The built-in singleton (a script that rebinds the name `Ellipsis` sees its own).
            Expr::EllipsisLiteral(_) => self.load_name("Ellipsis"),
            Expr::Name(n) => self.load_name(n.id.as_str()),
            Expr::Attribute(a) => {
                self.expr(&a.value)?;
                let index = self.name_index(a.attr.id.as_str());
                self.emit(Instr::LoadAttr(index));
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.subscript_index(&s.slice)?;
                self.emit(Instr::LoadSubscr);
            }
            Expr::Slice(s) => self.slice(s)?,
            Expr::BinOp(b) => {
                self.expr(&b.left)?;
                self.expr(&b.right)?;
                self.emit(Instr::Binary(self.bin_op(b.op)));
            }
            Expr::UnaryOp(u) => {
                self.expr(&u.operand)?;
                let op = match u.op {
                    ast::UnaryOp::Invert => UnaryOp::Invert,
                    ast::UnaryOp::Not => UnaryOp::Not,
                    ast::UnaryOp::UAdd => UnaryOp::Pos,
                    ast::UnaryOp::USub => UnaryOp::Neg,
                };
                self.emit(Instr::Unary(op));
            }
            Expr::BoolOp(b) => {
                let mut jumps = Vec::new();
                for (i, value) in b.values.iter().enumerate() {
                    self.expr(value)?;
                    if i + 1 < b.values.len() {
                        let jump = match b.op {
                            ast::BoolOp::And => Instr::JumpIfFalseOrPop(0),
                            ast::BoolOp::Or => Instr::JumpIfTrueOrPop(0),
                        };
                        jumps.push(self.emit(jump));
                    }
                }
                for j in jumps {
                    self.patch_here(j);
                }
            }
            Expr::Compare(c) => self.compare(c)?,
            Expr::If(i) => {
                self.expr(&i.test)?;
                let to_else = self.emit(Instr::PopJumpIfFalse(0));
                self.expr(&i.body)?;
                let to_end = self.emit(Instr::Jump(0));
                self.patch_here(to_else);
                self.expr(&i.orelse)?;
                self.patch_here(to_end);
            }
            Expr::Named(n) => {
                self.expr(&n.value)?;
                self.emit(Instr::Dup);
                self.store_target(&n.target)?;
            }
            Expr::Lambda(l) => self.lambda(l)?,
            Expr::Call(c) => self.call(c)?,
            Expr::Tuple(t) => {
                if t.elts.iter().any(Expr::is_starred_expr) {
                    self.starred_list(&t.elts, false)?;
                    self.emit(Instr::ListToTuple);
                } else {
                    t.elts.iter().try_for_each(|e| self.expr(e))?;
                    self.emit(Instr::BuildTuple(t.elts.len() as u32));
                }
            }
            Expr::List(l) => {
                if l.elts.iter().any(Expr::is_starred_expr) {
                    self.starred_list(&l.elts, false)?;
                } else {
                    l.elts.iter().try_for_each(|e| self.expr(e))?;
                    self.emit(Instr::BuildList(l.elts.len() as u32));
                }
            }
            Expr::Set(s) => {
                if s.elts.iter().any(Expr::is_starred_expr) {
                    // `{*a, b}`: CPython's BUILD_SET 0, then SET_UPDATE and SET_ADD in order.
                    self.emit(Instr::BuildSet(0));
                    for item in &s.elts {
                        match item {
                            Expr::Starred(starred) => {
                                self.expr(&starred.value)?;
                                self.emit(Instr::SetUpdate);
                            }
                            other => {
                                self.expr(other)?;
                                self.emit(Instr::SetAdd(1));
                            }
                        }
                    }
                } else {
                    s.elts.iter().try_for_each(|e| self.expr(e))?;
                    let count = s.elts.len() as u32;
                    let constants = count >= 3 && s.elts.iter().all(is_constant);
                    self.emit(if constants {
                        Instr::BuildConstSet { count, merged: true }
                    } else {
                        Instr::BuildSet(count)
                    });
                }
            }
            Expr::Dict(d) => {
                self.emit(Instr::BuildMap(0));
                for item in &d.items {
                    match &item.key {
                        Some(key) => {
                            self.expr(key)?;
                            self.expr(&item.value)?;
                            self.emit(Instr::MapAdd(1));
                        }
                        None => {
                            self.expr(&item.value)?;
                            self.emit(Instr::DictUpdate);
                        }
                    }
                }
            }
            Expr::ListComp(c) => self.comprehension(expr, "<listcomp>", CompKind::List, &c.generators, &c.elt, None)?,
            Expr::Generator(c) => self.comprehension(expr, "<genexpr>", CompKind::Gen, &c.generators, &c.elt, None)?,
            Expr::Yield(y) => {
                self.enter_generator(y.range)?;
                match &y.value {
                    Some(value) => self.expr(value)?,
                    None => self.emit_const(Const::None),
                }
                if self.unit().code.flags.is_async_generator {
                    self.emit(Instr::AsyncGenYield);
                } else {
                    self.emit(Instr::YieldValue);
                }
            }
            Expr::Await(a) => {
                self.enter_await(a.range, "'await'")?;
                self.expr(&a.value)?;
                self.emit_await();
            }
            Expr::YieldFrom(y) => {
                // CPython 3.11's layout: the value sent in goes to the iterator (`next` for
                // None), what it yields is yielded, what it returns is the expression's value.
                // The jump back is not a switch point (JUMP_BACKWARD_NO_INTERRUPT).
                self.enter_generator(y.range)?;
                if self.unit().code.flags.is_coroutine {
                    return Err(self.error(y.range, CompileErrorKind::Syntax, "'yield from' inside async function"));
                }
                self.expr(&y.value)?;
                self.emit(Instr::GetIter);
                self.emit_send_loop();
            }
            Expr::SetComp(c) => self.comprehension(expr, "<setcomp>", CompKind::Set, &c.generators, &c.elt, None)?,
            Expr::DictComp(c) => {
                let Some(key) = &c.key else {
                    return Err(self.unsupported(c.range, "`**` in a dict comprehension"));
                };
                self.comprehension(expr, "<dictcomp>", CompKind::Dict, &c.generators, key, Some(&c.value))?
            }
            Expr::FString(f) => self.fstring(f)?,
            Expr::Starred(s) => {
                return Err(self.error(s.range, CompileErrorKind::Syntax, "can't use starred expression here"))
            }
            other => return Err(self.unsupported(other.range(), "this expression")),
        }
        Ok(())
    }

    pub(super) fn subscript_index(&mut self, index: &'a Expr) -> CResult {
        self.expr(index)
    }

    fn slice(&mut self, s: &'a ast::ExprSlice) -> CResult {
        for part in [&s.lower, &s.upper] {
            match part {
                Some(e) => self.expr(e)?,
                None => self.emit_const(Const::None),
            }
        }
        match &s.step {
            Some(step) => {
                self.expr(step)?;
                self.emit(Instr::BuildSlice(3));
            }
            None => {
                self.emit(Instr::BuildSlice(2));
            }
        }
        Ok(())
    }

    fn compare(&mut self, c: &'a ast::ExprCompare) -> CResult {
        self.expr(&c.left)?;
        let n = c.ops.len();
        let mut cleanup = Vec::new();
        for (i, (op, right)) in c.ops.iter().zip(c.comparators.iter()).enumerate() {
            self.expr(right)?;
            let last = i + 1 == n;
            if !last {
                self.emit(Instr::Dup);
                self.emit(Instr::Rot3);
            }
            let instr = match op {
                ast::CmpOp::Eq => Instr::Compare(CmpOp::Eq),
                ast::CmpOp::NotEq => Instr::Compare(CmpOp::Ne),
                ast::CmpOp::Lt => Instr::Compare(CmpOp::Lt),
                ast::CmpOp::LtE => Instr::Compare(CmpOp::Le),
                ast::CmpOp::Gt => Instr::Compare(CmpOp::Gt),
                ast::CmpOp::GtE => Instr::Compare(CmpOp::Ge),
                ast::CmpOp::Is => Instr::Is(false),
                ast::CmpOp::IsNot => Instr::Is(true),
                ast::CmpOp::In => Instr::Contains(false),
                ast::CmpOp::NotIn => Instr::Contains(true),
            };
            self.emit(instr);
            if !last {
                cleanup.push(self.emit(Instr::JumpIfFalseOrPop(0)));
            }
        }
        if !cleanup.is_empty() {
            let to_end = self.emit(Instr::Jump(0));
            for j in cleanup {
                self.patch_here(j);
            }
            self.emit(Instr::Rot2);
            self.emit(Instr::Pop);
            self.patch_here(to_end);
        }
        Ok(())
    }

    fn lambda(&mut self, l: &'a ast::ExprLambda) -> CResult {
        let (signature, flags) = self.signature(l.parameters.as_deref())?;
        let line = self.line_of(l.range);
        let code_flags = CodeFlags { is_lambda: true, ..CodeFlags::default() };
        self.enter_scope(Self::start(l), "<lambda>", signature, code_flags, line);
        self.expr(&l.body)?;
        self.emit(Instr::Return);
        self.leave_scope_make_function(flags);
        Ok(())
    }

    /// The positional arguments and the keywords of a call made by [`Instr::CallEx`]. As in
    /// CPython 3.9+, `f(*args)` hands `args` over as it is (CALL_FUNCTION_EX makes a tuple
    /// of it only when it is not one); a named keyword after a `**` is merged as a dict of
    /// its own, so that a name given twice is an error.
    /// Returns whether the positional arguments are the lone `*x` ([`Instr::CallEx`]'s
    /// `spread`).
    fn call_ex_arguments(&mut self, args: &'a ast::Arguments) -> CResult<bool> {
        let spread = match &*args.args {
            [Expr::Starred(only)] => {
                self.expr(&only.value)?;
                true
            }
            positional => {
                self.starred_list(positional, true)?;
                self.emit(Instr::ListToTuple);
                false
            }
        };
        if args.keywords.is_empty() {
            self.emit_const(Const::None);
            return Ok(spread);
        }
        self.emit(Instr::BuildMap(0));
        let mut merged = false;
        for kw in &args.keywords {
            match &kw.arg {
                Some(name) => {
                    if merged {
                        self.emit(Instr::BuildMap(0));
                    }
                    self.emit_const(Const::Str(name.id.to_string()));
                    self.expr(&kw.value)?;
                    self.emit(Instr::MapAdd(1));
                    if merged {
                        self.emit(Instr::DictMerge);
                    }
                }
                None => {
                    self.expr(&kw.value)?;
                    self.emit(Instr::DictMerge);
                    merged = true;
                }
            }
        }
        Ok(spread)
    }

    /// Positional items with `*x` unpacking, built into one list on the stack (`call`: a
    /// call's arguments, the callable below the list).
    fn starred_list(&mut self, items: &'a [Expr], call: bool) -> CResult {
        self.emit(Instr::BuildList(0));
        for item in items {
            match item {
                Expr::Starred(s) => {
                    self.expr(&s.value)?;
                    self.emit(Instr::ListExtend { call });
                }
                other => {
                    self.expr(other)?;
                    self.emit(Instr::ListAppend(1));
                }
            }
        }
        Ok(())
    }

    fn call(&mut self, c: &'a ast::ExprCall) -> CResult {
        let args = &c.arguments;
        // Zero-argument super(): pass the defining class and the first argument explicitly.
        if let Expr::Name(name) = &*c.func {
            if name.id.as_str() == "super" && args.args.is_empty() && args.keywords.is_empty() {
                let in_function = self.units.len() > 1 && !self.unit().code.flags.is_class_body;
                if in_function && self.resolve("super") == NameRef::Global {
                    self.load_name("super");
                    self.emit(Instr::LoadSuperArgs);
                    self.emit(Instr::Call(2));
                    return Ok(());
                }
            }
        }
        let has_star = args.args.iter().any(Expr::is_starred_expr);
        let has_double_star = args.keywords.iter().any(|k| k.arg.is_none());
        if let (Expr::Attribute(method), false, true) = (&*c.func, has_star, args.keywords.is_empty()) {
            // `obj.name(args)`: the method and its receiver travel apart (LOAD_METHOD).
            self.at_expr(&c.func, |compiler| {
                compiler.expr(&method.value)?;
                let index = compiler.name_index(method.attr.id.as_str());
                compiler.emit(Instr::LoadMethod(index));
                Ok(())
            })?;
            args.args.iter().try_for_each(|a| self.expr(a))?;
            self.emit(Instr::CallMethod(args.args.len() as u32));
            return Ok(());
        }
        self.expr(&c.func)?;
        // A keyword call with more arguments than `CallKw` counts goes the general way too.
        let too_many_for_call_kw =
            !args.keywords.is_empty() && args.args.len() + args.keywords.len() > usize::from(u16::MAX);
        if has_star || has_double_star || too_many_for_call_kw {
            let spread = self.call_ex_arguments(args)?;
            self.emit(Instr::CallEx { spread });
            return Ok(());
        }
        args.args.iter().try_for_each(|a| self.expr(a))?;
        if args.keywords.is_empty() {
            self.emit(Instr::Call(args.args.len() as u32));
        } else {
            let mut names = Vec::new();
            for kw in &args.keywords {
                let name = kw.arg.as_ref().expect("no ** keywords here").id.to_string();
                if names.iter().any(|n: &Const| *n == Const::Str(name.clone())) {
                    return Err(self.error(
                        kw.range,
                        CompileErrorKind::Syntax,
                        format!("keyword argument repeated: {name}"),
                    ));
                }
                names.push(Const::Str(name));
                self.expr(&kw.value)?;
            }
            let names = self.const_index(Const::Tuple(names));
            let argc = u16::try_from(args.args.len() + args.keywords.len()).expect("larger calls take CallEx");
            self.emit(Instr::CallKw { argc, names });
        }
        Ok(())
    }

    /// A `yield` makes the function being compiled a generator; outside a function it is
    /// CPython's SyntaxError.
    fn enter_generator(&mut self, range: ruff_text_size::TextRange) -> CResult {
        let flags = self.unit().code.flags;
        if self.units.len() == 1 || flags.is_class_body {
            return Err(self.error(range, CompileErrorKind::Syntax, "'yield' outside function"));
        }
        let kind = match self.unit().code.name.as_str() {
            "<listcomp>" => Some("list comprehension"),
            "<setcomp>" => Some("set comprehension"),
            "<dictcomp>" => Some("dict comprehension"),
            "<genexpr>" => Some("generator expression"),
            _ => None,
        };
        if let (true, Some(kind)) = (flags.is_lambda, kind) {
            return Err(self.error(range, CompileErrorKind::Syntax, format!("'yield' inside {kind}")));
        }
        self.unit().code.flags.is_generator = true;
        Ok(())
    }

    /// Comprehensions compile to a nested function called with the first iterator, as in
    /// CPython ≤ 3.11; a generator expression's function is a generator.
    fn comprehension(
        &mut self,
        node: &'a Expr,
        name: &str,
        kind: CompKind,
        generators: &'a [ast::Comprehension],
        elt: &'a Expr,
        value: Option<&'a Expr>,
    ) -> CResult {
        let first = generators.first().expect("a comprehension has a generator");
        let generator = matches!(kind, CompKind::Gen);
        // PEP 530: an `async for` or an `await` in it makes it a coroutine (an async
        // generator, for a generator expression) that the enclosing coroutine awaits.
        let is_async = super::async_code::comprehension_is_async(generators, elt, value);
        if is_async && !generator {
            self.enter_await(node.range(), "asynchronous comprehension")?;
        }
        self.iterable(&first.iter)?;
        // At the comprehension to 3.12 (the current position), at the iterable from 3.13.
        self.emit_moved_in_313(if first.is_async { Instr::GetAIter } else { Instr::GetIter }, &first.iter);
        let line = self.line_of(node.range());
        let signature =
            Signature { positional: vec![Param { name: ".0".into(), has_default: false }], ..Signature::default() };
        let flags = CodeFlags {
            is_lambda: true,
            is_generator: generator || is_async,
            is_coroutine: is_async,
            is_async_generator: is_async && generator,
            ..CodeFlags::default()
        };
        self.enter_scope(Self::start(node), name, signature, flags, line);
        match kind {
            CompKind::List => self.emit(Instr::BuildList(0)),
            CompKind::Set => self.emit(Instr::BuildSet(0)),
            CompKind::Dict => self.emit(Instr::BuildMap(0)),
            CompKind::Gen => 0,
        };
        let mut loops = Vec::new();
        for (depth, generator) in generators.iter().enumerate() {
            if depth == 0 {
                self.emit(Instr::LoadFast(0));
            } else {
                self.iterable(&generator.iter)?;
                let instr = if generator.is_async { Instr::GetAIter } else { Instr::GetIter };
                self.at_position(self.position_of(self.node_range(node), None), |c| {
                    c.emit_moved_in_313(instr, &generator.iter);
                    Ok(())
                })?;
            }
            let top = self.here();
            // The first loop steps the iterator at the comprehension (CPython to 3.12; 3.13
            // marks the iterable); the others at their iterable.
            let mut exit = 0;
            if depth == 0 {
                self.at_position(self.position_of(self.node_range(node), None), |c| {
                    exit = if generator.is_async {
                        c.emit_async_next()
                    } else {
                        c.emit_moved_in_313(Instr::ForIter(0), &generator.iter)
                    };
                    Ok(())
                })?;
            } else {
                self.at_position(self.position_of(generator.iter.range(), None), |c| {
                    exit = if generator.is_async { c.emit_async_next() } else { c.emit(Instr::ForIter(0)) };
                    Ok(())
                })?;
            }
            self.store_target(&generator.target)?;
            for cond in &generator.ifs {
                self.expr(cond)?;
                self.emit(Instr::PopJumpIfFalse(top));
            }
            loops.push((top, exit, generator.is_async));
        }
        // The collection sits below one iterator per generator.
        let depth = generators.len() as u32 + 1;
        match kind {
            CompKind::Gen => {
                self.expr(elt)?;
                self.emit(if is_async { Instr::AsyncGenYield } else { Instr::YieldValue });
                self.emit(Instr::Pop);
            }
            CompKind::List => {
                self.expr(elt)?;
                self.emit(Instr::ListAppend(depth));
            }
            CompKind::Set => {
                self.expr(elt)?;
                self.emit(Instr::SetAdd(depth));
            }
            CompKind::Dict => {
                self.expr(elt)?;
                self.expr(value.expect("dict comprehension value"))?;
                self.emit(Instr::MapAdd(depth));
            }
        }
        for (top, exit, is_async) in loops.into_iter().rev() {
            self.emit(Instr::JumpBackward(top));
            self.patch_here(exit);
            if is_async {
                self.emit(Instr::EndAsyncFor);
            }
        }
        if generator {
            self.emit_const(Const::None);
        }
        self.emit(Instr::Return);
        self.leave_scope_make_function(0);
        self.emit(Instr::Rot2);
        self.emit(Instr::Call(1));
        if is_async && !generator {
            self.emit_await();
        }
        Ok(())
    }

    fn fstring(&mut self, f: &'a ast::ExprFString) -> CResult {
        let mut count = 0;
        for part in f.value.iter() {
            match part {
                ast::FStringPart::Literal(lit) => {
                    self.emit_const(Const::Str(lit.value.to_string()));
                    count += 1;
                }
                ast::FStringPart::FString(fs) => count += self.fstring_elements(&fs.elements)?,
            }
        }
        if count != 1 {
            self.emit(Instr::BuildString(count));
        }
        Ok(())
    }

    fn fstring_elements(&mut self, elements: &'a ast::InterpolatedStringElements) -> CResult<u32> {
        let mut count = 0;
        for element in elements.iter() {
            match element {
                ast::InterpolatedStringElement::Literal(lit) => {
                    self.emit_const(Const::Str(lit.value.to_string()));
                    count += 1;
                }
                ast::InterpolatedStringElement::Interpolation(inter) => {
                    let mut conversion = inter.conversion.to_byte().unwrap_or(0);
                    if let Some(debug) = &inter.debug_text {
                        self.emit_const(Const::Str(debug.as_str().to_string()));
                        count += 1;
                        if conversion == 0 && inter.format_spec.is_none() {
                            conversion = b'r';
                        }
                    }
                    self.expr(&inter.expression)?;
                    let spec = match &inter.format_spec {
                        Some(spec) => {
                            let n = self.fstring_elements(&spec.elements)?;
                            if n != 1 {
                                self.emit(Instr::BuildString(n));
                            }
                            true
                        }
                        None => false,
                    };
                    // 3.12's f-strings are tokenized: the formatting is at its `{...}`.
                    let field = self.position_of(inter.range, None);
                    self.emit_moved(Instr::FormatValue { conversion, spec }, 12, field);
                    count += 1;
                }
            }
        }
        if count == 0 {
            self.emit_const(Const::Str(String::new()));
            count = 1;
        }
        Ok(count)
    }
}

/// An int literal beyond i64, as the parser gives it (`123…`, `0x_FF…` with its prefix and
/// underscores), as a constant.
fn long_literal(text: &str) -> Const {
    let text = text.replace('_', "");
    let lower = text.to_ascii_lowercase();
    let (radix, digits) = match lower.get(..2) {
        Some("0x") => (16, &lower[2..]),
        Some("0o") => (8, &lower[2..]),
        Some("0b") => (2, &lower[2..]),
        _ => (10, lower.as_str()),
    };
    Const::Long { digits: digits.to_string(), radix }
}

/// Whether CPython's AST optimizer makes `expr` a constant: a literal, a tuple of constants,
/// or a sign on a number.
fn is_constant(expr: &Expr) -> bool {
    match expr {
        Expr::NumberLiteral(_)
        | Expr::StringLiteral(_)
        | Expr::BytesLiteral(_)
        | Expr::BooleanLiteral(_)
        | Expr::NoneLiteral(_)
        | Expr::EllipsisLiteral(_) => true,
        Expr::Tuple(t) => t.elts.iter().all(is_constant),
        Expr::UnaryOp(u) => {
            matches!(u.op, ast::UnaryOp::USub | ast::UnaryOp::UAdd) && matches!(*u.operand, Expr::NumberLiteral(_))
        }
        _ => false,
    }
}

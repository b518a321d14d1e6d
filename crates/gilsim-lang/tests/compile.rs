//! The compiler's output for the constructs whose shape matters to users (the read-modify-write
//! window of `x += 1`, where switch points fall, how `finally` runs on `break`), and its errors.

use gilsim_bytecode::{disassemble, Instr, Program};
use gilsim_lang::{compile, CompileErrorKind};

fn program(source: &str) -> Program {
    compile(source, "t.py").expect("compiles")
}

/// Instructions of the code object named `name`, without operands' details.
fn instrs<'p>(program: &'p Program, name: &str) -> &'p [Instr] {
    &program.codes.iter().find(|c| c.name == name).expect("code object").instrs
}

#[test]
fn global_augmented_assignment_reads_then_writes_the_global() {
    let p = program("x = 0\ndef f():\n    global x\n    x += 1\n");
    let body = instrs(&p, "f");
    let load = body.iter().position(|i| matches!(i, Instr::LoadGlobal(_))).expect("load");
    let op = body.iter().position(|i| matches!(i, Instr::Inplace(_))).expect("inplace op");
    let store = body.iter().position(|i| matches!(i, Instr::StoreGlobal(_))).expect("store");
    assert!(load < op && op < store, "{body:?}");
}

#[test]
fn switch_points_follow_the_version_rules() {
    let p = program("def one():\n    return 1\ni = 0\nwhile i < 3:\n    i = i + one()\n");
    let modern = disassemble(&p, false);
    // Function entry (Resume), the loop's backward jump and the call are switch points ...
    assert!(modern.lines().any(|l| l.contains(" S ") && l.contains("JumpBackward")), "{modern}");
    assert!(modern.lines().any(|l| l.contains(" s ") && l.contains("Call")), "{modern}");
    // ... the load/add/store are not, unless every instruction is one (≤ 3.9).
    assert!(!modern.lines().any(|l| l.contains(" S ") && l.contains("StoreGlobal")), "{modern}");
    let every = disassemble(&p, true);
    assert!(every.lines().any(|l| l.contains(" S ") && l.contains("StoreGlobal")), "{every}");
}

#[test]
fn try_finally_copies_the_final_body_onto_each_exit_path() {
    let p = program("for i in range(3):\n    try:\n        break\n    finally:\n        print('f')\n");
    let module = instrs(&p, "<module>");
    // As in CPython's compile.c: one copy on the `break` path, one on the fall-through path,
    // one in the handler that re-raises.
    let print_slot = p.global_names.iter().position(|n| n == "print").expect("print is a global name") as u32;
    let copies = module.iter().filter(|i| matches!(i, Instr::LoadGlobal(s) if *s == print_slot)).count();
    assert_eq!(copies, 3, "{module:?}");
    assert!(module.contains(&Instr::Reraise), "{module:?}");
}

#[test]
fn python2_print_statement_gets_a_hint() {
    let err = compile("x = 1\nprint \"hello\"\n", "old.py").expect_err("rejected");
    assert_eq!(err.kind, CompileErrorKind::Syntax);
    assert_eq!(err.line, 2);
    assert!(err.hint.as_deref().unwrap_or("").contains("print(...)"), "{err:?}");
    assert!(err.rendered.contains("old.py"), "{}", err.rendered);
}

#[test]
fn star_imports_only_at_module_level() {
    for source in ["def f():\n    from time import *\n", "class A:\n    from time import *\n"] {
        let err = compile(source, "t.py").expect_err(source);
        assert_eq!(err.kind, CompileErrorKind::Syntax, "{source}");
        assert_eq!((err.line, err.message.as_str()), (2, "import * only allowed at module level"), "{source}");
    }
    let program = compile("from time import *\nsleep(0)\n", "t.py").expect("a module-level star import");
    assert!(program.codes[0].instrs.contains(&gilsim_bytecode::Instr::ImportStar), "{:?}", program.codes[0].instrs);
    assert!(program.modules.iter().any(|m| m.name == "time"), "the star-imported module is linked");
}

#[test]
fn yield_outside_a_function_is_a_syntax_error() {
    for (source, message) in [
        ("yield 1\n", "'yield' outside function"),
        ("class A:\n    yield 1\n", "'yield' outside function"),
        ("def f():\n    return [(yield x) for x in range(3)]\n", "'yield' inside list comprehension"),
    ] {
        let err = compile(source, "t.py").expect_err(source);
        assert_eq!(err.kind, CompileErrorKind::Syntax, "{source}");
        assert!(err.message.contains(message), "{source}: {}", err.message);
    }
    assert!(compile("def f():\n    x = yield 1\n    yield from range(x)\n", "t.py").is_ok());
}

#[test]
fn async_syntax_outside_an_async_function_is_a_syntax_error() {
    for (source, message) in [
        ("await x\n", "'await' outside function"),
        ("def f():\n    await x\n", "'await' outside async function"),
        ("async with x:\n    pass\n", "'async with' outside async function"),
        ("def f():\n    async for x in y:\n        pass\n", "'async for' outside async function"),
        ("async def f():\n    yield from x\n", "'yield from' inside async function"),
        ("async def f():\n    return 2\n    yield 1\n", "'return' with value in async generator"),
    ] {
        let err = compile(source, "t.py").expect_err(source);
        assert_eq!(err.kind, CompileErrorKind::Syntax, "{source}");
        assert!(err.message.contains(message), "{source}: {}", err.message);
    }
    let program = compile("async def f(x):\n    async with x:\n        return await x\n", "t.py").expect("a coroutine");
    let flags = program.codes[1].flags;
    assert!(flags.is_coroutine && flags.is_generator && !flags.is_async_generator, "{flags:?}");
    assert!(program.modules.iter().any(|m| m.name == "_gilsim_async"), "the coroutine types are linked");
}

/// CPython's compiler refuses a jump out of an `except*` clause (its clauses' outcomes are
/// merged after the last one); a jump inside one, or a nested function's return, is fine.
#[test]
fn jumps_out_of_an_except_star_clause_are_syntax_errors() {
    let message = "'break', 'continue' and 'return' cannot appear in an except* block";
    for source in [
        "for i in x:\n    try:\n        pass\n    except* ValueError:\n        continue\n",
        "while x:\n    try:\n        pass\n    except* ValueError:\n        break\n",
        "def f():\n    try:\n        pass\n    except* ValueError:\n        return 1\n",
        "def f():\n    try:\n        pass\n    except* ValueError:\n        if x:\n            return\n",
    ] {
        let err = compile(source, "t.py").expect_err(source);
        assert_eq!((err.kind, err.message.as_str()), (CompileErrorKind::Syntax, message), "{source}");
    }
    let fine = "def f():\n    try:\n        pass\n    except* ValueError:\n        for y in x:\n            break\n        def g():\n            return 1\n    return 2\n";
    let program = compile(fine, "t.py").expect("jumps that stay inside the clause");
    assert!(program.modules.iter().any(|m| m.name == "_gilsim_groups"), "the except* helpers are linked");
}

#[test]
fn constructs_outside_the_subset_are_named_with_their_position() {
    for (source, needle, line) in [
        ("x = 1\ntype Point = tuple[int, int]\n", "`type` statement", 2),
        ("x = 1\nimport subprocess\n", "subprocess", 2),
        ("class A(B, **kw):\n    pass\n", "class statement", 1),
    ] {
        let err = compile(source, "t.py").expect_err(source);
        assert_eq!(err.kind, CompileErrorKind::Unsupported, "{source}");
        assert_eq!(err.line, line, "{source}: {}", err.message);
        assert!(err.message.contains(needle), "{source}: {}", err.message);
        assert!(err.column >= 1);
    }
}

#[test]
fn nonlocal_without_binding_is_a_syntax_error() {
    let err = compile("def f():\n    nonlocal q\n", "t.py").expect_err("rejected");
    assert_eq!(err.kind, CompileErrorKind::Syntax);
    assert!(err.message.contains("nonlocal 'q'"), "{}", err.message);
}

#[test]
fn keyword_calls_beyond_call_kw_s_count_take_the_general_call() {
    let small = program("def f(*a, **k):\n    pass\nf(1, 2, x=3)\n");
    assert!(instrs(&small, "<module>").iter().any(|i| matches!(i, Instr::CallKw { argc: 3, .. })));
    // 65,535 arguments and one keyword: one more than `CallKw`'s 16-bit count.
    let source = format!("def f(*a, **k):\n    pass\nf({}x=1)\n", "0, ".repeat(usize::from(u16::MAX)));
    let large = program(&source);
    let module = instrs(&large, "<module>");
    assert!(module.contains(&Instr::CallEx { spread: false }), "{:?}", &module[module.len().saturating_sub(8)..]);
    assert!(!module.iter().any(|i| matches!(i, Instr::CallKw { .. })));
}

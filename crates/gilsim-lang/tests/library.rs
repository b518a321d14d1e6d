//! The library modules a run links are loaded from what the build compiled (`build.rs`):
//! each must be exactly what compiling its source now gives, through serialization and back.

#[test]
fn every_library_module_loads_as_compiling_its_source_gives() {
    let mut checked = 0;
    for name in gilsim_lang::library_module_names() {
        let (loaded, fresh) = gilsim_lang::library_module_both_ways(name).expect("a library module");
        assert!(
            loaded == fresh,
            "library module {name}: the compiled form built into gilsim differs from its source's"
        );
        assert!(!loaded.0.codes.is_empty(), "library module {name} has a module body");
        checked += 1;
    }
    assert_eq!(checked, 117);
}

#[test]
fn a_script_links_the_library_modules_it_imports_and_those_they_import() {
    let program = gilsim_lang::compile("import queue\n", "s.py").expect("compiles");
    let names: Vec<&str> = program.modules.iter().map(|m| m.name.as_str()).collect();
    assert_eq!(names[0], "__main__");
    for needed in ["threading", "queue", "_gilsim_iter", "_gilsim_union"] {
        assert!(names.contains(&needed), "{needed} linked: {names:?}");
    }
    assert!(!names.contains(&"logging"), "only what is imported: {names:?}");
}

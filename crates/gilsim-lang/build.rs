//! Compile every library module (`library/*.py`) with gilsim's compiler and embed the
//! results, serialized with postcard, so that a run loads them instead of compiling them.

// The build reads the module table alone.
#[allow(dead_code)]
#[path = "src/library.rs"]
mod library;

use std::fmt::Write as _;
use std::path::PathBuf;

fn main() {
    println!("cargo:rerun-if-changed=library");
    println!("cargo:rerun-if-changed=src/library.rs");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let imports = library::library_imports();
    let mut table = String::from("static COMPILED_LIBRARY: [&[u8]; LIBRARY.len()] = [\n");
    for (index, (name, filename, source)) in library::LIBRARY.iter().enumerate() {
        let compiled = gilsim_compiler::compile_module(source, filename, &imports, Default::default(), None)
            .unwrap_or_else(|err| panic!("gilsim's library module {name} must compile:\n{err}"));
        let bytes = postcard::to_stdvec(&compiled).expect("a compiled module serializes");
        let file = out.join(format!("library_{index}.bin"));
        std::fs::write(&file, bytes).expect("OUT_DIR is writable");
        writeln!(table, "    include_bytes!({:?}),", file.display().to_string()).expect("writing to a String");
    }
    table.push_str("];\n");
    std::fs::write(out.join("compiled_library.rs"), table).expect("OUT_DIR is writable");
}

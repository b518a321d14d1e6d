//! The natives under `multiprocessing.shared_memory` (library/multiprocessing_shared_memory.py):
//! POSIX shared memory objects, which CPython opens with `shm_open` and maps (`_posixshmem`,
//! `mmap`). A segment is a `bytearray` kept by name in the machine's file system
//! ([`crate::files::FileSystem::shared_memory`]), so every simulated process that opens the
//! name — or inherits an open `SharedMemory` by fork — reads and writes the same bytes.
//!
//! Invariant: a name is present from its creation until `unlink`; a process that still has
//! the segment open keeps its bytes after the unlink, as a mapping outlives its name.

use crate::builtins::arity;
use crate::files::{EEXIST, ENOENT};
use crate::native::{native, Control, NativeFn};
use crate::types::Exc;
use crate::value::Value;
use crate::Vm;

/// The natives `library/multiprocessing_shared_memory.py` uses.
pub(crate) const NATIVES: [&NativeFn; 5] = [&SHM_CREATE, &SHM_OPEN, &SHM_UNLINK, &SHM_TRACK, &SHM_LEAKED];

/// The segment name argument `v` (CPython's names begin with `/`).
fn name_arg(vm: &mut Vm, v: &Value) -> Result<String, Control> {
    match v {
        Value::Str(name) => Ok(name.to_string()),
        _ => Err(vm.raise_msg(Exc::TypeError, "a shared memory name must be a str")),
    }
}

// `shm_create(name, data)`: make the segment `name` hold the bytearray `data`; FileExistsError
// if the name is taken (`O_CREAT | O_EXCL`).
native!(SHM_CREATE, "_gilsim.shm_create", shared, |vm, _th, args| {
    arity(vm, "shm_create", args, 2, 2)?;
    let name = name_arg(vm, &args.pos[0])?;
    let data @ Value::ByteArray(_) = args.pos[1].clone() else {
        return Err(vm.raise_msg(Exc::TypeError, "shm_create() takes a bytearray"));
    };
    if vm.files().shared_memory.contains_key(&name) {
        return Err(vm.os_error(EEXIST, &name, None));
    }
    vm.files().shared_memory.insert(name, data);
    Ok(Value::None)
});

// `shm_open(name)`: the bytearray of the segment `name`; FileNotFoundError if there is none.
native!(SHM_OPEN, "_gilsim.shm_open", shared, |vm, _th, args| {
    arity(vm, "shm_open", args, 1, 1)?;
    let name = name_arg(vm, &args.pos[0])?;
    match vm.files().shared_memory.get(&name) {
        Some(data) => Ok(data.clone()),
        None => Err(vm.os_error(ENOENT, &name, None)),
    }
});

// `shm_unlink(name)`: remove the name (open mappings keep the bytes); FileNotFoundError if
// there is none.
native!(SHM_UNLINK, "_gilsim.shm_unlink", shared, |vm, _th, args| {
    arity(vm, "shm_unlink", args, 1, 1)?;
    let name = name_arg(vm, &args.pos[0])?;
    match vm.files().shared_memory.remove(&name) {
        Some(_) => Ok(Value::None),
        None => Err(vm.os_error(ENOENT, &name, None)),
    }
});

// `shm_track(name, held)`: the resource tracker registers (`held`) or unregisters `name`.
native!(SHM_TRACK, "_gilsim.shm_track", shared, |vm, th, args| {
    arity(vm, "shm_track", args, 2, 2)?;
    let name = name_arg(vm, &args.pos[0])?;
    let held = vm.truthy(th, &args.pos[1])?;
    let tracked = &mut vm.files().tracked_shared_memory;
    if held {
        tracked.insert(name);
    } else {
        tracked.remove(&name);
    }
    Ok(Value::None)
});

// `shm_leaked()`: the names the tracker still holds, sorted (what it warns about at shutdown).
native!(SHM_LEAKED, "_gilsim.shm_leaked", shared, |vm, _th, args| {
    arity(vm, "shm_leaked", args, 0, 0)?;
    let Some(files) = &vm.files else {
        return Ok(Value::list(Vec::new()));
    };
    Ok(Value::list(files.tracked_shared_memory.iter().map(|name| Value::str(name)).collect()))
});

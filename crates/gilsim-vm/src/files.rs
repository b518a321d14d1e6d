//! The simulated machine's file system: what `open()`, `os.remove`, `os.listdir`... see. It
//! starts with the root, `/tmp`, the working directory (`/home/gilsim`) and the script
//! itself, lives for one run and is shared by the run's processes (one machine, one disk).
//! No host file is ever read or written: a run stays a pure function of script, options
//! and seed.
//!
//! Invariant: paths are kept absolute and normalised (no `.`, `..` or repeated `/`), and
//! every node's parent directory exists. Operations answer POSIX errno values, which
//! library/io.py and library/os.py raise as CPython's `OSError` subclasses.

use crate::builtins::{arity, int_arg};
use crate::native::{native, Args, Control, NativeFn};
use crate::value::Value;
use crate::{Exc, Vm};
use std::collections::BTreeMap;

/// The working directory of every simulated process.
pub const CWD: &str = "/home/gilsim";

pub(crate) const ENOENT: i64 = 2;
pub(crate) const EEXIST: i64 = 17;
const ENOTDIR: i64 = 20;
const EISDIR: i64 = 21;
const ENOTEMPTY: i64 = 39;

enum Node {
    File(Vec<u8>),
    Dir,
}

/// Every file and directory, by absolute path (ordered: `listdir` is sorted, and no hash
/// order can reach output).
pub struct FileSystem {
    nodes: BTreeMap<String, Node>,
    /// POSIX shared memory objects (`shm_open`, which Linux keeps in `/dev/shm`), by name: a
    /// `bytearray` every process that opens the name sees (see
    /// [`crate::modules::shared_memory`]).
    pub(crate) shared_memory: BTreeMap<String, Value>,
    /// The names `multiprocessing`'s resource tracker holds (registered by every
    /// `SharedMemory` that tracks, unregistered by `unlink`): one tracker for all processes.
    pub(crate) tracked_shared_memory: std::collections::BTreeSet<String>,
}

impl Default for FileSystem {
    fn default() -> Self {
        let nodes = ["/", "/home", "/tmp", CWD].into_iter().map(|dir| (dir.to_string(), Node::Dir)).collect();
        FileSystem { nodes, shared_memory: BTreeMap::new(), tracked_shared_memory: Default::default() }
    }
}

/// `path` made absolute against [`CWD`] and normalised.
pub fn resolve(path: &str) -> String {
    let joined = if path.starts_with('/') { path.to_string() } else { format!("{CWD}/{path}") };
    let mut parts: Vec<&str> = Vec::new();
    for part in joined.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            name => parts.push(name),
        }
    }
    format!("/{}", parts.join("/"))
}

fn parent(path: &str) -> &str {
    match path.rfind('/') {
        Some(0) | None => "/",
        Some(at) => &path[..at],
    }
}

impl FileSystem {
    /// The machine as a run starts: the script on disk at the path it was run by (a program
    /// may read its own source or list its directory), and nothing else.
    pub fn with_script(path: &str, source: &str) -> FileSystem {
        let mut fs = FileSystem::default();
        let path = resolve(path);
        let mut dir = parent(&path).to_string();
        let mut missing = Vec::new();
        while !fs.nodes.contains_key(&dir) {
            missing.push(dir.clone());
            dir = parent(&dir).to_string();
        }
        for dir in missing.into_iter().rev() {
            fs.nodes.insert(dir, Node::Dir);
        }
        fs.nodes.entry(path).or_insert_with(|| Node::File(source.as_bytes().to_vec()));
        fs
    }

    /// The bytes the files hold (counted as the machine's memory).
    pub fn size(&self) -> u64 {
        let stored = |node: &Node| match node {
            Node::File(data) => data.len() as u64 + 64,
            Node::Dir => 64,
        };
        self.nodes.iter().map(|(path, node)| path.len() as u64 + stored(node)).sum()
    }

    fn parent_is_dir(&self, path: &str) -> Result<(), i64> {
        match self.nodes.get(parent(path)) {
            Some(Node::Dir) => Ok(()),
            Some(Node::File(_)) => Err(ENOTDIR),
            None => Err(ENOENT),
        }
    }

    /// Open `path` to read (`r`), write (`w`: created or emptied), append (`a`) or create
    /// (`x`: must not exist).
    fn open(&mut self, path: &str, how: &str) -> Result<(), i64> {
        match (self.nodes.get(path), how) {
            (Some(Node::Dir), _) => Err(EISDIR),
            (Some(Node::File(_)), "x") => Err(EEXIST),
            (Some(Node::File(_)), "r" | "a") => Ok(()),
            (None, "r") => Err(ENOENT),
            (_, _) => {
                self.parent_is_dir(path)?;
                self.nodes.insert(path.to_string(), Node::File(Vec::new()));
                Ok(())
            }
        }
    }

    fn file(&mut self, path: &str) -> Result<&mut Vec<u8>, i64> {
        match self.nodes.get_mut(path) {
            Some(Node::File(data)) => Ok(data),
            Some(Node::Dir) => Err(EISDIR),
            None => Err(ENOENT),
        }
    }

    fn mkdir(&mut self, path: &str) -> Result<(), i64> {
        if self.nodes.contains_key(path) {
            return Err(EEXIST);
        }
        self.parent_is_dir(path)?;
        self.nodes.insert(path.to_string(), Node::Dir);
        Ok(())
    }

    /// The names in directory `dir` (the paths under it are contiguous in the map's order).
    fn children(&self, dir: &str) -> Vec<&str> {
        let prefix = if dir == "/" { "/".to_string() } else { format!("{dir}/") };
        let mut names = Vec::new();
        for path in self.nodes.range(prefix.clone()..).map(|(path, _)| path) {
            let Some(name) = path.strip_prefix(&prefix) else { break };
            if !name.is_empty() && !name.contains('/') {
                names.push(name);
            }
        }
        names
    }

    fn remove(&mut self, path: &str, dir: bool) -> Result<(), i64> {
        match (self.nodes.get(path), dir) {
            (None, _) => Err(ENOENT),
            (Some(Node::Dir), false) => Err(EISDIR),
            (Some(Node::File(_)), true) => Err(ENOTDIR),
            (Some(Node::Dir), true) if !self.children(path).is_empty() => Err(ENOTEMPTY),
            _ => {
                self.nodes.remove(path);
                Ok(())
            }
        }
    }

    fn rename(&mut self, from: &str, to: &str) -> Result<(), i64> {
        if !self.nodes.contains_key(from) {
            return Err(ENOENT);
        }
        self.parent_is_dir(to)?;
        if matches!(self.nodes.get(to), Some(Node::Dir)) {
            return Err(EISDIR);
        }
        let moved: Vec<String> =
            self.nodes.keys().filter(|path| *path == from || path.starts_with(&format!("{from}/"))).cloned().collect();
        for old in moved {
            let node = self.nodes.remove(&old).expect("listed");
            self.nodes.insert(format!("{to}{}", &old[from.len()..]), node);
        }
        Ok(())
    }
}

pub const NATIVES: [&NativeFn; 11] = [
    &FS_OPEN,
    &FS_SIZE,
    &FS_READ,
    &FS_WRITE,
    &FS_TRUNCATE,
    &FS_KIND,
    &FS_MKDIR,
    &FS_REMOVE,
    &FS_LISTDIR,
    &FS_RENAME,
    &FS_ABSPATH,
];

// Every call is a `shared` native: the disk is the machine's, so with several processes on
// cores the calls happen in virtual-time order (docs/ARCHITECTURE.md, "Cores").

/// Argument `i`, a str.
fn text(vm: &mut Vm, args: &Args, i: usize) -> Result<String, Control> {
    match args.pos.get(i) {
        Some(Value::Str(s)) => Ok(s.to_string()),
        _ => Err(vm.raise_msg(Exc::TypeError, "the simulated file system takes str paths")),
    }
}

fn offset(vm: &mut Vm, args: &Args, i: usize) -> Result<usize, Control> {
    let n = int_arg(vm, &args.pos[i], "")?;
    Ok(usize::try_from(n).unwrap_or(0))
}

impl Vm {
    /// The machine's files, made as the run's first file operation finds them.
    pub(crate) fn files(&mut self) -> &mut FileSystem {
        if self.files.is_none() {
            self.files = Some(FileSystem::with_script(&self.program.filename, &self.program.source));
        }
        self.files.as_mut().expect("just made")
    }

    /// `result`, or the OSError its errno means for the path the script named.
    fn file_result<T>(&mut self, result: Result<T, i64>, named: &str) -> Result<T, Control> {
        result.map_err(|errno| self.os_error(errno, named, None))
    }

    /// The contents of the open file `key` (an absolute path from `fs_open`).
    fn open_file(&mut self, key: &str) -> Result<&mut Vec<u8>, Control> {
        match self.files().file(key) {
            Ok(_) => Ok(self.files().file(key).expect("just found")),
            Err(errno) => Err(self.os_error(errno, key, None)),
        }
    }
}

// `fs_open(path, how)`: the file's key (its absolute path).
native!(FS_OPEN, "_gilsim.fs_open", shared, |vm, _th, args| {
    arity(vm, "fs_open", args, 2, 2)?;
    let (named, how) = (text(vm, args, 0)?, text(vm, args, 1)?);
    let path = resolve(&named);
    let opened = vm.files().open(&path, &how);
    vm.file_result(opened, &named)?;
    Ok(Value::str(&path))
});

native!(FS_SIZE, "_gilsim.fs_size", shared, |vm, _th, args| {
    arity(vm, "fs_size", args, 1, 1)?;
    let named = text(vm, args, 0)?;
    let size = vm.files().file(&resolve(&named)).map(|data| data.len());
    Ok(Value::Int(vm.file_result(size, &named)? as i64))
});

// `fs_read(key, offset)`: the bytes from `offset` to the end.
native!(FS_READ, "_gilsim.fs_read", shared, |vm, _th, args| {
    arity(vm, "fs_read", args, 2, 2)?;
    let (key, from) = (text(vm, args, 0)?, offset(vm, args, 1)?);
    let data = vm.open_file(&key)?.get(from..).unwrap_or_default().to_vec();
    vm.charge(data.len() as u64)?;
    Ok(Value::Bytes(data.into()))
});

// `fs_write(key, offset, data)`: `data` written at `offset` (a gap reads as zeros); the
// offset after it.
native!(FS_WRITE, "_gilsim.fs_write", shared, |vm, _th, args| {
    arity(vm, "fs_write", args, 3, 3)?;
    let (key, at) = (text(vm, args, 0)?, offset(vm, args, 1)?);
    let Value::Bytes(data) = args.pos[2].clone() else {
        return Err(vm.raise_msg(Exc::TypeError, "fs_write takes bytes"));
    };
    let end = at.saturating_add(data.len());
    let growth = end.saturating_sub(vm.open_file(&key)?.len());
    vm.charge(growth as u64)?;
    let file = vm.open_file(&key)?;
    if file.len() < end {
        file.resize(end, 0);
    }
    file[at..end].copy_from_slice(&data);
    Ok(Value::Int(end as i64))
});

native!(FS_TRUNCATE, "_gilsim.fs_truncate", shared, |vm, _th, args| {
    arity(vm, "fs_truncate", args, 2, 2)?;
    let (key, size) = (text(vm, args, 0)?, offset(vm, args, 1)?);
    let growth = size.saturating_sub(vm.open_file(&key)?.len());
    vm.charge(growth as u64)?;
    vm.open_file(&key)?.resize(size, 0);
    Ok(Value::None)
});

// `fs_kind(path)`: 0 if nothing is there, 1 for a file, 2 for a directory.
native!(FS_KIND, "_gilsim.fs_kind", shared, |vm, _th, args| {
    arity(vm, "fs_kind", args, 1, 1)?;
    let path = resolve(&text(vm, args, 0)?);
    Ok(Value::Int(match vm.files().nodes.get(&path) {
        None => 0,
        Some(Node::File(_)) => 1,
        Some(Node::Dir) => 2,
    }))
});

native!(FS_MKDIR, "_gilsim.fs_mkdir", shared, |vm, _th, args| {
    arity(vm, "fs_mkdir", args, 1, 1)?;
    let named = text(vm, args, 0)?;
    let made = vm.files().mkdir(&resolve(&named));
    vm.file_result(made, &named)?;
    Ok(Value::None)
});

// `fs_remove(path, directory)`: `os.remove` (a file) or `os.rmdir` (an empty directory).
native!(FS_REMOVE, "_gilsim.fs_remove", shared, |vm, th, args| {
    arity(vm, "fs_remove", args, 2, 2)?;
    let named = text(vm, args, 0)?;
    let directory = vm.truthy(th, &args.pos[1])?;
    let removed = vm.files().remove(&resolve(&named), directory);
    vm.file_result(removed, &named)?;
    Ok(Value::None)
});

// `fs_listdir(path)`: the names in a directory, sorted.
native!(FS_LISTDIR, "_gilsim.fs_listdir", shared, |vm, _th, args| {
    arity(vm, "fs_listdir", args, 1, 1)?;
    let named = text(vm, args, 0)?;
    let path = resolve(&named);
    let names = match vm.files().nodes.get(&path) {
        Some(Node::Dir) => Ok(vm.files().children(&path).into_iter().map(Value::str).collect()),
        Some(Node::File(_)) => Err(ENOTDIR),
        None => Err(ENOENT),
    };
    Ok(Value::list(vm.file_result(names, &named)?))
});

native!(FS_RENAME, "_gilsim.fs_rename", shared, |vm, _th, args| {
    arity(vm, "fs_rename", args, 2, 2)?;
    let (from, to) = (text(vm, args, 0)?, text(vm, args, 1)?);
    let renamed = vm.files().rename(&resolve(&from), &resolve(&to));
    renamed.map_err(|errno| vm.os_error(errno, &from, Some(&to)))?;
    Ok(Value::None)
});

native!(FS_ABSPATH, "_gilsim.fs_abspath", shared, |vm, _th, args| {
    arity(vm, "fs_abspath", args, 1, 1)?;
    Ok(Value::str(&resolve(&text(vm, args, 0)?)))
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_resolve_against_the_working_directory() {
        assert_eq!(resolve("a.txt"), "/home/gilsim/a.txt");
        assert_eq!(resolve("./d//e/../f"), "/home/gilsim/d/f");
        assert_eq!(resolve("/../tmp/x"), "/tmp/x");
        assert_eq!(resolve("/"), "/");
    }

    #[test]
    fn directories_list_their_own_children_only() {
        let mut fs = FileSystem::default();
        fs.mkdir("/tmp/d").expect("mkdir");
        fs.open("/tmp/d/b", "w").expect("open");
        fs.open("/tmp/a", "w").expect("open");
        fs.open("/tmp/d/x/y", "w").expect_err("no parent");
        assert_eq!(fs.children("/tmp"), ["a", "d"]);
        assert_eq!(fs.remove("/tmp/d", true), Err(ENOTEMPTY));
        fs.rename("/tmp/d", "/tmp/e").expect("rename");
        assert_eq!(fs.children("/tmp/e"), ["b"]);
        assert_eq!(fs.children("/"), ["home", "tmp"]);
    }
}

//! Freeing deep data without deep recursion: a list of a list of … a million deep, a linked
//! list of a million nodes, or a tuple nested a million times would be freed by recursive drops
//! and overflow the Rust stack. As CPython's "trashcan" (`Py_TRASHCAN_BEGIN`) does, a container
//! freed more than [`MAX_DEPTH`] frees deep hands its contents to a per-thread list instead,
//! and the outermost free empties that list, one item at a time.
//!
//! Invariant: the depth of nested frees never passes [`MAX_DEPTH`]; everything handed over is
//! freed before the outermost free returns.

use std::any::Any;
use std::cell::{Cell, RefCell};

/// Nested frees past which contents are deferred.
const MAX_DEPTH: u32 = 500;

thread_local! {
    static DEPTH: Cell<u32> = const { Cell::new(0) };
    static DEFERRED: RefCell<Vec<Box<dyn Any>>> = const { RefCell::new(Vec::new()) };
}

/// Free `contents` (what a container held), now or, deep in a nest of frees, later. The items
/// of a list or tuple go last first, as CPython's `list_dealloc` and `tupledealloc` free them
/// (the order their `__del__`s run in).
pub(crate) fn dispose<T: 'static>(mut contents: T) {
    if crate::finalizers::order_observable() {
        if let Some(items) = (&mut contents as &mut dyn Any).downcast_mut::<Vec<crate::value::Value>>() {
            items.reverse();
        }
    }
    let depth = DEPTH.get();
    if depth >= MAX_DEPTH {
        DEFERRED.with_borrow_mut(|deferred| deferred.push(Box::new(contents)));
        return;
    }
    DEPTH.set(depth + 1);
    drop(contents);
    DEPTH.set(depth);
    if depth == 0 {
        // The outermost free: empty what deeper ones handed over (each may hand over more).
        while let Some(next) = DEFERRED.with_borrow_mut(Vec::pop) {
            DEPTH.set(1);
            drop(next);
            DEPTH.set(0);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::value::Value;

    #[test]
    fn a_million_nested_lists_and_tuples_are_freed_on_a_small_stack() {
        let nest = || {
            let mut list = Value::list(Vec::new());
            let mut tuple = Value::tuple(Vec::new());
            for _ in 0..1_000_000 {
                list = Value::list(vec![list]);
                tuple = Value::tuple(vec![tuple]);
            }
            drop((list, tuple));
        };
        // 256 KiB: a recursive free would need hundreds of megabytes.
        std::thread::Builder::new().stack_size(256 << 10).spawn(nest).expect("spawn").join().expect("freed");
    }
}

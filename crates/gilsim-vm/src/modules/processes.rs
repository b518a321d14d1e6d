//! The natives under `multiprocessing` (library/multiprocessing.py), in `_gilsim`: starting,
//! joining and ending processes; SemLock, the one primitive CPython builds every
//! `multiprocessing` lock, semaphore, condition and event from (`Modules/_multiprocessing/
//! semaphore.c`); and channels, which carry pickled values between processes.

use super::threading::{lock_object, lock_of, wake_waiter};
use super::{nanos, seconds};
use crate::builtins::{arity, int_arg};
use crate::footprint::{self, LockOp, Resource};
use crate::native::{native, Control, NResult, NativeFn, Request};
use crate::pipe::{Channel, Message, Wire};
use crate::process::FIRST_PID;
use crate::sync::{LockKind, LockState};
use crate::types::Exc;
use crate::value::{Instance, Slot, Truth, Value};
use crate::{Thread, Vm};
use std::rc::Rc;

/// The natives `library/multiprocessing.py` and `library/pickle.py` use.
pub(crate) const NATIVES: [&NativeFn; 23] = [
    &TRANSFER,
    &PROCESS_START,
    &PROCESS_NAME,
    &PROCESS_JOIN,
    &PROCESS_EXITCODE,
    &PROCESS_END,
    &SEMLOCK,
    &SEM_ACQUIRE,
    &SEM_RELEASE,
    &SEM_COUNT,
    &SEM_IS_MINE,
    &SEM_VALUE,
    &CHANNEL,
    &CHANNEL_PUT,
    &CHANNEL_GET,
    &CHANNEL_PUT_BYTES,
    &CHANNEL_MESSAGE,
    &CHANNEL_WAIT_ROOM,
    &PICKLE_CHECK,
    &PICKLE_GLOBAL,
    &PICKLE_ERRORS,
    &REDUCE_CHECK,
    &IS_C_TYPE,
];

/// The process index of pid `v`: a process this run started (not the script's own).
fn process_arg(vm: &mut Vm, v: &Value) -> Result<usize, Control> {
    let pid = int_arg(vm, v, "")?;
    match pid.checked_sub(FIRST_PID).and_then(|p| usize::try_from(p).ok()) {
        Some(p) if p > 0 && p < vm.processes.len() => Ok(p),
        _ => Err(vm.raise_msg(Exc::ValueError, format!("no child process with pid {pid}"))),
    }
}

/// An absolute deadline `timeout` seconds from now (None: no timeout).
fn deadline(vm: &mut Vm, timeout: &Value) -> Result<Option<u64>, Control> {
    Ok(match timeout {
        Value::None => None,
        timeout => Some(vm.timed_now().saturating_add(nanos(seconds(vm, timeout, "timeout")?.max(0.0)))),
    })
}

// `process_start(process, spawn)`: fork, or spawn a new interpreter; the parent goes on
// with the child's pid.
native!(PROCESS_START, "_gilsim.process_start", shared, |vm, th, args| {
    arity(vm, "process_start", args, 2, 2)?;
    let spawn = vm.truthy(th, &args.pos[1])?;
    let (process, thread) = if spawn { vm.spawn(th, &args.pos[0])? } else { vm.fork(th, &args.pos[0])? };
    Err(Control::block(Request::StartProcess { process, thread: Box::new(thread), spawn }))
});

// `process_join(pid, timeout)`: the exit code, or None at the timeout.
native!(PROCESS_JOIN, "_gilsim.process_join", shared, |vm, _th, args| {
    arity(vm, "process_join", args, 2, 2)?;
    let process = process_arg(vm, &args.pos[0])?;
    footprint::note(Resource::Interpreter, false);
    if vm.processes[process].exitcode.is_some() {
        return Ok(Value::None);
    }
    let deadline = deadline(vm, &args.pos[1])?;
    Err(Control::block(Request::JoinProcess { process, deadline }))
});

// The active process's name: `MainProcess`, or a spawned child's while it re-runs the main
// module (CPython's spawn names the child's current process before it imports anything).
native!(PROCESS_NAME, "_gilsim.process_name", |vm, _th, args| {
    arity(vm, "process_name", args, 0, 0)?;
    Ok(Value::str(&vm.processes[vm.interp.process].name))
});

native!(PROCESS_EXITCODE, "_gilsim.process_exitcode", shared, |vm, _th, args| {
    arity(vm, "process_exitcode", args, 1, 1)?;
    let process = process_arg(vm, &args.pos[0])?;
    footprint::note(Resource::Interpreter, false);
    Ok(vm.processes[process].exitcode.map_or(Value::None, |code| Value::Int(i64::from(code))))
});

// `process_end(pid, signal)`: SIGTERM (15) for `terminate()`, SIGKILL (9) for `kill()`.
native!(PROCESS_END, "_gilsim.process_end", shared, |vm, _th, args| {
    arity(vm, "process_end", args, 2, 2)?;
    let process = process_arg(vm, &args.pos[0])?;
    let signal = int_arg(vm, &args.pos[1], "")?.clamp(1, 64) as i32;
    if vm.processes[process].exitcode.is_some() {
        return Ok(Value::None);
    }
    Err(Control::block(Request::EndProcess { process, signal }))
});

/// SemLock kinds, as `multiprocessing.synchronize` numbers them.
const RECURSIVE_MUTEX: i64 = 0;
const SEMAPHORE: i64 = 1;
/// gilsim's own: a semaphore of maximum value 1 that a holder owns (`multiprocessing.Lock`),
/// so that a deadlock through it is a wait-for cycle with a holder.
const MUTEX: i64 = 2;

// `semlock(kind, value, maxvalue)`.
native!(SEMLOCK, "_gilsim.semlock", |vm, _th, args| {
    arity(vm, "semlock", args, 3, 3)?;
    let kind = int_arg(vm, &args.pos[0], "")?;
    let value = int_arg(vm, &args.pos[1], "")?;
    let max_value = int_arg(vm, &args.pos[2], "")?;
    if value < 0 || value > max_value {
        return Err(vm.raise_msg(Exc::ValueError, "invalid value"));
    }
    let kind = match kind {
        RECURSIVE_MUTEX => LockKind::RLock,
        SEMAPHORE => LockKind::Semaphore,
        MUTEX => LockKind::Lock,
        _ => return Err(vm.raise_msg(Exc::ValueError, "unrecognized kind")),
    };
    let clamp = |n: i64| n.clamp(0, i64::from(u32::MAX)) as u32;
    let number = vm.new_lock_number();
    Ok(lock_object(vm, LockState::new_shared(number, kind, clamp(value), clamp(max_value))))
});

// `sem_acquire(semlock, block, timeout)`: True when acquired.
native!(SEM_ACQUIRE, "_gilsim.sem_acquire", shared, |vm, th, args| {
    arity(vm, "sem_acquire", args, 3, 3)?;
    let lock = lock_of(vm, &args.pos[0])?;
    let block = vm.truthy(th, &args.pos[1])?;
    if lock.try_acquire(th.tid) {
        if lock.kind != LockKind::Semaphore && lock.count.get() <= 1 {
            vm.note_lock(th, &lock, true);
        } else {
            footprint::note_lock(LockOp::Acquire(lock.name));
        }
        return Ok(Value::Bool(Truth::True));
    }
    footprint::note_lock(LockOp::Peek(lock.name));
    if !block {
        return Ok(Value::Bool(Truth::False));
    }
    let deadline = deadline(vm, &args.pos[2])?;
    Err(Control::block(Request::Acquire { lock, deadline, count: 1 }))
});

native!(SEM_RELEASE, "_gilsim.sem_release", shared, |vm, th, args| {
    arity(vm, "sem_release", args, 1, 1)?;
    let lock = lock_of(vm, &args.pos[0])?;
    let refused = match lock.kind {
        LockKind::RLock if !lock.is_owned_by(th.tid) => {
            Some((Exc::AssertionError, "attempt to release recursive lock not owned by thread"))
        }
        LockKind::Lock if !lock.locked.get() => Some((Exc::ValueError, "semaphore or lock released too many times")),
        LockKind::Semaphore if lock.count.get() >= lock.max_value => {
            Some((Exc::ValueError, "semaphore or lock released too many times"))
        }
        _ => None,
    };
    if let Some((exc, message)) = refused {
        footprint::note_lock(LockOp::Peek(lock.name));
        return Err(vm.raise_msg(exc, message));
    }
    if lock.kind == LockKind::Semaphore {
        lock.count.set(lock.count.get() + 1);
        lock.locked.set(false);
        footprint::note_lock(LockOp::Release(lock.name));
    } else if lock.release_once() {
        vm.note_lock(th, &lock, false);
    } else {
        return Ok(Value::None);
    }
    wake_waiter(lock, Value::None)
});

// How many times this thread holds it (`_count()`).
native!(SEM_COUNT, "_gilsim.sem_count", |vm, th, args| {
    arity(vm, "sem_count", args, 1, 1)?;
    let lock = lock_of(vm, &args.pos[0])?;
    footprint::note_lock(LockOp::Peek(lock.name));
    let mine = lock.locked.get() && lock.owner.get() == Some(th.tid);
    Ok(Value::Int(match (lock.kind, mine) {
        (LockKind::RLock, true) => i64::from(lock.count.get()),
        (LockKind::Lock, true) => 1,
        _ => 0,
    }))
});

native!(SEM_IS_MINE, "_gilsim.sem_is_mine", |vm, th, args| {
    arity(vm, "sem_is_mine", args, 1, 1)?;
    let lock = lock_of(vm, &args.pos[0])?;
    footprint::note_lock(LockOp::Peek(lock.name));
    let mine = lock.kind != LockKind::Semaphore && lock.locked.get() && lock.owner.get() == Some(th.tid);
    Ok(Value::bool(mine))
});

// The semaphore's value (`get_value()`): for a lock, 1 when free.
native!(SEM_VALUE, "_gilsim.sem_value", shared, |vm, _th, args| {
    arity(vm, "sem_value", args, 1, 1)?;
    let lock = lock_of(vm, &args.pos[0])?;
    footprint::note_lock(LockOp::Peek(lock.name));
    Ok(Value::Int(match lock.kind {
        LockKind::Semaphore => i64::from(lock.count.get()),
        _ => i64::from(!lock.locked.get()),
    }))
});

// `channel(duplex)`: one direction of a pipe, over a socket pair (`Pipe()`) or an OS pipe.
native!(CHANNEL, "_gilsim.channel", |vm, th, args| {
    arity(vm, "channel", args, 1, 1)?;
    let wire = if vm.truthy(th, &args.pos[0])? { Wire::Socket } else { Wire::Pipe };
    Ok(Value::Instance(Rc::new(Instance::new(vm.types.object.clone(), Slot::Channel(Rc::new(Channel::new(wire)))))))
});

fn channel_of(vm: &mut Vm, v: &Value) -> Result<Rc<Channel>, Control> {
    match v {
        Value::Instance(inst) => match &inst.slot {
            Slot::Channel(channel) => Ok(channel.clone()),
            _ => Err(vm.raise_msg(Exc::TypeError, "a channel is required")),
        },
        _ => Err(vm.raise_msg(Exc::TypeError, "a channel is required")),
    }
}

/// The pickle protocol `multiprocessing` sends with (`ForkingPickler`'s default).
fn send_protocol(vm: &Vm) -> u8 {
    match (vm.options.python.major, vm.options.python.minor) {
        (2, _) => 2,
        (3, ..=7) => 3,
        _ => 4,
    }
}

/// A message's bytes on the wire: `Connection._send_bytes`' length header, then the payload.
fn on_the_wire(payload: usize) -> usize {
    if payload > 0x7fff_ffff {
        12 + payload
    } else {
        4 + payload
    }
}

// `channel_put(channel, obj)`: pickle `obj` and write it; its message number.
native!(CHANNEL_PUT, "_gilsim.channel_put", shared, |vm, th, args| {
    arity(vm, "channel_put", args, 2, 2)?;
    let channel = channel_of(vm, &args.pos[0])?;
    let size = on_the_wire(crate::pickle_size::pickled_size(&args.pos[1], send_protocol(vm)));
    let value = vm.pickle(th, &args.pos[1])?;
    Ok(Value::Int(message_number(channel.write(Message::Pickled(value), size))))
});

// `channel_put_bytes(channel, data)`: write the bytes `data` as a raw message; its number.
native!(CHANNEL_PUT_BYTES, "_gilsim.channel_put_bytes", shared, |vm, _th, args| {
    arity(vm, "channel_put_bytes", args, 2, 2)?;
    let channel = channel_of(vm, &args.pos[0])?;
    let data @ Value::Bytes(bytes) = &args.pos[1] else {
        return Err(vm.raise_msg(Exc::TypeError, "channel_put_bytes() takes bytes"));
    };
    let size = on_the_wire(bytes.len());
    Ok(Value::Int(message_number(channel.write(Message::Raw(data.clone()), size))))
});

fn message_number(number: u64) -> i64 {
    i64::try_from(number).expect("fewer than 2^63 messages")
}

// `channel_wait_room(channel, number)`: False once message `number` is in the pipe whole (or
// read); until then its writer sleeps until a read makes room for it (True when woken: the
// writer asks once more, and is told False).
native!(CHANNEL_WAIT_ROOM, "_gilsim.channel_wait_room", shared, |vm, _th, args| {
    arity(vm, "channel_wait_room", args, 2, 2)?;
    let channel = channel_of(vm, &args.pos[0])?;
    let number = u64::try_from(int_arg(vm, &args.pos[1], "")?).unwrap_or(0);
    if !channel.waits(number) {
        // A read may have made room for more than the writer it woke: wake the next.
        return wake_writer(&channel, Value::Bool(Truth::False));
    }
    let make = || LockState::new_shared(vm.new_lock_number(), LockKind::Semaphore, 0, 1);
    let room = channel.room_to_wait_on(number, make);
    Err(Control::block(Request::Acquire { lock: room, deadline: None, count: 1 }))
});

// `transfer(obj)`: what another process receives when `obj` is sent to it (pickled and
// unpickled: a manager's copy of a value, and the copy a proxy returns).
native!(TRANSFER, "_gilsim.transfer", |vm, th, args| {
    arity(vm, "transfer", args, 1, 1)?;
    let pickled = vm.pickle(th, &args.pos[0])?;
    vm.unpickle(th, &pickled)
});

// `pickle_check(obj)`: raise what pickling `obj` between processes would (a lock, a lambda,
// a class not reachable by its name), with CPython's messages; None when it can be pickled.
// The `pickle` module's writer asks it about what it cannot write itself.
native!(PICKLE_CHECK, "_gilsim.pickle_check", |vm, th, args| {
    arity(vm, "pickle_check", args, 1, 1)?;
    vm.pickle(th, &args.pos[0])?;
    Ok(Value::None)
});

// `reduce_check(obj)`: raise what reducing `obj` itself would (`copy` reduces an object it
// has no other way to copy; a lock has no reduction), None otherwise.
native!(REDUCE_CHECK, "_gilsim.reduce_check", |vm, _th, args| {
    arity(vm, "reduce_check", args, 1, 1)?;
    match vm.reduce_error(&args.pos[0]) {
        Some(error) => Err(error),
        None => Ok(Value::None),
    }
});

// `is_c_type(obj)`: whether `obj` is a class CPython writes in C (pickle names such a class
// with strings made anew each time).
native!(IS_C_TYPE, "_gilsim.is_c_type", |vm, _th, args| {
    arity(vm, "is_c_type", args, 1, 1)?;
    Ok(Value::Bool(matches!(&args.pos[0], Value::Class(class) if class.is_c_type()).into()))
});

// `pickle_global(module, qualname)`: the receiving process's `module.qualname` (a builtin for
// `builtins`), or the AttributeError pickle's reader raises.
native!(PICKLE_GLOBAL, "_gilsim.pickle_global", |vm, th, args| {
    arity(vm, "pickle_global", args, 2, 2)?;
    let (Value::Str(module), Value::Str(name)) = (&args.pos[0], &args.pos[1]) else {
        return Err(vm.raise_msg(Exc::TypeError, "pickle_global(module, name) takes two strings"));
    };
    if &**module == "builtins" {
        if let Some((_, found)) = vm.builtins.iter().find(|(n, _)| *n == &**name) {
            return Ok(found.clone());
        }
    }
    crate::pickle::find_by_name(vm, Some(th), name, module)
});

// `pickle_errors()`: (PickleError, PicklingError, UnpicklingError), the classes the
// interpreter raises too.
native!(PICKLE_ERRORS, "_gilsim.pickle_errors", |vm, _th, args| {
    arity(vm, "pickle_errors", args, 0, 0)?;
    let classes = [Exc::PickleError, Exc::PicklingError, Exc::UnpicklingError];
    Ok(Value::tuple(classes.into_iter().map(|exc| Value::Class(vm.types.exception(exc))).collect()))
});

// `channel_get(channel)`: the oldest message's value, unpickled here (the caller made sure
// one is there); a raw message's bytes as they are.
native!(CHANNEL_GET, "_gilsim.channel_get", shared, |vm, th, args| {
    arity(vm, "channel_get", args, 1, 1)?;
    let channel = channel_of(vm, &args.pos[0])?;
    let value = channel_pop(vm, th, &channel)?.0;
    wake_writer(&channel, value)
});

// `channel_message(channel)`: `(raw, value)` of the oldest message, as `channel_get`.
native!(CHANNEL_MESSAGE, "_gilsim.channel_message", shared, |vm, th, args| {
    arity(vm, "channel_message", args, 1, 1)?;
    let channel = channel_of(vm, &args.pos[0])?;
    let (value, raw) = channel_pop(vm, th, &channel)?;
    wake_writer(&channel, Value::tuple(vec![Value::Bool(raw.into()), value]))
});

fn channel_pop(vm: &mut Vm, th: &mut Thread, channel: &Channel) -> Result<(Value, bool), Control> {
    let Some(message) = channel.buffer.borrow_mut().pop() else {
        return Err(vm.raise_msg(Exc::EOFError, ""));
    };
    match message {
        Message::Raw(data) => Ok((data, true)),
        Message::Pickled(value) => Ok((vm.unpickle(th, &value)?, false)),
    }
}

/// After a read: a writer waiting for room asks again.
fn wake_writer(channel: &Channel, result: Value) -> NResult {
    match channel.room_made() {
        Some(room) => wake_waiter(room, result),
        None => Ok(result),
    }
}

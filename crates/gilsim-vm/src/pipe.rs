//! The pipes between processes (`multiprocessing.Pipe`, `Queue`, `SimpleQueue`): the messages
//! written and not yet read, and the room they take in the OS's buffer. A writer whose
//! message does not fit waits until the reader has made room — CPython's documented
//! pitfall: a child that puts a large object (or many small ones) and is joined before
//! anybody reads never exits, its feeder thread stuck in the pipe's `write()`.
//!
//! Two kinds of buffer, measured with CPython 3.12 on Linux 6.18 (`send_bytes` from a child
//! nobody reads, the largest message or the most messages that still let it exit):
//! - [`Wire::Pipe`], `os.pipe()` (`Pipe(duplex=False)` and the queues): 16 pages of 4,096
//!   bytes; a write that fits in the last page's rest joins it, another starts a new page. One
//!   message of 65,532 bytes fits (its 4-byte length first); 4,672 of 10 bytes, 624 of 100,
//!   64 of 1,000.
//! - [`Wire::Socket`], `socketpair()` (`Pipe()`): the socket's send buffer, 212,992 bytes
//!   counted by each message's kernel allocation (`SKB_TRUESIZE`), so 278 messages of 10 or
//!   100 bytes fit, 93 of 1,000; one message of 219,268 bytes.
//!
//! Invariant: `Buffer::used` is the sum of the unread messages' costs, and a message's cost
//! was fixed when it was written. A writer that waits sleeps on a room lock of its own, which
//! the read that makes room for its message releases: it is woken once, when it can go on.

use crate::footprint::{self, LockOp, PyCell};
use crate::sync::LockState;
use crate::value::Value;
use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

/// What carries a channel's bytes.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Wire {
    /// An `os.pipe()`: 16 pages of 4,096 bytes.
    Pipe,
    /// A `socketpair()`: the socket's send buffer.
    Socket,
}

const PAGE: usize = 4096;
const PIPE_CAPACITY: usize = 16 * PAGE;
/// `net.core.wmem_default`: a socket's send buffer, in allocated bytes.
const SOCKET_BUFFER: usize = 212_992;
/// The largest message a socket takes whole (it goes in chunks of its own size).
const SOCKET_LARGEST: usize = 219_268;
/// What the kernel adds to a small message's allocation: its `skb_shared_info` (rounded) and
/// then its `sk_buff`.
const SKB_SHARED_INFO: usize = 320;
const SK_BUFF: usize = 256;

/// One message on a channel. CPython's pipe carries both kinds as bytes: a message read the
/// other way is unpickled or pickled by the library.
pub enum Message {
    /// A value as `send`/`put` pickled it.
    Pickled(Value),
    /// The bytes of `Connection.send_bytes`, which cross as they are.
    Raw(Value),
}

impl Message {
    /// What the message holds (its pickled value, or its bytes).
    pub(crate) fn value(&self) -> &Value {
        match self {
            Message::Pickled(value) | Message::Raw(value) => value,
        }
    }

    pub(crate) fn into_value(self) -> Value {
        match self {
            Message::Pickled(value) | Message::Raw(value) => value,
        }
    }
}

/// A written message: its number on the channel and the room it takes.
struct Written {
    message: Message,
    number: u64,
    cost: usize,
    /// A socket's message small enough for one allocation: it goes while the buffer is not
    /// yet full, however little room is left.
    small: bool,
}

/// The unread messages of a channel.
#[derive(Default)]
pub struct Buffer {
    messages: VecDeque<Written>,
    /// The room the unread messages take (see the module docs).
    used: usize,
    /// A pipe's last page: how much of it is written.
    last_page: usize,
    /// How many messages were ever written (the next one's number).
    written: u64,
}

impl Buffer {
    pub fn is_empty(&self) -> bool {
        self.messages.is_empty()
    }

    pub fn values(&self) -> impl Iterator<Item = &Value> {
        self.messages.iter().map(|written| written.message.value())
    }

    pub fn take_values(&mut self) -> Vec<Value> {
        self.used = 0;
        self.messages.drain(..).map(|written| written.message.into_value()).collect()
    }

    /// The oldest message, read.
    pub fn pop(&mut self) -> Option<Message> {
        let read = self.messages.pop_front()?;
        self.used -= read.cost;
        if self.messages.is_empty() {
            self.last_page = 0;
        }
        Some(read.message)
    }

    /// Write a message of `size` bytes on the wire (its length header included); its number.
    fn push(&mut self, wire: Wire, message: Message, size: usize) -> u64 {
        let small = wire == Wire::Socket && size + SKB_SHARED_INFO <= PAGE;
        let cost = match wire {
            Wire::Pipe => {
                // A write that does not fit in the last page's rest leaves that rest unused.
                let rest = if self.last_page == 0 { 0 } else { PAGE - self.last_page };
                let (cost, last_page) = match size {
                    0..=PAGE if size <= rest => (size, self.last_page + size),
                    _ => (rest + size, (size - 1) % PAGE + 1),
                };
                self.last_page = last_page;
                cost
            }
            Wire::Socket if small => (size + SKB_SHARED_INFO).next_power_of_two() + SK_BUFF,
            Wire::Socket => size,
        };
        let number = self.written;
        self.written += 1;
        self.used += cost;
        self.messages.push_back(Written { message, number, cost, small });
        number
    }

    /// Whether message `number`'s writer still waits in `write()`: it is unread and the
    /// messages before it leave it no room.
    fn waits(&self, wire: Wire, number: u64) -> bool {
        // From the newest: the writer that waits wrote last, as a rule.
        let mut after = 0;
        for written in self.messages.iter().rev() {
            if written.number == number {
                let before = self.used - after - written.cost;
                return match wire {
                    Wire::Pipe => before + written.cost > PIPE_CAPACITY,
                    Wire::Socket if written.small => before >= SOCKET_BUFFER,
                    Wire::Socket => before + written.cost > SOCKET_LARGEST,
                };
            }
            if written.number < number {
                break;
            }
            after += written.cost;
        }
        false
    }
}

/// A channel: one direction of a pipe, shared by every process that has it.
pub struct Channel {
    pub wire: Wire,
    pub buffer: PyCell<Buffer>,
    /// The writers whose messages do not fit yet, oldest first, each asleep on a room lock
    /// of its own until a read makes room for its message.
    waiting: RefCell<Vec<(u64, Rc<LockState>)>>,
    /// Every room lock made (when a writer first had to wait), to be lent again.
    rooms: RefCell<Vec<Rc<LockState>>>,
}

impl Channel {
    pub fn new(wire: Wire) -> Channel {
        Channel { wire, buffer: PyCell::new(Buffer::default()), waiting: RefCell::default(), rooms: RefCell::default() }
    }

    /// Write `message`, `size` bytes on the wire; its number, for [`Channel::waits`].
    pub fn write(&self, message: Message, size: usize) -> u64 {
        self.buffer.borrow_mut().push(self.wire, message, size)
    }

    /// Whether the writer of message `number` must still wait for room.
    pub fn waits(&self, number: u64) -> bool {
        self.buffer.borrow().waits(self.wire, number)
    }

    /// The lock the writer of message `number` sleeps on, taken until a read makes room for
    /// it; `make` makes one when every room lock is lent (one only the channel holds is free).
    pub fn room_to_wait_on(&self, number: u64, make: impl FnOnce() -> LockState) -> Rc<LockState> {
        let mut rooms = self.rooms.borrow_mut();
        let room = match rooms.iter().find(|room| Rc::strong_count(room) == 1) {
            Some(room) => room.clone(),
            None => {
                rooms.push(Rc::new(make()));
                rooms.last().expect("just pushed").clone()
            }
        };
        room.count.set(0);
        room.locked.set(true);
        footprint::note_lock(LockOp::Peek(room.name));
        self.waiting.borrow_mut().push((number, room.clone()));
        room
    }

    /// After a read: the room lock of the oldest waiting writer whose message now fits,
    /// released, to wake it. A writer is woken once, when it can go on.
    pub fn room_made(&self) -> Option<Rc<LockState>> {
        let buffer = self.buffer.borrow();
        let mut waiting = self.waiting.borrow_mut();
        let fits = waiting.iter().position(|(number, _)| !buffer.waits(self.wire, *number))?;
        let (_, room) = waiting.remove(fits);
        room.count.set(1);
        room.locked.set(false);
        footprint::note_lock(LockOp::Release(room.name));
        Some(room)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// How many messages of `size` bytes (header included) fit before a writer must wait.
    fn fitting(wire: Wire, size: usize) -> usize {
        let mut buffer = Buffer::default();
        (0..)
            .find(|_| {
                let number = buffer.push(wire, Message::Raw(Value::None), size);
                buffer.waits(wire, number)
            })
            .expect("a buffer fills up")
    }

    /// CPython 3.12's limits on Linux 6.18 (see the module docs): payload plus the 4-byte
    /// length of `send_bytes`.
    #[test]
    fn buffers_hold_what_linux_pipes_and_sockets_hold() {
        assert_eq!(fitting(Wire::Pipe, 14), 4672);
        assert_eq!(fitting(Wire::Pipe, 104), 624);
        assert_eq!(fitting(Wire::Pipe, 1004), 64);
        assert_eq!(fitting(Wire::Socket, 14), 278);
        assert_eq!(fitting(Wire::Socket, 104), 278);
        assert_eq!(fitting(Wire::Socket, 1004), 93);
        for (wire, largest) in [(Wire::Pipe, 65_536), (Wire::Socket, 219_268)] {
            let mut buffer = Buffer::default();
            let fits = buffer.push(wire, Message::Raw(Value::None), largest);
            assert!(!buffer.waits(wire, fits));
            buffer.pop();
            let too_large = buffer.push(wire, Message::Raw(Value::None), largest + 1);
            assert!(buffer.waits(wire, too_large));
        }
    }

    /// A writer waits until the messages before its own are read, or its own is.
    #[test]
    fn reading_makes_room() {
        let mut buffer = Buffer::default();
        let first = buffer.push(Wire::Pipe, Message::Raw(Value::None), 40_000);
        let second = buffer.push(Wire::Pipe, Message::Raw(Value::None), 40_000);
        let huge = buffer.push(Wire::Pipe, Message::Raw(Value::None), 100_000);
        assert!(!buffer.waits(Wire::Pipe, first));
        assert!(buffer.waits(Wire::Pipe, second));
        buffer.pop();
        assert!(!buffer.waits(Wire::Pipe, second));
        assert!(buffer.waits(Wire::Pipe, huge));
        buffer.pop();
        assert!(buffer.waits(Wire::Pipe, huge));
        buffer.pop();
        assert!(!buffer.waits(Wire::Pipe, huge));
        assert!(buffer.is_empty());
    }

    /// Two writers wait behind a full pipe: each read wakes the one it made room for, and a
    /// room lock is lent again once its writer holds it no more.
    #[test]
    fn a_read_wakes_the_writer_it_made_room_for() {
        use crate::sync::LockKind;
        let channel = Channel::new(Wire::Pipe);
        let mut made = 0;
        let mut make = || {
            made += 1;
            LockState::new_shared(made, LockKind::Semaphore, 0, 1)
        };
        let write = |size| channel.write(Message::Raw(Value::None), size);
        let first = write(65_536);
        let (second, third) = (write(40_000), write(40_000));
        assert!(!channel.waits(first) && channel.waits(second) && channel.waits(third));
        let second_room = channel.room_to_wait_on(second, &mut make);
        let third_room = channel.room_to_wait_on(third, &mut make);
        assert!(!Rc::ptr_eq(&second_room, &third_room));
        assert!(channel.room_made().is_none(), "nothing read yet");
        channel.buffer.borrow_mut().pop();
        let woken = channel.room_made().expect("the second message fits now");
        assert!(Rc::ptr_eq(&woken, &second_room) && !woken.locked.get());
        assert!(channel.room_made().is_none(), "the third still does not fit");
        drop((woken, second_room));
        channel.buffer.borrow_mut().pop();
        assert!(Rc::ptr_eq(&channel.room_made().expect("the third fits now"), &third_room));
        let fourth = write(65_536);
        drop(third_room);
        let lent_again = channel.room_to_wait_on(fourth, &mut make);
        assert_eq!((lent_again.number, made), (1, 2), "the first room lock, free again, is lent");
    }
}

//! A generator of small concurrent Python programs: two or three threads that share globals,
//! list and dict items and instance attributes, and synchronise (or fail to) with every
//! primitive a scenario uses — `Lock`, `RLock`, `Condition`, `Semaphore`, `Event`, `Queue` —
//! through `with`, `acquire()`/`release()` and non-blocking acquires, in loops of one to three
//! iterations. Programs are small enough that every schedule of most of them can be run,
//! which is what the differential check of the reduced search needs.
//!
//! Invariant: a program is a pure function of (seed, [`Shape`]); every program compiles and
//! ends by printing all the shared state, so that runs that end in different states print
//! different lines.

use gilsim_core::SimRng;
use std::fmt::Write;

/// How large the generated programs are.
#[derive(Clone, Copy, Debug)]
pub struct Shape {
    /// Most threads besides the main thread (at least 2).
    pub max_threads: u64,
    /// Most statements at the top of a thread's body.
    pub max_statements: u64,
    /// Most iterations of a loop.
    pub max_iterations: u64,
    /// How deep blocks (loops, `with`) nest.
    pub max_depth: u64,
    /// Percent of programs that may use a timeout or sleep (which makes every schedule count).
    pub timed_percent: u64,
}

impl Shape {
    /// Programs for coarse switch points (3.10+): calls and loop back-edges.
    pub const COARSE: Shape =
        Shape { max_threads: 3, max_statements: 2, max_iterations: 3, max_depth: 2, timed_percent: 5 };
    /// Programs for every-instruction switch points (≤3.9): smaller, or no search could end.
    pub const FINE: Shape =
        Shape { max_threads: 2, max_statements: 2, max_iterations: 2, max_depth: 2, timed_percent: 5 };
}

/// A shared location a thread reads and writes.
#[derive(Clone, Copy)]
enum Place {
    Global,
    ListItem(u64),
    DictItem,
    Attribute,
}

impl Place {
    fn text(self) -> String {
        match self {
            Place::Global => "x".into(),
            Place::ListItem(i) => format!("box[{i}]"),
            Place::DictItem => "d['k']".into(),
            Place::Attribute => "obj.v".into(),
        }
    }
}

/// The lock-like objects a block can hold.
const LOCKS: [&str; 4] = ["la", "lb", "rl", "sem"];

struct Generator {
    rng: SimRng,
    shape: Shape,
    timed: bool,
    out: String,
    /// Locks held by the enclosing blocks of the statement being generated.
    held: Vec<&'static str>,
}

/// The source of program `seed` of `shape`.
pub fn generate(seed: u64, shape: Shape) -> String {
    let mut rng = SimRng::new(seed, 0x9e11);
    let timed = rng.below(100) < shape.timed_percent;
    let mut g = Generator { rng, shape, timed, out: String::new(), held: Vec::new() };
    g.program();
    g.out
}

impl Generator {
    fn chance(&mut self, percent: u64) -> bool {
        self.rng.below(100) < percent
    }

    /// 1..=n.
    fn upto(&mut self, n: u64) -> u64 {
        1 + self.rng.below(n.max(1))
    }

    fn line(&mut self, depth: usize, text: &str) {
        let _ = writeln!(self.out, "{}{text}", "    ".repeat(depth));
    }

    fn program(&mut self) {
        self.out.push_str(
            "import queue\nimport threading\nimport time\n\n\
             class Obj:\n    pass\n\n\
             x = 0\nready = 0\nbox = [0, 0]\nd = {'k': 0}\nlog = []\nobj = Obj()\nobj.v = 0\n\
             la = threading.Lock()\nlb = threading.Lock()\nrl = threading.RLock()\n",
        );
        let sem = if self.chance(70) { 1 } else { 2 };
        let _ = writeln!(self.out, "sem = threading.Semaphore({sem})");
        let cv_lock = ["", "la", "rl"][self.rng.below(3) as usize];
        let _ = writeln!(self.out, "cv = threading.Condition({cv_lock})\nev = threading.Event()\nq = queue.Queue()\n");
        let threads = 2 + self.rng.below(self.shape.max_threads - 1);
        for t in 0..threads {
            let _ = writeln!(self.out, "\ndef w{t}():\n    global x, ready");
            let statements = self.upto(self.shape.max_statements);
            for _ in 0..statements {
                self.statement(1, t + 1, 0);
            }
        }
        self.out.push('\n');
        let names: Vec<String> = (0..threads).map(|t| format!("t{t}")).collect();
        for (t, name) in names.iter().enumerate() {
            let daemon = if self.chance(5) { ", daemon=True" } else { "" };
            let _ = writeln!(self.out, "{name} = threading.Thread(target=w{t}{daemon})");
        }
        for name in &names {
            let _ = writeln!(self.out, "{name}.start()");
        }
        if self.chance(20) {
            // The main thread takes part too.
            self.statement(0, 0, self.shape.max_depth);
        }
        for name in &names {
            let _ = writeln!(self.out, "{name}.join()");
        }
        self.out.push_str("print(x, ready, box, d, obj.v, log, q.qsize(), ev.is_set())\n");
    }

    fn place(&mut self) -> Place {
        match self.rng.below(4) {
            0 => Place::Global,
            1 => Place::ListItem(self.rng.below(2)),
            2 => Place::DictItem,
            _ => Place::Attribute,
        }
    }

    /// One statement at indentation `depth` of thread `me` (0: main), `nest` blocks deep.
    fn statement(&mut self, depth: usize, me: u64, nest: u64) {
        let can_nest = nest < self.shape.max_depth;
        let choice = self.rng.below(if can_nest { 16 } else { 10 });
        match choice {
            0 | 1 => self.read_modify_write(depth),
            2 => {
                let p = self.place().text();
                self.line(depth, &format!("if {p} == 0:"));
                self.line(depth + 1, &format!("{p} = {me}"));
            }
            3 => self.line(depth, &format!("log.append({me})")),
            4 => {
                let p = self.place().text();
                self.line(depth, &format!("print('w{me}', {p})"));
            }
            5 => self.event(depth, me),
            6 => self.queue(depth, me),
            7 => self.condition(depth),
            8 => self.look_at_a_lock(depth, me),
            9 if self.timed => self.timed_op(depth),
            9 => self.read_modify_write(depth),
            10 | 11 => {
                let n = self.upto(self.shape.max_iterations);
                self.line(depth, &format!("for _ in range({n}):"));
                self.block(depth + 1, me, nest + 1);
            }
            _ => self.locked_block(depth, me, nest),
        }
    }

    fn block(&mut self, depth: usize, me: u64, nest: u64) {
        let statements = if self.chance(70) { 1 } else { 2 };
        for _ in 0..statements {
            self.statement(depth, me, nest);
        }
    }

    fn read_modify_write(&mut self, depth: usize) {
        let p = self.place().text();
        match self.rng.below(3) {
            0 => self.line(depth, &format!("{p} += 1")),
            1 => self.line(depth, &format!("{p} = {p} + 1")),
            _ => {
                self.line(depth, &format!("tmp = {p}"));
                self.line(depth, &format!("{p} = tmp + 1"));
            }
        }
    }

    /// A block that holds a lock: `with`, `acquire()`/`release()`, or a non-blocking acquire.
    fn locked_block(&mut self, depth: usize, me: u64, nest: u64) {
        let lock = LOCKS[self.rng.below(LOCKS.len() as u64) as usize];
        // Taking a plain lock twice would only ever hang: keep the generator's programs
        // varied (an RLock may be taken again, and is).
        if self.held.contains(&lock) && lock != "rl" {
            return self.read_modify_write(depth);
        }
        self.held.push(lock);
        match self.rng.below(4) {
            0 | 1 => {
                self.line(depth, &format!("with {lock}:"));
                self.block(depth + 1, me, nest + 1);
            }
            2 => {
                self.line(depth, &format!("{lock}.acquire()"));
                self.block(depth, me, nest + 1);
                self.line(depth, &format!("{lock}.release()"));
            }
            _ => {
                self.line(depth, &format!("if {lock}.acquire(False):"));
                self.block(depth + 1, me, nest + 1);
                self.line(depth + 1, &format!("{lock}.release()"));
                if self.chance(50) {
                    self.line(depth, "else:");
                    self.line(depth + 1, &format!("log.append(-{me})"));
                }
            }
        }
        self.held.pop();
    }

    fn look_at_a_lock(&mut self, depth: usize, me: u64) {
        let lock = ["la", "lb"][self.rng.below(2) as usize];
        self.line(depth, &format!("if {lock}.locked():"));
        self.line(depth + 1, &format!("log.append({})", 10 + me));
    }

    fn event(&mut self, depth: usize, me: u64) {
        match self.rng.below(3) {
            0 => self.line(depth, "ev.set()"),
            1 if !self.held.is_empty() => self.line(depth, "ev.set()"),
            1 => self.line(depth, "ev.wait()"),
            _ => {
                self.line(depth, "if ev.is_set():");
                self.line(depth + 1, &format!("log.append({})", 20 + me));
            }
        }
    }

    fn queue(&mut self, depth: usize, me: u64) {
        match self.rng.below(3) {
            0 => self.line(depth, &format!("q.put({me})")),
            1 if self.held.is_empty() => self.line(depth, "log.append(q.get())"),
            _ => {
                self.line(depth, "try:");
                self.line(depth + 1, "log.append(q.get_nowait())");
                self.line(depth, "except queue.Empty:");
                self.line(depth + 1, "log.append(0)");
            }
        }
    }

    fn condition(&mut self, depth: usize) {
        if self.chance(50) || !self.held.is_empty() {
            self.line(depth, "with cv:");
            self.line(depth + 1, "ready += 1");
            let notify = if self.chance(50) { "cv.notify()" } else { "cv.notify_all()" };
            self.line(depth + 1, notify);
        } else {
            let until = self.upto(2);
            self.line(depth, "with cv:");
            self.line(depth + 1, &format!("while ready < {until}:"));
            self.line(depth + 2, "cv.wait()");
        }
    }

    /// An operation whose outcome depends on virtual time.
    fn timed_op(&mut self, depth: usize) {
        match self.rng.below(3) {
            0 => self.line(depth, "time.sleep(0.001)"),
            1 => self.line(depth, "ev.wait(0.002)"),
            _ if self.held.contains(&"la") => self.line(depth, "time.sleep(0)"),
            _ => {
                self.line(depth, "if la.acquire(timeout=0.001):");
                self.line(depth + 1, "la.release()");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn programs_are_a_function_of_the_seed_and_compile() {
        for seed in 0..300 {
            let source = generate(seed, Shape::COARSE);
            assert_eq!(source, generate(seed, Shape::COARSE));
            if let Err(e) = gilsim_lang::compile(&source, "gen.py") {
                panic!("program {seed} does not compile: {e}\n{source}");
            }
        }
        assert_ne!(generate(1, Shape::COARSE), generate(2, Shape::COARSE));
    }
}

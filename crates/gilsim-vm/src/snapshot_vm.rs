//! The interpreter's part of a run's copy ([`crate::snapshot`]): the process's interpreter
//! state, the VM's counters and tables, rekeyed to the copied objects.

use crate::process::Interp;
use crate::snapshot::{Cloner, Unclonable};
use crate::{Thread, Vm};
use gilsim_core::RunOptions;

impl Vm {
    /// A copy of this VM for a run with `options` (which may differ from this run's in the
    /// seed only), its objects copied by `cloner`. The runtime then copies its threads with the
    /// same cloner and calls [`Vm::finish_copy`].
    pub fn copy_for_run(&self, cloner: &mut Cloner, options: RunOptions) -> Result<Vm, Unclonable> {
        crate::hash::use_version(options.python);
        if self.parked.iter().any(Option::is_some) || self.processes.len() > 1 || self.interp.spawned.is_some() {
            return Err(Unclonable::Processes);
        }
        if self.files.is_some() {
            return Err(Unclonable::Files);
        }
        if self.timeline.is_some() || self.output.streams() {
            return Err(Unclonable::Recording);
        }
        if self.tracing {
            return Err(Unclonable::Tracing);
        }
        if self.nested != 0 || self.native_depth != 0 || self.tail_hook || !self.repr_active.is_empty() {
            return Err(Unclonable::NestedCall);
        }
        let interp = self.copy_interp(cloner)?;
        let carried = self.carried_home.take();
        Ok(Vm {
            program: self.program.clone(),
            options,
            consts: self.consts.clone(),
            names: self.names.clone(),
            builtin_fallback: self.builtin_fallback.clone(),
            builtins: self.builtins.clone(),
            types: self.types.clone(),
            interp,
            parked: vec![None],
            processes: self.processes.iter().map(crate::process::ProcessInfo::clone).collect(),
            output: self.output.copy(),
            icount: self.icount,
            clock_base: self.clock_base,
            clock_base_icount: self.clock_base_icount,
            breaker: self.breaker,
            stop_at: self.stop_at,
            gate: self.gate,
            passed_at: self.passed_at,
            every_instruction: self.every_instruction,
            next_tid: self.next_tid,
            next_ident: self.next_ident,
            next_object_id: self.next_object_id,
            next_lock_number: self.next_lock_number,
            files: None,
            warned: self.warned.clone(),
            key_classes: Default::default(),
            id_table: Default::default(),
            nested: 0,
            tail_hook: false,
            native_depth: 0,
            live_threads: self.live_threads,
            repr_active: Vec::new(),
            getattribute_hooks: self.getattribute_hooks,
            tick_interval: self.tick_interval,
            ticks_left: self.ticks_left,
            windows: self.windows,
            detectors: self.detectors.clone(),
            locations: Default::default(),
            timeline: None,
            memory: self.memory.clone(),
            interrupt: self.interrupt,
            spare: carried.spare,
            lookups: carried.lookups,
            carried_home: self.carried_home.clone(),
            attr_hints: Default::default(),
            tracing: false,
        })
    }

    /// Complete a copy made by [`Vm::copy_for_run`] from `original`: key the identity tables by
    /// the copied objects and insert the copied containers' items. Ready to run after it.
    pub fn finish_copy(&mut self, original: &Vm, cloner: &mut Cloner) -> Result<(), Unclonable> {
        self.id_table = original.id_table.copy(cloner)?;
        self.locations = original.locations.copy(cloner)?;
        self.key_classes = original.key_classes.copy(cloner)?;
        cloner.finish_containers()
    }

    /// Make this copy the run of its OS thread (once its cloner is gone), as [`Vm::new`] does.
    pub fn begin_resumed_run(&mut self) {
        crate::finalizers::reset(true);
        crate::py2_order::reset();
        crate::slice_end::attend_now();
    }

    fn copy_interp(&self, cloner: &mut Cloner) -> Result<Interp, Unclonable> {
        let i = &self.interp;
        let handlers = |cloner: &mut Cloner, list: &[(crate::Value, crate::native::Args)]| {
            list.iter().map(|(f, args)| Ok((cloner.value(f)?, cloner.args(args)?))).collect::<Result<Vec<_>, _>>()
        };
        Ok(Interp {
            process: i.process,
            pid: i.pid,
            ppid: i.ppid,
            main_tid: i.main_tid,
            threads: i.threads.iter().map(|data| cloner.thread_data(data)).collect::<Result<_, _>>()?,
            globals: cloner.values(&i.globals)?,
            modules: i
                .modules
                .iter()
                .map(|(name, m)| Ok((name.clone(), cloner.value(m)?)))
                .collect::<Result<_, _>>()?,
            library_loaded: i.library_loaded.clone(),
            thread_class: cloner.class_ref(&i.thread_class)?,
            thread_counter: i.thread_counter,
            dummy_counter: i.dummy_counter,
            rng: i.rng.reseeded(cloner.seed)?,
            recursion_limit: i.recursion_limit,
            stack_size: i.stack_size,
            switch_interval: i.switch_interval,
            exit_handlers: handlers(cloner, &i.exit_handlers)?,
            threading_exit_hooks: handlers(cloner, &i.threading_exit_hooks)?,
            threading_shut_down: i.threading_shut_down,
            running_exit_handler: i.running_exit_handler.as_ref().map(|h| cloner.value(h)).transpose()?,
            async_exc_possible: i.async_exc_possible,
            signals_possible: i.signals_possible,
            pending_signals: i.pending_signals.clone(),
            stdout_buffer: i.stdout_buffer.clone(),
            spawned: None,
            // A run that traces is not copied (`Vm::tracing`).
            thread_trace_hook: None,
        })
    }
}

/// A copy of `threads` (the runtime's, in thread-id order) for the copied VM.
pub fn copy_threads<'t>(
    threads: impl IntoIterator<Item = &'t Thread>,
    cloner: &mut Cloner,
) -> Result<Vec<Thread>, Unclonable> {
    threads.into_iter().map(|t| cloner.thread(t)).collect()
}

//! gilsim's self-checks on generated input: [`program`] makes small concurrent programs,
//! [`differential`] checks that `dfs` with partial-order reduction reaches every outcome that
//! running every schedule reaches, and [`campaign`] runs many such checks in parallel (the
//! CI sample in `tests/`, the long campaigns in `bench/`); [`crash`] runs generated programs and
//! [`mutate`]d scenarios through the gilsim binary looking for crashes, hangs and memory
//! blow-ups.

pub mod campaign;
pub mod crash;
pub mod differential;
pub mod mutate;
pub mod program;
pub mod reduce;

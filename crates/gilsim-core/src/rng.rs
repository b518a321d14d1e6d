//! The run's one source of randomness: a ChaCha8 stream seeded from the run's seed. Both the
//! scheduler's choices and the script's `random` module draw from streams derived here, so a
//! seed fixes everything.

use rand_chacha::ChaCha8Rng;
use rand_core::{RngCore, SeedableRng};

/// A deterministic random stream.
#[derive(Clone, Debug)]
pub struct SimRng {
    inner: ChaCha8Rng,
}

impl SimRng {
    /// A stream for `seed`; `stream` separates independent consumers (scheduler, script).
    pub fn new(seed: u64, stream: u64) -> Self {
        let mut inner = ChaCha8Rng::seed_from_u64(seed);
        inner.set_stream(stream);
        SimRng { inner }
    }

    pub fn next_u64(&mut self) -> u64 {
        self.inner.next_u64()
    }

    /// Uniform in `0..n` (n > 0), without modulo bias.
    pub fn below(&mut self, n: u64) -> u64 {
        assert!(n > 0, "SimRng::below(0)");
        let zone = u64::MAX - (u64::MAX % n);
        loop {
            let x = self.next_u64();
            if x < zone {
                return x % n;
            }
        }
    }

    /// Uniform in `[0, 1)` with 53 random bits, like CPython's `random.random()`.
    pub fn unit_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_stream() {
        let mut a = SimRng::new(7, 0);
        let mut b = SimRng::new(7, 0);
        let mut c = SimRng::new(7, 1);
        let xs: Vec<u64> = (0..8).map(|_| a.below(10)).collect();
        let ys: Vec<u64> = (0..8).map(|_| b.below(10)).collect();
        let zs: Vec<u64> = (0..8).map(|_| c.below(10)).collect();
        assert_eq!(xs, ys);
        assert_ne!(xs, zs);
        assert!(xs.iter().all(|&x| x < 10));
        let u = a.unit_f64();
        assert!((0.0..1.0).contains(&u));
    }
}

//! CPython's `random` generator, bit for bit: MT19937 (Matsumoto & Nishimura, 1998) as in
//! `Modules/_randommodule.c` — `init_genrand`, `init_by_array`, `genrand_uint32`,
//! `random()` from two draws (`genrand_res53`), `getrandbits(k)` by 32-bit words — and the
//! integer draws of `Lib/random.py` built on it (`_randbelow` by rejection over
//! `getrandbits`). After `random.seed(507129)`, `random.uniform(3, 13)` is
//! 6.878690897644842, as in CPython.

use num_bigint::{BigInt, BigUint, Sign};
use num_traits::Zero;

pub(crate) const N: usize = 624;
const M: usize = 397;
const MATRIX_A: u32 = 0x9908_b0df;
const UPPER_MASK: u32 = 0x8000_0000;
const LOWER_MASK: u32 = 0x7fff_ffff;

/// One Mersenne Twister state (a process's `random` module, or a `random.Random`).
#[derive(Clone, Debug)]
pub struct Mersenne {
    state: Box<[u32; N]>,
    index: usize,
    /// `gauss()` draws two values at a time and keeps the second (`Random.gauss_next`);
    /// reseeding forgets it.
    pub gauss_next: Option<f64>,
}

impl Mersenne {
    /// CPython's `random.seed(n)` for an int `n`: `init_by_array` over the 32-bit words of
    /// `abs(n)`, least significant first (one zero word for 0).
    pub fn from_int(n: &BigInt) -> Mersenne {
        let mut key: Vec<u32> = n.magnitude().to_u32_digits();
        if key.is_empty() {
            key.push(0);
        }
        Mersenne::from_key(&key)
    }

    /// The generator a process starts with: from the run's seed and a stream number (CPython
    /// seeds from the OS's entropy; a run must be a function of its seed).
    pub fn from_run(seed: u64, stream: u64) -> Mersenne {
        Mersenne::from_key(&[seed as u32, (seed >> 32) as u32, stream as u32, (stream >> 32) as u32])
    }

    fn init_genrand(seed: u32) -> Mersenne {
        let mut mt = Box::new([0u32; N]);
        mt[0] = seed;
        for i in 1..N {
            mt[i] = 1_812_433_253u32.wrapping_mul(mt[i - 1] ^ (mt[i - 1] >> 30)).wrapping_add(i as u32);
        }
        Mersenne { state: mt, index: N, gauss_next: None }
    }

    fn from_key(key: &[u32]) -> Mersenne {
        let mut g = Mersenne::init_genrand(19_650_218);
        let mt = &mut g.state;
        let (mut i, mut j) = (1usize, 0usize);
        for _ in 0..N.max(key.len()) {
            mt[i] = (mt[i] ^ (mt[i - 1] ^ (mt[i - 1] >> 30)).wrapping_mul(1_664_525))
                .wrapping_add(key[j])
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
            if j >= key.len() {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            mt[i] = (mt[i] ^ (mt[i - 1] ^ (mt[i - 1] >> 30)).wrapping_mul(1_566_083_941)).wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
        }
        mt[0] = 0x8000_0000;
        g
    }

    pub fn next_u32(&mut self) -> u32 {
        if self.index >= N {
            self.twist();
        }
        let mut y = self.state[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    fn twist(&mut self) {
        let mt = &mut self.state;
        let mag = |y: u32| if y & 1 == 0 { 0 } else { MATRIX_A };
        for kk in 0..N - M {
            let y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
            mt[kk] = mt[kk + M] ^ (y >> 1) ^ mag(y);
        }
        for kk in N - M..N - 1 {
            let y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
            mt[kk] = mt[kk + M - N] ^ (y >> 1) ^ mag(y);
        }
        let y = (mt[N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
        mt[N - 1] = mt[M - 1] ^ (y >> 1) ^ mag(y);
        self.index = 0;
    }

    /// `random.random()`: 53 random bits from two draws.
    pub fn random(&mut self) -> f64 {
        let a = self.next_u32() >> 5;
        let b = self.next_u32() >> 6;
        (f64::from(a) * 67_108_864.0 + f64::from(b)) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// `random.getrandbits(k)`.
    pub fn getrandbits(&mut self, k: u64) -> BigInt {
        if k <= 32 {
            return if k == 0 { BigInt::zero() } else { BigInt::from(self.next_u32() >> (32 - k)) };
        }
        let words = k.div_ceil(32) as usize;
        let mut digits = Vec::with_capacity(words);
        let mut left = k;
        for _ in 0..words {
            let mut r = self.next_u32();
            if left < 32 {
                r >>= 32 - left;
            }
            digits.push(r);
            left = left.saturating_sub(32);
        }
        BigInt::from_biguint(Sign::Plus, BigUint::new(digits))
    }

    /// The state `_random.Random.getstate()` gives: the 624 words, then the index of the
    /// next one to draw (624 after seeding: the next draw twists).
    pub fn state_words(&self) -> Vec<u32> {
        let mut words = self.state.to_vec();
        words.push(self.index as u32);
        words
    }

    /// A generator in the state of `words` (`setstate`), or None when the index is past the
    /// state (CPython's "invalid state"). `gauss_next` is the caller's.
    pub fn from_state_words(words: &[u32; N + 1], gauss_next: Option<f64>) -> Option<Mersenne> {
        let index = words[N] as usize;
        if index > N {
            return None;
        }
        let mut state = Box::new([0u32; N]);
        state.copy_from_slice(&words[..N]);
        Some(Mersenne { state, index, gauss_next })
    }

    /// `Random._randbelow(n)` for n > 0: getrandbits(n.bit_length()) until below n.
    pub fn below(&mut self, n: &BigInt) -> BigInt {
        let k = n.bits();
        loop {
            let r = self.getrandbits(k);
            if &r < n {
                return r;
            }
        }
    }
}

/// A process's generator, seeded from the run on first use: most scripts never draw, and a
/// seeded state costs thousands of steps to build (explore builds one per run).
#[derive(Clone, Debug)]
pub struct LazyMersenne {
    seed: u64,
    stream: u64,
    generator: Option<Mersenne>,
    /// `generator` was seeded from the run's seed (not by the script's `seed(x)`).
    run_seeded: bool,
}

impl LazyMersenne {
    pub fn from_run(seed: u64, stream: u64) -> LazyMersenne {
        LazyMersenne { seed, stream, generator: None, run_seeded: false }
    }

    pub fn get(&mut self) -> &mut Mersenne {
        let (seed, stream) = (self.seed, self.stream);
        if self.generator.is_none() {
            self.run_seeded = true;
        }
        self.generator.get_or_insert_with(|| Mersenne::from_run(seed, stream))
    }

    /// Replace the generator (`random.seed(a)`; `run_seeded` when `a` is None).
    pub fn set(&mut self, generator: Mersenne, run_seeded: bool) {
        self.generator = Some(generator);
        self.run_seeded = run_seeded;
    }

    /// This generator in a copy of the run whose seed is `seed` ([`crate::snapshot`]): one that
    /// has not drawn yet draws from the new seed; one the script seeded itself is unchanged;
    /// one that drew from the run's seed cannot be made for another.
    pub(crate) fn reseeded(&self, seed: u64) -> Result<LazyMersenne, crate::snapshot::Unclonable> {
        match &self.generator {
            None => Ok(LazyMersenne::from_run(seed, self.stream)),
            Some(_) if !self.run_seeded || seed == self.seed => Ok(LazyMersenne { seed, ..self.clone() }),
            Some(_) => Err(crate::snapshot::Unclonable::SeededRandom),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn draws_as_cpython() {
        // CPython 3.11: random.seed(507129); random.uniform(3, 13)
        let mut g = Mersenne::from_int(&BigInt::from(507_129));
        assert_eq!(3.0 + 10.0 * g.random(), 6.878690897644842);
        // random.seed(42); [random.random() for _ in range(2)], random.getrandbits(70)
        let mut g = Mersenne::from_int(&BigInt::from(42));
        assert_eq!(g.random(), 0.6394267984578837);
        assert_eq!(g.random(), 0.025010755222666936);
        let mut g = Mersenne::from_int(&BigInt::from(-(1i64 << 40) - 7));
        assert_eq!(g.getrandbits(70).to_string(), "973016391035727360218");
    }
}

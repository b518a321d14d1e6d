//! `math.erf` and `math.erfc` bit for bit as CPython computes them on Linux. From 3.7 CPython
//! calls the C library's (bpo-26121); glibc's are fdlibm's rational approximations on five
//! intervals (sysdeps/ieee754/dbl-64/s_erf.c), with the polynomials evaluated in glibc's
//! pairwise order — other orders round differently — over its `exp`, which Rust's `exp`
//! calls. 2.7 and 3.6 use mathmodule.c's own: a power series below 1.5, a continued fraction
//! above.

// The coefficients as fdlibm publishes them, to 21 significant digits: each rounds to the
// double fdlibm uses, and they stay comparable with the source.
#![allow(clippy::excessive_precision)]

use super::math::{check, real};
use crate::builtins::arity;
use crate::native::native;

/// erf(1) rounded to single precision (fdlibm's `erx`).
const ERX: f64 = 8.450_629_115_104_675_292_97e-1;
/// 2/sqrt(pi) - 1.
const EFX: f64 = 1.283_791_670_955_125_863_16e-1;
/// [0, 0.84375]: erf(x) = x + x * PP(x^2) / QQ(x^2).
const PP: [f64; 5] = [
    1.283_791_670_955_125_585_61e-1,
    -3.250_421_072_470_014_993_70e-1,
    -2.848_174_957_559_851_047_66e-2,
    -5.770_270_296_489_441_591_57e-3,
    -2.376_301_665_665_016_260_84e-5,
];
const QQ: [f64; 5] = [
    3.979_172_239_591_553_528_19e-1,
    6.502_224_998_876_729_444_85e-2,
    5.081_306_281_875_765_627_76e-3,
    1.324_947_380_043_216_445_26e-4,
    -3.960_228_278_775_368_123_20e-6,
];
/// [0.84375, 1.25]: erf(x) = erx + PA(s) / QA(s), s = |x| - 1.
const PA: [f64; 7] = [
    -2.362_118_560_752_659_440_77e-3,
    4.148_561_186_837_483_316_66e-1,
    -3.722_078_760_357_013_238_47e-1,
    3.183_466_199_011_617_536_74e-1,
    -1.108_946_942_823_966_774_76e-1,
    3.547_830_432_561_823_593_71e-2,
    -2.166_375_594_868_790_843_00e-3,
];
const QA: [f64; 6] = [
    1.064_208_804_008_442_282_86e-1,
    5.403_979_177_021_710_489_37e-1,
    7.182_865_441_419_626_628_68e-2,
    1.261_712_198_087_616_421_12e-1,
    1.363_708_391_202_905_073_62e-2,
    1.198_449_984_679_910_741_70e-2,
];
/// [1.25, 1/0.35]: erfc(x) = exp(-x^2 - 0.5625 + RA(s) / SA(s)) / x, s = 1/x^2.
const RA: [f64; 8] = [
    -9.864_944_034_847_148_227_05e-3,
    -6.938_585_727_071_817_643_72e-1,
    -1.055_862_622_532_329_098_14e1,
    -6.237_533_245_032_600_603_96e1,
    -1.623_966_694_625_734_703_55e2,
    -1.846_050_929_067_110_359_94e2,
    -8.128_743_550_630_659_342_46e1,
    -9.814_329_344_169_145_485_92,
];
const SA: [f64; 8] = [
    1.965_127_166_743_925_712_92e1,
    1.376_577_541_435_190_426_00e2,
    4.345_658_774_752_292_288_21e2,
    6.453_872_717_332_678_803_36e2,
    4.290_081_400_275_678_333_86e2,
    1.086_350_055_417_794_351_34e2,
    6.570_249_770_319_281_701_35,
    -6.042_441_521_485_809_874_38e-2,
];
/// [1/0.35, 28]: as above with RB and SB.
const RB: [f64; 7] = [
    -9.864_942_924_700_099_285_97e-3,
    -7.992_832_376_805_230_065_74e-1,
    -1.775_795_491_775_475_198_89e1,
    -1.606_363_848_558_219_160_62e2,
    -6.375_664_433_683_896_277_22e2,
    -1.025_095_131_611_077_249_54e3,
    -4.835_191_916_086_513_970_19e2,
];
const SB: [f64; 7] = [
    3.033_806_074_348_245_829_24e1,
    3.257_925_129_965_739_188_26e2,
    1.536_729_586_084_436_959_94e3,
    3.199_858_219_508_595_539_08e3,
    2.553_050_406_433_164_425_83e3,
    4.745_285_412_069_553_672_15e2,
    -2.244_095_244_658_581_833_62e1,
];
const TINY: f64 = 1e-300;

/// The high 32 bits of `x` without its sign: what fdlibm compares the intervals' ends with.
fn high_word(x: f64) -> u32 {
    ((x.to_bits() >> 32) as u32) & 0x7fff_ffff
}

/// x + x * PP/QQ(x^2) on [0, 0.84375]: the ratio PP/QQ.
fn small_ratio(x: f64) -> f64 {
    let z = x * x;
    let (z2, z4) = (z * z, z * z * (z * z));
    let r = (PP[0] + z * PP[1]) + z2 * (PP[2] + z * PP[3]) + z4 * PP[4];
    let s = (1.0 + z * QQ[0]) + z2 * (QQ[1] + z * QQ[2]) + z4 * (QQ[3] + z * QQ[4]);
    r / s
}

/// PA/QA(|x| - 1) on [0.84375, 1.25].
fn near_one_ratio(x: f64) -> f64 {
    let s = x.abs() - 1.0;
    let (s2, s4) = (s * s, s * s * (s * s));
    let s6 = s4 * s2;
    let p = (PA[0] + s * PA[1]) + s2 * (PA[2] + s * PA[3]) + s4 * (PA[4] + s * PA[5]) + s6 * PA[6];
    let q = (1.0 + s * QA[0]) + s2 * (QA[1] + s * QA[2]) + s4 * (QA[3] + s * QA[4]) + s6 * QA[5];
    p / q
}

/// erfc(|x|) * |x| for |x| in [1.25, 28): exp(-x^2 - 0.5625 + R/S), the square taken from
/// `x` with its low word cleared so that it is exact. `near` picks the [1.25, 1/0.35) fit.
fn tail(ax: f64, near: bool) -> f64 {
    let s = 1.0 / (ax * ax);
    let (s2, s4) = (s * s, s * s * (s * s));
    let s6 = s4 * s2;
    let (r, q) = if near {
        let s8 = s4 * s4;
        let r = (RA[0] + s * RA[1]) + s2 * (RA[2] + s * RA[3]) + s4 * (RA[4] + s * RA[5]) + s6 * (RA[6] + s * RA[7]);
        let q = (1.0 + s * SA[0])
            + s2 * (SA[1] + s * SA[2])
            + s4 * (SA[3] + s * SA[4])
            + s6 * (SA[5] + s * SA[6])
            + s8 * SA[7];
        (r, q)
    } else {
        let r = (RB[0] + s * RB[1]) + s2 * (RB[2] + s * RB[3]) + s4 * (RB[4] + s * RB[5]) + s6 * RB[6];
        let q = (1.0 + s * SB[0]) + s2 * (SB[1] + s * SB[2]) + s4 * (SB[3] + s * SB[4]) + s6 * (SB[5] + s * SB[6]);
        (r, q)
    };
    let z = f64::from_bits(ax.to_bits() & 0xffff_ffff_0000_0000);
    (-z * z - 0.5625).exp() * ((z - ax) * (z + ax) + r / q).exp()
}

/// glibc's `erf`.
fn erf(x: f64) -> f64 {
    let ix = high_word(x);
    let negative = x.is_sign_negative();
    if ix >= 0x7ff0_0000 {
        return if x.is_nan() {
            x
        } else if negative {
            -1.0
        } else {
            1.0
        };
    }
    if ix < 0x3feb_0000 {
        if ix < 0x3e30_0000 {
            return if ix < 0x0080_0000 { 0.0625 * (16.0 * x + (16.0 * EFX) * x) } else { x + EFX * x };
        }
        return x + x * small_ratio(x);
    }
    if ix < 0x3ff4_0000 {
        let ratio = near_one_ratio(x);
        return if negative { -ERX - ratio } else { ERX + ratio };
    }
    if ix >= 0x4018_0000 {
        return if negative { TINY - 1.0 } else { 1.0 - TINY };
    }
    let ax = x.abs();
    let r = tail(ax, ix < 0x4006_db6e);
    if negative {
        r / ax - 1.0
    } else {
        1.0 - r / ax
    }
}

/// glibc's `erfc`.
fn erfc(x: f64) -> f64 {
    let ix = high_word(x);
    let negative = x.is_sign_negative();
    if ix >= 0x7ff0_0000 {
        return if x.is_nan() {
            x
        } else if negative {
            2.0
        } else {
            0.0
        };
    }
    if ix < 0x3feb_0000 {
        if ix < 0x3c70_0000 {
            return 1.0 - x;
        }
        let y = small_ratio(x);
        if x < 0.25 {
            return 1.0 - (x + x * y);
        }
        let r = x * y + (x - 0.5);
        return 0.5 - r;
    }
    if ix < 0x3ff4_0000 {
        let ratio = near_one_ratio(x);
        return if negative { 1.0 + (ERX + ratio) } else { (1.0 - ERX) - ratio };
    }
    if ix < 0x403c_0000 {
        let near = ix < 0x4006_db6d;
        if negative && !near && ix >= 0x4018_0000 {
            return 2.0 - TINY;
        }
        let ax = x.abs();
        let r = tail(ax, near);
        return if negative { 2.0 - r / ax } else { r / ax };
    }
    if negative {
        2.0 - TINY
    } else {
        TINY * TINY
    }
}

// mathmodule.c's own (2.7, 3.6): the series to 25 terms below 1.5, the continued fraction to
// 50 terms up to 30 (erfc is 0 past it).
const SQRT_PI: f64 = 1.772_453_850_905_516_027_298_167_483_341_145_182_798;

fn series(x: f64) -> f64 {
    let x2 = x * x;
    let mut acc = 0.0;
    let mut fk = 25.0 + 0.5;
    for _ in 0..25 {
        acc = 2.0 + x2 * acc / fk;
        fk -= 1.0;
    }
    acc * x * (-x2).exp() / SQRT_PI
}

fn continued_fraction(x: f64) -> f64 {
    if x >= 30.0 {
        return 0.0;
    }
    let x2 = x * x;
    let (mut a, mut da) = (0.0, 0.5);
    let (mut p, mut p_last) = (1.0, 0.0);
    let (mut q, mut q_last) = (da + x2, 1.0);
    for _ in 0..50 {
        a += da;
        da += 2.0;
        let b = da + x2;
        (p, p_last) = (b * p - a * p_last, p);
        (q, q_last) = (b * q - a * q_last, q);
    }
    p / q * x * (-x2).exp() / SQRT_PI
}

fn own_erf(x: f64) -> f64 {
    if x.is_nan() {
        return x;
    }
    if x.abs() < 1.5 {
        return series(x);
    }
    let cf = continued_fraction(x.abs());
    if x > 0.0 {
        1.0 - cf
    } else {
        cf - 1.0
    }
}

fn own_erfc(x: f64) -> f64 {
    if x.is_nan() {
        return x;
    }
    if x.abs() < 1.5 {
        return 1.0 - series(x);
    }
    let cf = continued_fraction(x.abs());
    if x > 0.0 {
        cf
    } else {
        2.0 - cf
    }
}

/// Whether the running version computes with mathmodule.c's own functions.
fn own(vm: &crate::Vm) -> bool {
    vm.options.python < gilsim_core::PythonVersion::new(3, 7)
}

native!(ERF, "math.erf", |vm, th, args| {
    arity(vm, "erf", args, 1, 1)?;
    let x = real(vm, th, &args.pos[0])?;
    let r = if own(vm) { own_erf(x) } else { erf(x) };
    check(vm, !x.is_nan(), x.is_finite(), r, false)
});
native!(ERFC, "math.erfc", |vm, th, args| {
    arity(vm, "erfc", args, 1, 1)?;
    let x = real(vm, th, &args.pos[0])?;
    let r = if own(vm) { own_erfc(x) } else { erfc(x) };
    check(vm, !x.is_nan(), x.is_finite(), r, false)
});

pub(crate) const NATIVES: [&crate::NativeFn; 2] = [&ERF, &ERFC];

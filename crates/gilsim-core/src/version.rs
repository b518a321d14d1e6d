//! The CPython version being modelled. It decides where the eval breaker is checked
//! (python-semantics.md §3.1), thread names (`Thread-N (target)` from 3.10), which deprecated
//! aliases warn (§5), and a few messages that changed between versions. A free-threaded build
//! (`3.13t`, PEP 703) has no GIL: every instruction boundary is a switch point and threads run
//! in parallel on the machine's cores.

use serde::Serialize;
use std::fmt;
use std::str::FromStr;

/// A CPython minor version: 2.7 or 3.6 … 3.13, and the free-threaded 3.13t.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PythonVersion {
    pub major: u8,
    pub minor: u8,
    /// A free-threaded build (`python3.13t`): no GIL.
    pub free_threaded: bool,
}

impl PythonVersion {
    pub const DEFAULT: PythonVersion = PythonVersion::new(3, 11);
    /// The free-threaded build gilsim models.
    pub const DEFAULT_FREE_THREADED: PythonVersion = PythonVersion::free_threaded(3, 13);

    /// 2.7, 3.6 … 3.13 and 3.13t.
    pub fn is_supported(self) -> bool {
        if self.free_threaded {
            return self.major == 3 && self.minor == 13;
        }
        (self.major == 2 && self.minor == 7) || (self.major == 3 && (6..=13).contains(&self.minor))
    }

    /// The default (GIL) build of `major.minor`.
    pub const fn new(major: u8, minor: u8) -> Self {
        PythonVersion { major, minor, free_threaded: false }
    }

    /// The free-threaded build of `major.minor`.
    pub const fn free_threaded(major: u8, minor: u8) -> Self {
        PythonVersion { major, minor, free_threaded: true }
    }

    /// CPython ≤ 3.1 had the old, tick-counting GIL (python-semantics.md §1).
    pub fn has_old_gil(self) -> bool {
        self < PythonVersion::new(3, 2)
    }

    /// ≤ 3.9 checks the eval breaker between (almost) any two instructions; without a GIL,
    /// another thread's instruction can fall between any two.
    pub fn checks_every_instruction(self) -> bool {
        self < PythonVersion::new(3, 10) || self.free_threaded
    }

    /// 3.10+ appends ` (target)` to default thread names.
    pub fn thread_name_has_target(self) -> bool {
        self >= PythonVersion::new(3, 10)
    }

    /// 3.10+ warns on the camelCase threading aliases.
    pub fn warns_on_camel_case_aliases(self) -> bool {
        self >= PythonVersion::new(3, 10)
    }

    /// Python 2 has no new GIL; 3.0 and 3.1 neither.
    pub fn has_new_gil(self) -> bool {
        self >= PythonVersion::new(3, 2)
    }
}

impl fmt::Display for PythonVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}{}", self.major, self.minor, if self.free_threaded { "t" } else { "" })
    }
}

/// Serialized as it is written: `"3.13t"`.
impl Serialize for PythonVersion {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl FromStr for PythonVersion {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        let bad = || format!("unsupported Python version `{text}`: use 2.7, 3.6 … 3.13 or 3.13t");
        let text = text.trim();
        let (text, free_threaded) = match text.strip_suffix('t') {
            Some(rest) => (rest, true),
            None => (text, false),
        };
        let (major, minor) = text.split_once('.').ok_or_else(bad)?;
        let major: u8 = major.parse().map_err(|_| bad())?;
        let minor: u8 = minor.parse().map_err(|_| bad())?;
        let version = PythonVersion { major, minor, free_threaded };
        if version.is_supported() {
            Ok(version)
        } else {
            Err(bad())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_orders() {
        let v39: PythonVersion = "3.9".parse().unwrap();
        let v311: PythonVersion = "3.11".parse().unwrap();
        assert!(v39 < v311);
        assert!(v39.checks_every_instruction());
        assert!(!v311.checks_every_instruction());
        assert!("2.7".parse::<PythonVersion>().unwrap().checks_every_instruction());
        assert!("3.14".parse::<PythonVersion>().is_err());
        assert!("3".parse::<PythonVersion>().is_err());
        assert_eq!(v311.to_string(), "3.11");
        let v313t: PythonVersion = "3.13t".parse().unwrap();
        assert!(v313t.free_threaded && v313t > PythonVersion::new(3, 12) && v313t >= PythonVersion::new(3, 13));
        assert_eq!(v313t.to_string(), "3.13t");
        assert!("3.12t".parse::<PythonVersion>().is_err());
        assert!("2.7t".parse::<PythonVersion>().is_err());
    }
}

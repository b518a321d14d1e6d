//! The CPython version being modelled. It decides where the eval breaker is checked
//! (python-semantics.md §3.1), thread names (`Thread-N (target)` from 3.10), which deprecated
//! aliases warn (§5), and a few messages that changed between versions.

use serde::Serialize;
use std::fmt;
use std::str::FromStr;

/// A CPython minor version: 2.7 or 3.6 … 3.13.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct PythonVersion {
    pub major: u8,
    pub minor: u8,
}

impl PythonVersion {
    pub const DEFAULT: PythonVersion = PythonVersion { major: 3, minor: 11 };

    /// 2.7 and 3.6 … 3.13.
    pub fn is_supported(self) -> bool {
        (self.major == 2 && self.minor == 7) || (self.major == 3 && (6..=13).contains(&self.minor))
    }

    pub const fn new(major: u8, minor: u8) -> Self {
        PythonVersion { major, minor }
    }

    /// CPython ≤ 3.1 had the old, tick-counting GIL (python-semantics.md §1).
    pub fn has_old_gil(self) -> bool {
        self < PythonVersion::new(3, 2)
    }

    /// ≤ 3.9 checks the eval breaker between (almost) any two instructions.
    pub fn checks_every_instruction(self) -> bool {
        self < PythonVersion::new(3, 10)
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
        write!(f, "{}.{}", self.major, self.minor)
    }
}

impl FromStr for PythonVersion {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        let bad = || format!("unsupported Python version `{text}`: use 2.7 or 3.6 … 3.13");
        let (major, minor) = text.trim().split_once('.').ok_or_else(bad)?;
        let major: u8 = major.parse().map_err(|_| bad())?;
        let minor: u8 = minor.parse().map_err(|_| bad())?;
        if PythonVersion::new(major, minor).is_supported() {
            Ok(PythonVersion { major, minor })
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
    }
}

//! Virtual time: nanoseconds since the start of a run, and the `5ms` / `60s` / `1.5` duration
//! syntax used on the command line.

/// Nanoseconds in one second.
pub const NANOS_PER_SEC: u64 = 1_000_000_000;

/// A point on (or a span of) the virtual clock, in nanoseconds.
pub type VirtualTime = u64;

/// Parses a duration such as `5ms`, `60s`, `250us`, `100ns`, `2m` or a bare number of seconds
/// (`0.005`). Returns nanoseconds.
pub fn parse_duration(text: &str) -> Result<VirtualTime, String> {
    let text = text.trim();
    let split = text
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == '_' || c == 'e' || c == '-' || c == '+'))
        .unwrap_or(text.len());
    let (number, unit) = text.split_at(split);
    let number: f64 = number
        .replace('_', "")
        .parse()
        .map_err(|_| format!("invalid duration `{text}`: expected e.g. 5ms, 60s, 0.005"))?;
    let scale = match unit.trim() {
        "" | "s" | "sec" => 1e9,
        "ms" => 1e6,
        "us" | "µs" => 1e3,
        "ns" => 1.0,
        "m" | "min" => 60e9,
        other => return Err(format!("invalid duration unit `{other}` in `{text}` (use ns, us, ms, s, m)")),
    };
    if !number.is_finite() || number < 0.0 {
        return Err(format!("invalid duration `{text}`: must be a non-negative number"));
    }
    let nanos = number * scale;
    if nanos > u64::MAX as f64 / 2.0 {
        return Err(format!("duration `{text}` is too large"));
    }
    Ok(nanos.round() as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_units() {
        assert_eq!(parse_duration("5ms"), Ok(5_000_000));
        assert_eq!(parse_duration("60s"), Ok(60 * NANOS_PER_SEC));
        assert_eq!(parse_duration("0.005"), Ok(5_000_000));
        assert_eq!(parse_duration("250us"), Ok(250_000));
        assert_eq!(parse_duration("2m"), Ok(120 * NANOS_PER_SEC));
        assert!(parse_duration("5 parsecs").is_err());
        assert!(parse_duration("-1s").is_err());
        assert!(parse_duration("").is_err());
    }
}

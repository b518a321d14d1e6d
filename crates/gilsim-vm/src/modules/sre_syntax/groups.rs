//! Groups in the syntax check ([`super`]): `(...)`, `(?:...)`, `(?P<name>...)`, `(?P=name)`,
//! comments, look-arounds, conditionals `(?(1)yes|no)`, atomic groups and inline flags, as
//! `_parser._parse`'s `(` branch and `_parse_flags` check them.

use super::{Group, Item, Refusal, State, SyntaxError, Tokenizer, MAXGROUPS};
use crate::modules::sre::flags::{ASCII, DEBUG, DOTALL, IGNORECASE, LOCALE, MULTILINE, TEMPLATE, UNICODE, VERBOSE};

/// Inline flag letters and their `re` flag values.
fn flag_value(c: char) -> Option<i64> {
    Some(match c {
        'i' => IGNORECASE,
        'L' => LOCALE,
        'm' => MULTILINE,
        's' => DOTALL,
        'x' => VERBOSE,
        'a' => ASCII,
        'u' => UNICODE,
        't' => TEMPLATE,
        _ => return None,
    })
}

const TYPE_FLAGS: i64 = ASCII | LOCALE | UNICODE;
const GLOBAL_FLAGS: i64 = DEBUG | TEMPLATE;

impl State {
    /// A group, its `(` taken; `first`: nothing came before it in the pattern.
    pub(super) fn group(
        &mut self,
        source: &mut Tokenizer,
        verbose: bool,
        nested: usize,
        first: bool,
    ) -> Result<Group, Refusal> {
        let start = source.tell() - 1;
        let mut capture = true;
        let mut name = None;
        let (mut add_flags, mut del_flags) = (0, 0);
        if source.take('?')? {
            let Some((c, escaped)) = source.get()? else {
                return Err(source.error("unexpected end of pattern", 0).into());
            };
            let c = if escaped.is_some() { '\\' } else { c };
            match c {
                'P' if source.take('<')? => {
                    let n = source.getuntil('>', "group name")?;
                    source.check_group_name(&n, 1)?;
                    name = Some(n);
                }
                'P' if source.take('=')? => {
                    let n = source.getuntil(')', "group name")?;
                    source.check_group_name(&n, 1)?;
                    let offset = n.chars().count() + 1;
                    let Some(&group) = self.names.get(&n) else {
                        let msg = format!("unknown group name {}", crate::repr::str_repr(&n));
                        return Err(source.error(&msg, offset).into());
                    };
                    if !self.groups[group] {
                        return Err(source.error("cannot refer to an open group", offset).into());
                    }
                    self.check_lookbehind_group(source, group)?;
                    return Ok(Group::Item(Item::Other));
                }
                'P' => {
                    let Some(next) = source.get()? else {
                        return Err(source.error("unexpected end of pattern", 0).into());
                    };
                    let text = super::token_text(next);
                    return Err(source
                        .error(&format!("unknown extension ?P{text}"), super::token_len(next) + 2)
                        .into());
                }
                ':' => capture = false,
                '#' => loop {
                    if source.next.is_none() {
                        return Err(source.error("missing ), unterminated comment", source.tell() - start).into());
                    }
                    if source.get()? == Some((')', None)) {
                        return Ok(Group::Nothing);
                    }
                },
                '=' | '!' | '<' => return self.lookaround(source, c, verbose, nested, start),
                '(' => return self.conditional(source, verbose, nested, start),
                '>' if self.since(11) => capture = false,
                c if flag_value(c).is_some() || c == '-' => match self.parse_flags(source, c)? {
                    None => {
                        if !first {
                            if self.since(11) {
                                let msg = "global flags not at the start of the expression";
                                return Err(source.error(msg, source.tell() - start).into());
                            }
                            self.warn_late_flags(start);
                        }
                        return Ok(Group::GlobalFlags);
                    }
                    Some((add, del)) => {
                        (add_flags, del_flags) = (add, del);
                        capture = false;
                    }
                },
                _ => {
                    let text = escaped.map_or_else(|| c.to_string(), |e| format!("\\{e}"));
                    return Err(source.error(&format!("unknown extension ?{text}"), text.chars().count() + 1).into());
                }
            }
        }
        let group = if capture { Some(self.open_group(source, name.as_deref())?) } else { None };
        let sub_verbose = (verbose || add_flags & VERBOSE != 0) && del_flags & VERBOSE == 0;
        self.parse_sub(source, sub_verbose, nested + 1)?;
        if !source.take(')')? {
            return Err(source.error("missing ), unterminated subpattern", source.tell() - start).into());
        }
        if let Some(group) = group {
            self.groups[group] = true;
        }
        Ok(Group::Item(Item::Other))
    }

    fn open_group(&mut self, source: &Tokenizer, name: Option<&str>) -> Result<usize, Refusal> {
        let gid = self.groups.len();
        self.groups.push(false);
        let offset = name.map_or(0, |n| n.chars().count()) + 1;
        if self.groups.len() > MAXGROUPS {
            return Err(source.error("too many groups", offset).into());
        }
        if let Some(name) = name {
            if let Some(&was) = self.names.get(name) {
                let quoted = crate::repr::str_repr(name);
                let msg = format!("redefinition of group name {quoted} as group {gid}; was group {was}");
                return Err(source.error(&msg, offset).into());
            }
            self.names.insert(name.to_string(), gid);
        }
        Ok(gid)
    }

    /// `(?=...)`, `(?!...)`, `(?<=...)`, `(?<!...)`, their `?` and first letter taken.
    fn lookaround(
        &mut self,
        source: &mut Tokenizer,
        c: char,
        verbose: bool,
        nested: usize,
        start: usize,
    ) -> Result<Group, Refusal> {
        let outer = self.lookbehind;
        if c == '<' {
            let Some(next) = source.get()? else {
                return Err(source.error("unexpected end of pattern", 0).into());
            };
            if !matches!(next, ('=' | '!', None)) {
                let text = super::token_text(next);
                return Err(source.error(&format!("unknown extension ?<{text}"), super::token_len(next) + 2).into());
            }
            if outer.is_none() {
                self.lookbehind = Some(self.groups.len());
            }
        }
        self.parse_sub(source, verbose, nested + 1)?;
        self.lookbehind = outer;
        if !source.take(')')? {
            return Err(source.error("missing ), unterminated subpattern", source.tell() - start).into());
        }
        Ok(Group::Item(Item::Other))
    }

    /// `(?(group)yes|no)`, its `(?(` taken.
    fn conditional(
        &mut self,
        source: &mut Tokenizer,
        verbose: bool,
        nested: usize,
        start: usize,
    ) -> Result<Group, Refusal> {
        let name = source.getuntil(')', "group name")?;
        let offset = name.chars().count() + 1;
        let group = if crate::str_predicates::is_identifier(&name) {
            match self.names.get(&name) {
                Some(&group) => group,
                None => {
                    let msg = format!("unknown group name {}", crate::repr::str_repr(&name));
                    return Err(source.error(&msg, offset).into());
                }
            }
        } else {
            let Ok(group) = name.parse::<usize>() else {
                let msg = format!("bad character in group name {}", crate::repr::str_repr(&name));
                return Err(source.error(&msg, offset).into());
            };
            if group == 0 {
                return Err(source.error("bad group number", offset).into());
            }
            if group >= MAXGROUPS {
                return Err(source.error(&format!("invalid group reference {group}"), offset).into());
            }
            // A group defined later is fine; one never defined is an error once the whole
            // pattern is parsed, at its first reference.
            if !self.forward_references.iter().any(|&(g, _)| g == group) {
                self.forward_references.push((group, source.tell() - offset));
            }
            group
        };
        self.check_lookbehind_group(source, group)?;
        self.parse(source, verbose, nested + 1, false)?;
        if source.take('|')? {
            self.parse(source, verbose, nested + 1, false)?;
            if source.next_is(|c| c == '|') {
                return Err(source.error("conditional backref with more than two branches", 0).into());
            }
        }
        if !source.take(')')? {
            return Err(source.error("missing ), unterminated subpattern", source.tell() - start).into());
        }
        Ok(Group::Item(Item::Other))
    }

    /// `_parse_flags`: None for global flags `(?aiLmsux)`, else the flags a scoped group
    /// `(?flags-flags:...)` turns on and off.
    fn parse_flags(&mut self, source: &mut Tokenizer, first: char) -> Result<Option<(i64, i64)>, Refusal> {
        let (mut add, mut del) = (0, 0);
        let mut c = Some(first);
        if first != '-' {
            loop {
                let flag = c.and_then(flag_value).unwrap_or(0);
                // 3.6 checked the type flags only once the pattern was parsed (`fix_flags`).
                let checks_types = self.since(7);
                if c == Some('L') && checks_types {
                    return Err(source.error("bad inline flags: cannot use 'L' flag with a str pattern", 0).into());
                }
                add |= flag;
                if checks_types && flag & TYPE_FLAGS != 0 && add & TYPE_FLAGS != flag {
                    return Err(source.error("bad inline flags: flags 'a', 'u' and 'L' are incompatible", 0).into());
                }
                let len;
                (c, len) = flag_char(source)?;
                match c {
                    None => return Err(source.error("missing -, : or )", 0).into()),
                    Some(')' | '-' | ':') => break,
                    Some(other) if flag_value(other).is_none() => {
                        let msg = if other.is_alphabetic() { "unknown flag" } else { "missing -, : or )" };
                        return Err(source.error(msg, len).into());
                    }
                    Some(_) => {}
                }
            }
        }
        if c == Some(')') {
            self.flags |= add;
            return Ok(None);
        }
        // 3.6 counted the type flags as global ones.
        let global = if self.since(7) { GLOBAL_FLAGS } else { GLOBAL_FLAGS | TYPE_FLAGS };
        if add & global != 0 {
            return Err(source.error("bad inline flags: cannot turn on global flag", 1).into());
        }
        if c == Some('-') {
            let len;
            (c, len) = flag_char(source)?;
            match c {
                None => return Err(source.error("missing flag", 0).into()),
                Some(other) if flag_value(other).is_none() => {
                    let msg = if other.is_alphabetic() { "unknown flag" } else { "missing flag" };
                    return Err(source.error(msg, len).into());
                }
                Some(_) => {}
            }
            loop {
                let flag = c.and_then(flag_value).unwrap_or(0);
                if flag & TYPE_FLAGS != 0 && self.since(7) {
                    return Err(source.error("bad inline flags: cannot turn off flags 'a', 'u' and 'L'", 0).into());
                }
                del |= flag;
                let len;
                (c, len) = flag_char(source)?;
                match c {
                    None => return Err(source.error("missing :", 0).into()),
                    Some(':') => break,
                    Some(other) if flag_value(other).is_none() => {
                        let msg = if other.is_alphabetic() { "unknown flag" } else { "missing :" };
                        return Err(source.error(msg, len).into());
                    }
                    Some(_) => {}
                }
            }
        }
        if del & global != 0 {
            return Err(source.error("bad inline flags: cannot turn off global flag", 1).into());
        }
        if add & del != 0 {
            return Err(source.error("bad inline flags: flag turned on and off", 1).into());
        }
        Ok(Some((add, del)))
    }
}

/// The next flag character and its token's length (an escape is reported as its backslash).
fn flag_char(source: &mut Tokenizer) -> Result<(Option<char>, usize), SyntaxError> {
    Ok(match source.get()? {
        None => (None, 0),
        Some((c, None)) => (Some(c), 1),
        Some((_, Some(_))) => (Some('\\'), 2),
    })
}

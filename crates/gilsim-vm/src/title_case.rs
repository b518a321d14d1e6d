//! Title case, as CPython's `str.title`, `str.capitalize` (3.8+) and `str.istitle` use it
//! (Objects/unicodectype.c, from UnicodeData.txt and SpecialCasing.txt): for most characters
//! it is the upper case, but the Latin digraphs (`ǆ` → `ǅ`), the Greek letters with
//! ypogegrammeni (`ᾳ` → `ᾼ`), the Latin and Armenian ligatures (`ﬁ` → `Fi`), `ß` (`Ss`) and
//! Georgian Mkhedruli (themselves) have a title case of their own. Rust's standard library
//! knows upper and lower case only.

/// Whether `c` is a title-case letter (general category Lt), which is neither upper nor lower.
pub(crate) fn is_title_letter(c: char) -> bool {
    matches!(
        u32::from(c),
        0x01C5 | 0x01C8 | 0x01CB | 0x01F2 | 0x1F88..=0x1F8F | 0x1F98..=0x1F9F | 0x1FA8..=0x1FAF | 0x1FBC | 0x1FCC | 0x1FFC
    )
}

/// Whether `c` is cased (Unicode's Cased property: upper, lower or title case), which decides
/// where `title()` starts a word.
pub(crate) fn is_cased(c: char) -> bool {
    c.is_lowercase() || c.is_uppercase() || is_title_letter(c)
}

/// Append the title case of `c` to `out`.
pub(crate) fn push_title(out: &mut String, c: char) {
    let code = u32::from(c);
    let mapped: &[u32] = match code {
        0x00DF => &[0x53, 0x73],
        0x01C4..=0x01C6 => &[0x01C5],
        0x01C7..=0x01C9 => &[0x01C8],
        0x01CA..=0x01CC => &[0x01CB],
        0x01F1..=0x01F3 => &[0x01F2],
        0x0587 => &[0x0535, 0x0582],
        0x10D0..=0x10FA | 0x10FD..=0x10FF => {
            out.push(c);
            return;
        }
        // ᾀ..ᾇ → ᾈ..ᾏ; ᾈ..ᾏ are their own (and the same for ᾐ.. and ᾠ..).
        0x1F80..=0x1FAF => {
            out.extend(char::from_u32(code | 0x8));
            return;
        }
        0x1FB3 | 0x1FBC => &[0x1FBC],
        0x1FC3 | 0x1FCC => &[0x1FCC],
        0x1FF3 | 0x1FFC => &[0x1FFC],
        0x1FB2 => &[0x1FBA, 0x0345],
        0x1FB4 => &[0x0386, 0x0345],
        0x1FB7 => &[0x0391, 0x0342, 0x0345],
        0x1FC2 => &[0x1FCA, 0x0345],
        0x1FC4 => &[0x0389, 0x0345],
        0x1FC7 => &[0x0397, 0x0342, 0x0345],
        0x1FF2 => &[0x1FFA, 0x0345],
        0x1FF4 => &[0x038F, 0x0345],
        0x1FF7 => &[0x03A9, 0x0342, 0x0345],
        0xFB00 => &[0x46, 0x66],
        0xFB01 => &[0x46, 0x69],
        0xFB02 => &[0x46, 0x6C],
        0xFB03 => &[0x46, 0x66, 0x69],
        0xFB04 => &[0x46, 0x66, 0x6C],
        0xFB05 | 0xFB06 => &[0x53, 0x74],
        0xFB13 => &[0x0544, 0x0576],
        0xFB14 => &[0x0544, 0x0565],
        0xFB15 => &[0x0544, 0x056B],
        0xFB16 => &[0x054E, 0x0576],
        0xFB17 => &[0x0544, 0x056D],
        _ => {
            out.extend(c.to_uppercase());
            return;
        }
    };
    out.extend(mapped.iter().filter_map(|&m| char::from_u32(m)));
}

/// Append the lower case of `chars[i]` to `out`, in context: a capital sigma ending a word is
/// `ς` (SpecialCasing.txt's Final_Sigma, which CPython applies in `lower`, `title`,
/// `capitalize` and `swapcase`).
pub(crate) fn push_lower(out: &mut String, chars: &[char], i: usize) {
    if chars[i] == 'Σ' && is_final(chars, i) {
        out.push('ς');
    } else {
        out.extend(chars[i].to_lowercase());
    }
}

/// A cased letter comes before position `i` and none after it, skipping case-ignorable
/// characters either way.
fn is_final(chars: &[char], i: usize) -> bool {
    let before = chars[..i].iter().rev().find(|&&c| !is_case_ignorable(c));
    let after = chars[i + 1..].iter().find(|&&c| !is_case_ignorable(c));
    before.is_some_and(|&c| is_cased(c)) && !after.is_some_and(|&c| is_cased(c))
}

/// Unicode's Case_Ignorable for the characters text puts around words: apostrophes, dots,
/// colons, modifier symbols and combining marks.
fn is_case_ignorable(c: char) -> bool {
    matches!(c, '\'' | '.' | ':' | '^' | '`' | '\u{a8}' | '\u{ad}' | '\u{af}' | '\u{b4}' | '\u{b7}' | '\u{b8}')
        || matches!(u32::from(c), 0x02B0..=0x036F | 0x2018 | 0x2019 | 0x2024 | 0x2027 | 0x200B..=0x200F)
}

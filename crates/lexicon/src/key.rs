//! Lookup keys: the data writes the apostrophe as ASCII `'`, texts often as `’`.

/// The longest key of any data file, in bytes (a test checks it): a longer input cannot match.
pub(crate) const MAX_KEY_LEN: usize = 128;

/// The apostrophes that texts use for `'`: right single quotation mark, modifier letter.
const APOSTROPHES: [char; 2] = ['\u{2019}', '\u{2bc}'];

/// `form` as the data writes it: typographic apostrophes made ASCII and, when `lowercase`,
/// capitals lowered. Borrows `form` when nothing changes, else writes into `buf`; `None`
/// when the result would be longer than any key.
pub(crate) fn normalize<'a>(
    form: &'a str,
    lowercase: bool,
    buf: &'a mut [u8; MAX_KEY_LEN],
) -> Option<&'a str> {
    let needs_change = |c: char| APOSTROPHES.contains(&c) || (lowercase && c.is_uppercase());
    if !form.chars().any(needs_change) {
        return Some(form);
    }
    let mut len = 0;
    let mut push = |c: char| -> Option<()> {
        let end = len + c.len_utf8();
        c.encode_utf8(buf.get_mut(len..end)?);
        len = end;
        Some(())
    };
    for c in form.chars() {
        if APOSTROPHES.contains(&c) {
            push('\'')?;
        } else if lowercase {
            c.to_lowercase().try_for_each(&mut push)?;
        } else {
            push(c)?;
        }
    }
    std::str::from_utf8(&buf[..len]).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(form: &str, lowercase: bool) -> Option<String> {
        let mut buf = [0; MAX_KEY_LEN];
        normalize(form, lowercase, &mut buf).map(str::to_owned)
    }

    #[test]
    fn apostrophes_become_ascii_and_capitals_lower_on_demand() {
        assert_eq!(norm("aujourd’hui", false).as_deref(), Some("aujourd'hui"));
        assert_eq!(norm("Aujourdʼhui", true).as_deref(), Some("aujourd'hui"));
        assert_eq!(norm("État", false).as_deref(), Some("État"));
        assert_eq!(norm("État", true).as_deref(), Some("état"));
        assert_eq!(norm("", true).as_deref(), Some(""));
    }

    #[test]
    fn inputs_longer_than_any_key_give_none() {
        let long = "’".repeat(MAX_KEY_LEN + 1);
        assert_eq!(norm(&long, false), None);
        let long = "É".repeat(MAX_KEY_LEN);
        assert_eq!(norm(&long, true), None);
        // Unchanged inputs are borrowed whatever their length: they simply match nothing.
        assert!(norm(&"e".repeat(1000), true).is_some());
    }
}

//! Helpers shared by the pipeline's property tests.

/// Pieces of text joined into one, each followed by a space when its flag says so: how the
/// strategies make news-like text from words and marks.
pub fn joined(pieces: Vec<(&str, bool)>) -> String {
    let mut s = String::new();
    for (p, space) in pieces {
        s.push_str(p);
        if space {
            s.push(' ');
        }
    }
    s
}

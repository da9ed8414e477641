//! Captions and photo credits written as text.
//!
//! The example form puts a picture's caption, then its credit in bold:
//! "The delegation arrives for the talks. **Sergei Kholodilin / BELTA /
//! TASS**". Pages mark the credit with an element (a `credit` class) often
//! enough, but as often only with words: a label ("Photo:", "Credit:",
//! "Foto:"), a parenthesis at the end ("(Photo: AFP)"), or the agency's
//! habit of "Name / Agency" after the last sentence. This module finds
//! those, on plain text.

/// Labels that open a credit, lower case, without their colon. "Credit..."
/// (with dots) is a label too. Per language: English, German, French,
/// Spanish, Italian, Portuguese, Dutch.
const LABELS: &[&str] = &[
    "photo credit",
    "photo",
    "photos",
    "photograph",
    "photography",
    "picture",
    "pictures",
    "image",
    "images",
    "image credit",
    "credit",
    "credits",
    "source",
    "foto",
    "fotos",
    "fotografie",
    "bild",
    "bilder",
    "bildquelle",
    "quelle",
    "crédit",
    "crédits",
    "crédit photo",
    "fuente",
    "fotografía",
    "créditos",
    "crédito",
];

/// Words a credit may start with after its label: "Photo by Jane Doe".
const BY: &[&str] = &["by", "von", "par", "de", "di", "door", "por"];

/// A credit found in a caption's text: the caption is `text[..caption_end]`
/// (trimmed), the credit `credit`, its label left out.
#[derive(Debug, PartialEq, Eq)]
pub struct TextCredit {
    pub caption_end: usize,
    pub credit: String,
}

/// Where a label may start: the text's start, or after a space, an opening
/// parenthesis or bracket, a separator, or sentence punctuation (a caption
/// glued to its credit: "…KPMG.Photo : Radio-Canada").
fn label_boundary(before: Option<char>) -> bool {
    before.is_none_or(|c| {
        c.is_whitespace()
            || matches!(
                c,
                '(' | '[' | '|' | '–' | '—' | '-' | '.' | '!' | '?' | '·' | '•'
            )
    })
}

/// The credit after a label at `at` in `text`: the label, a colon (or
/// "..."), then a name. `None` when no label starts there.
fn after_label(text: &str, at: usize) -> Option<usize> {
    let rest = &text[at..];
    let lower: String = rest.chars().take(24).collect::<String>().to_lowercase();
    for label in LABELS {
        if !lower.starts_with(label) {
            continue;
        }
        // The label's length in the original text: same number of chars.
        let n = rest
            .char_indices()
            .nth(label.chars().count())
            .map_or(rest.len(), |(i, _)| i);
        let tail = &rest[n..];
        let trimmed = tail.trim_start();
        let skip = n + (tail.len() - trimmed.len());
        if trimmed.starts_with(':') {
            return Some(at + skip + 1);
        }
        if let Some(after) = trimmed
            .strip_prefix("...")
            .or_else(|| trimmed.strip_prefix('…'))
        {
            return Some(at + skip + (trimmed.len() - after.len()));
        }
        // Without a colon only a picture's label followed by "by" counts:
        // "Photo by Jane Doe" (not "Source of pride").
        let pictured = ["photo", "image", "foto", "bild", "picture"]
            .iter()
            .any(|p| label.starts_with(p));
        let word: String = trimmed
            .chars()
            .take_while(|c| c.is_alphabetic())
            .collect::<String>()
            .to_lowercase();
        if pictured && trimmed.len() > word.len() && BY.contains(&word.as_str()) {
            return Some(at + skip + word.len());
        }
    }
    None
}

/// Does `name` read as a credit: a few words, names and agencies, no
/// sentence?
fn looks_like_credit(name: &str) -> bool {
    let name = name.trim();
    let words = name.split_whitespace().count();
    !name.is_empty()
        && name.chars().count() <= 120
        && words <= 14
        && name.chars().any(char::is_alphabetic)
        // A sentence goes on after a full stop; a credit does not.
        && !name.trim_end_matches('.').contains(". ")
}

/// Find a credit written into a caption's text. Returns the caption's end
/// and the credit (label left out).
pub fn split_credit(text: &str) -> Option<TextCredit> {
    let t = text.trim_end();
    // "… (Photo: AFP)" or "… [Foto: dpa]" at the end.
    if let Some(open) = t
        .strip_suffix(')')
        .and_then(|x| x.rfind('('))
        .or_else(|| t.strip_suffix(']').and_then(|x| x.rfind('[')))
    {
        let inner = &t[open + 1..t.len() - 1];
        let inner_trim = inner.trim_start();
        let lead = inner.len() - inner_trim.len();
        if let Some(start) = after_label(t, open + 1 + lead) {
            let credit = t[start..t.len() - 1].trim();
            if looks_like_credit(credit) {
                return Some(TextCredit {
                    caption_end: open,
                    credit: credit.to_string(),
                });
            }
        }
        if let Some(c) = inner.trim().strip_prefix('©') {
            if looks_like_credit(c) {
                return Some(TextCredit {
                    caption_end: open,
                    credit: c.trim().to_string(),
                });
            }
        }
    }
    // A label after the caption's sentences (or alone: a credit-only caption).
    let mut found = None;
    let mut prev: Option<char> = None;
    for (i, c) in t.char_indices() {
        if c.is_alphabetic() && c.is_uppercase() && label_boundary(prev) {
            if let Some(start) = after_label(t, i) {
                let credit = t[start..].trim();
                if looks_like_credit(credit) {
                    found = Some(TextCredit {
                        caption_end: i,
                        credit: credit.to_string(),
                    });
                    break;
                }
            }
        }
        prev = Some(c);
    }
    if found.is_some() {
        return found;
    }
    // "© Name" at the end.
    if let Some(at) = t.rfind('©') {
        let credit = t[at + '©'.len_utf8()..].trim();
        if looks_like_credit(credit) && !credit.contains('.') {
            return Some(TextCredit {
                caption_end: at,
                credit: credit.to_string(),
            });
        }
    }
    // "… after the storm. Jo Hale / Island Post": after the last sentence,
    // names joined by slashes, as agencies write them.
    let (at, mark) = t.rmatch_indices(['.', '!', '?', '”', '"']).next()?;
    let end = at + mark.len();
    if end >= t.len() {
        return None;
    }
    let tail = t[end..].trim();
    if !tail.contains('/') || tail.contains("://") || !looks_like_credit(tail) {
        return None;
    }
    let words: Vec<&str> = tail
        .split(|c: char| c.is_whitespace() || c == '/')
        .filter(|w| w.chars().any(char::is_alphabetic))
        .collect();
    let capitalised = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    // Names and agencies are capitalised ("for The Times" allowed).
    if words.is_empty() || capitalised * 3 < words.len() * 2 || words.len() > 10 {
        return None;
    }
    Some(TextCredit {
        caption_end: end,
        credit: tail.to_string(),
    })
}

/// Is the caption only a file name ("IMG_20230512_101512.JPG",
/// "shutterstock_1234.jpg")? Content systems fill empty captions so.
pub fn is_file_name(text: &str) -> bool {
    let t = text.trim();
    let Some((stem, ext)) = t.rsplit_once('.') else {
        return false;
    };
    let ext = ext.to_ascii_lowercase();
    const EXT: &[&str] = &[
        "jpg", "jpeg", "png", "gif", "webp", "avif", "tif", "tiff", "heic", "bmp", "svg",
    ];
    EXT.contains(&ext.as_str())
        && !stem.is_empty()
        && !stem.contains(char::is_whitespace)
        && stem.len() <= 120
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(t: &str) -> Option<(String, String)> {
        split_credit(t).map(|c| (t[..c.caption_end].trim().to_string(), c.credit))
    }

    fn pair(a: &str, b: &str) -> Option<(String, String)> {
        Some((a.to_string(), b.to_string()))
    }

    #[test]
    fn labels_open_credits() {
        assert_eq!(
            split("The pier after the storm. Photo: Jo Hale/Island Post"),
            pair("The pier after the storm.", "Jo Hale/Island Post")
        );
        assert_eq!(
            split("Le maire et l'équipe de KPMG.Photo : Radio-Canada"),
            pair("Le maire et l'équipe de KPMG.", "Radio-Canada")
        );
        assert_eq!(
            split("Der Hafen im März. Foto: Anna Berg / dpa"),
            pair("Der Hafen im März.", "Anna Berg / dpa")
        );
        assert_eq!(
            split("Credit...Ann Lee for The Island Post"),
            pair("", "Ann Lee for The Island Post")
        );
        assert_eq!(
            split("The quay at dawn. Photo by Ann Lee"),
            pair("The quay at dawn.", "Ann Lee")
        );
    }

    #[test]
    fn parentheses_and_copyright_at_the_end() {
        assert_eq!(
            split("The chair, Ruth Ade (Photo: Harbour Board)"),
            pair("The chair, Ruth Ade", "Harbour Board")
        );
        assert_eq!(
            split("The chair, Ruth Ade (© Harbour Board)"),
            pair("The chair, Ruth Ade", "Harbour Board")
        );
        assert_eq!(
            split("The old lighthouse. © Jo Hale"),
            pair("The old lighthouse.", "Jo Hale")
        );
    }

    #[test]
    fn slashed_names_after_the_last_sentence() {
        assert_eq!(
            split("Boats moored at the quay. Sergei Holm / BELTA / TASS"),
            pair("Boats moored at the quay.", "Sergei Holm / BELTA / TASS")
        );
        // Prose with a slash is no credit.
        assert_eq!(split("Prices rose. Tickets cost 5 and/or 10 pounds"), None);
        assert_eq!(split("See more. https://x.example/a/b"), None);
    }

    #[test]
    fn captions_without_credits_are_left_alone() {
        assert_eq!(split("The photo shows the pier in March."), None);
        assert_eq!(split("A source of pride for the town."), None);
        assert_eq!(split("Photographers gathered on the quay."), None);
        // A label word inside a sentence, after a lower-case word, is prose.
        assert_eq!(split("He took a photo: the pier in ruins."), None);
    }

    #[test]
    fn quotes_and_other_multibyte_text_split_on_char_boundaries() {
        assert_eq!(
            split("The cast of “Wild Rose” at the premiere. Ann Lee / Island Post"),
            pair(
                "The cast of “Wild Rose” at the premiere.",
                "Ann Lee / Island Post"
            )
        );
        // Every prefix and suffix of texts full of multibyte characters:
        // nothing may panic.
        let texts = [
            "“Wild Rose” Foto: Jörg Müller / dpa (Photo: Ärzte ohne Grenzen) © Zoë",
            "Crédit photo : Hélène Dupré. İstanbul’da çekildi… Credit…Ann",
            "港の写真。写真：山田太郎／共同 (Photo: 共同通信)",
        ];
        for t in texts {
            for (i, _) in t.char_indices() {
                let _ = split_credit(&t[..i]);
                let _ = split_credit(&t[i..]);
                let _ = is_file_name(&t[i..]);
            }
        }
    }

    #[test]
    fn file_names_are_not_captions() {
        assert!(is_file_name("IMG_20230512_101512.JPG"));
        assert!(is_file_name("shutterstock_1234567.jpg"));
        assert!(!is_file_name("The pier, seen from the quay."));
        assert!(!is_file_name("A view of Bath.jpg and more"));
    }
}

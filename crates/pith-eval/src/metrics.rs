//! The scoring functions, one per kind of ground truth. Each follows the
//! SOURCE.md of the set it serves; see eval/README.md for the definitions.

use std::collections::{BTreeSet, HashMap};
use std::sync::LazyLock;

use regex::Regex;

/// Python's `re` `\w` on `str` patterns is exactly "general category L* or
/// N*, or `_`" (checked over every code point with Python 3.11 / Unicode 14):
/// combining marks (Mn, Mc, Me) are NOT word characters, so a decomposed
/// "e\u{301}" is the token "e". Rust's `char::is_alphanumeric` differs there
/// (it counts Other_Alphabetic marks such as Devanagari vowel signs), so the
/// class is spelled with general categories instead.
static WORD: LazyLock<Regex> = LazyLock::new(|| {
    #[allow(clippy::expect_used)]
    Regex::new(r"[\p{L}\p{N}_]+").expect("static regex")
});

/// All matches of Python's `\w+` in `s`, case kept.
pub fn tokens(s: &str) -> Vec<&str> {
    WORD.find_iter(s).map(|m| m.as_str()).collect()
}

/// WCXB's per-page score (its `evaluate.py`): lower-cased `\w+` tokens as
/// a bag, overlap = multiset intersection; (precision, recall, F1). An
/// empty truth scores 1 for an empty prediction and 0 otherwise; an empty
/// prediction against a non-empty truth scores 0.
pub fn bag_of_words(truth: &str, pred: &str) -> (f64, f64, f64) {
    let (t, p) = (truth.to_lowercase(), pred.to_lowercase());
    let (tt, pt) = (tokens(&t), tokens(&p));
    if tt.is_empty() {
        let v = if pt.is_empty() { 1.0 } else { 0.0 };
        return (v, v, v);
    }
    if pt.is_empty() {
        return (0.0, 0.0, 0.0);
    }
    let mut bag: HashMap<&str, i64> = HashMap::new();
    for w in &tt {
        *bag.entry(w).or_default() += 1;
    }
    let mut overlap = 0usize;
    for w in &pt {
        if let Some(n) = bag.get_mut(w) {
            if *n > 0 {
                *n -= 1;
                overlap += 1;
            }
        }
    }
    let precision = overlap as f64 / pt.len() as f64;
    let recall = overlap as f64 / tt.len() as f64;
    (precision, recall, f1(precision, recall))
}

/// WCXB's snippet share: of `snippets`, the share found in `text` as a
/// case-insensitive substring (no whitespace normalisation); 1.0 for an
/// empty list.
pub fn snippet_share(text: &str, snippets: &[String]) -> f64 {
    if snippets.is_empty() {
        return 1.0;
    }
    let lower = text.to_lowercase();
    let found = snippets
        .iter()
        .filter(|s| lower.contains(&s.to_lowercase()))
        .count();
    found as f64 / snippets.len() as f64
}

/// Multiset of word 4-shingles. A text of 1–3 tokens is one shingle of all its
/// tokens; an empty text has none.
pub fn shingles<'a, 'b>(toks: &'b [&'a str]) -> HashMap<&'b [&'a str], u32> {
    let mut out = HashMap::new();
    if toks.is_empty() {
        return out;
    }
    if toks.len() < 4 {
        out.insert(toks, 1);
        return out;
    }
    for w in toks.windows(4) {
        *out.entry(w).or_insert(0) += 1;
    }
    out
}

/// One document's shingle comparison, already normalised so that TP+FP+FN is
/// 1 (or all zero when both texts are empty), plus the exact token match.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DocShingles {
    pub tp: f64,
    pub fp: f64,
    pub fn_: f64,
    pub exact: bool,
}

impl DocShingles {
    /// Per-document precision (step 5 of scrapinghub's SOURCE.md).
    pub fn precision(&self) -> f64 {
        if self.fp == 0.0 && self.fn_ == 0.0 {
            1.0
        } else if self.tp == 0.0 && self.fp == 0.0 {
            0.0
        } else {
            self.tp / (self.tp + self.fp)
        }
    }

    /// Per-document recall (step 5).
    pub fn recall(&self) -> f64 {
        if self.fp == 0.0 && self.fn_ == 0.0 {
            1.0
        } else if self.tp == 0.0 && self.fn_ == 0.0 {
            0.0
        } else {
            self.tp / (self.tp + self.fn_)
        }
    }

    /// F1 of this document alone (for `--page`; the corpus F1 is not a mean of these).
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        }
    }
}

/// Steps 2–4 and 7 for one document.
pub fn doc_shingles(truth: &str, pred: &str) -> DocShingles {
    let tt = tokens(truth);
    let pt = tokens(pred);
    let ts = shingles(&tt);
    let ps = shingles(&pt);
    let (mut tp, mut fp, mut fn_) = (0u64, 0u64, 0u64);
    for (sh, &t) in &ts {
        let p = ps.get(sh).copied().unwrap_or(0);
        tp += u64::from(t.min(p));
        fn_ += u64::from(t.saturating_sub(p));
        fp += u64::from(p.saturating_sub(t));
    }
    for (sh, &p) in &ps {
        if !ts.contains_key(sh) {
            fp += u64::from(p);
        }
    }
    let total = (tp + fp + fn_) as f64;
    let (tp, fp, fn_) = if total > 0.0 {
        (tp as f64 / total, fp as f64 / total, fn_ as f64 / total)
    } else {
        (0.0, 0.0, 0.0)
    };
    DocShingles {
        tp,
        fp,
        fn_,
        exact: tt == pt,
    }
}

/// Corpus precision, recall, F1 and accuracy (steps 6–7).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ShingleScore {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    pub accuracy: f64,
}

fn mean(v: impl Iterator<Item = f64>) -> f64 {
    let (mut s, mut n) = (0.0, 0usize);
    for x in v {
        s += x;
        n += 1;
    }
    // numpy would give NaN for an empty mean; 0 keeps the JSON valid.
    if n == 0 {
        0.0
    } else {
        s / n as f64
    }
}

pub fn f1(p: f64, r: f64) -> f64 {
    if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    }
}

pub fn corpus_shingles(docs: &[DocShingles]) -> ShingleScore {
    let precision = mean(
        docs.iter()
            .filter(|d| d.tp + d.fp > 0.0)
            .map(|d| d.precision()),
    );
    let recall = mean(
        docs.iter()
            .filter(|d| d.tp + d.fn_ > 0.0)
            .map(|d| d.recall()),
    );
    let accuracy = mean(docs.iter().map(|d| if d.exact { 1.0 } else { 0.0 }));
    ShingleScore {
        precision,
        recall,
        f1: f1(precision, recall),
        accuracy,
    }
}

/// Collapse every run of whitespace to one space and strip (Python's
/// `" ".join(s.split())`, whose `split()` uses Unicode whitespace).
pub fn norm_ws(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// Confusion counts, summed over a corpus (micro average).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Confusion {
    pub tp: u64,
    pub fp: u64,
    pub fn_: u64,
    pub tn: u64,
}

impl Confusion {
    pub fn add(&mut self, o: Confusion) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
        self.tn += o.tn;
    }
    fn ratio(a: u64, b: u64) -> f64 {
        if b == 0 {
            0.0
        } else {
            a as f64 / b as f64
        }
    }
    pub fn precision(&self) -> f64 {
        Self::ratio(self.tp, self.tp + self.fp)
    }
    pub fn recall(&self) -> f64 {
        Self::ratio(self.tp, self.tp + self.fn_)
    }
    pub fn accuracy(&self) -> f64 {
        Self::ratio(self.tp + self.tn, self.tp + self.tn + self.fp + self.fn_)
    }
    pub fn f1(&self) -> f64 {
        Self::ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn_)
    }
}

/// Which snippets of one trafilatura-eval page were found in `output`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SnippetHits {
    /// One flag per `with` snippet: found (good).
    pub with: Vec<bool>,
    /// One flag per `without` snippet: found (bad).
    pub without: Vec<bool>,
}

impl SnippetHits {
    pub fn confusion(&self) -> Confusion {
        let tp = self.with.iter().filter(|&&b| b).count() as u64;
        let fp = self.without.iter().filter(|&&b| b).count() as u64;
        Confusion {
            tp,
            fn_: self.with.len() as u64 - tp,
            fp,
            tn: self.without.len() as u64 - fp,
        }
    }
}

/// trafilatura's snippet test: case-sensitive substring of the whitespace-
/// normalised snippet in the whitespace-normalised output.
pub fn snippets(output: &str, with: &[String], without: &[String]) -> SnippetHits {
    let out = norm_ws(output);
    let found = |s: &String| out.contains(&norm_ws(s));
    SnippetHits {
        with: with.iter().map(found).collect(),
        without: without.iter().map(found).collect(),
    }
}

/// Gold publication day for htmldate-eval.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GoldDate {
    None,
    /// The annotation is NaN: not None, and equal to nothing.
    NaN,
    Day(String),
}

/// The first 10 characters (`YYYY-MM-DD` of an ISO 8601 date).
pub fn day(s: &str) -> &str {
    match s.char_indices().nth(10) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

/// htmldate's per-document date score (tests/comparison.py as in SOURCE.md).
pub fn date_confusion(gold: &GoldDate, pred: Option<&str>) -> Confusion {
    let pred = pred.map(|p| day(p.trim())).filter(|p| !p.is_empty());
    match (pred, gold) {
        (None, GoldDate::None) => Confusion {
            tn: 1,
            fn_: 1,
            ..Default::default()
        },
        (None, _) => Confusion {
            fn_: 1,
            ..Default::default()
        },
        (Some(p), GoldDate::Day(g)) if p == g => Confusion {
            tp: 1,
            ..Default::default()
        },
        (Some(_), _) => Confusion {
            fp: 1,
            ..Default::default()
        },
    }
}

/// Whitespace-normalised and lower-cased; `None` for an empty value.
pub fn norm_lower(s: &str) -> String {
    norm_ws(s).to_lowercase()
}

/// Exact match of optional strings under `norm`; absent and empty are equal.
pub fn same_opt(gold: Option<&str>, pred: Option<&str>, norm: fn(&str) -> String) -> bool {
    let g = gold.map(norm).unwrap_or_default();
    let p = pred.map(norm).unwrap_or_default();
    g == p
}

/// Exact day match of optional dates; absent and empty are equal.
pub fn same_day(gold: Option<&str>, pred: Option<&str>) -> bool {
    let g = gold.map(|s| day(s.trim()).to_string()).unwrap_or_default();
    let p = pred.map(|s| day(s.trim()).to_string()).unwrap_or_default();
    g == p
}

/// Author names as a set: each string is split on ";", ",", " and ", " und "
/// and "&", each part whitespace-normalised and lower-cased, empties dropped.
pub fn author_set<S: AsRef<str>>(names: &[S]) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for n in names {
        let lower = norm_lower(n.as_ref());
        let unified = lower
            .replace(" and ", ";")
            .replace(" und ", ";")
            .replace(['&', ','], ";");
        for part in unified.split(';') {
            let p = norm_ws(part);
            if !p.is_empty() {
                out.insert(p);
            }
        }
    }
    out
}

/// trafilatura's own author metric: the extracted author string (names joined
/// with "; ") equals the gold joined with "; ".
pub fn authors_exact<S: AsRef<str>, T: AsRef<str>>(gold: &[S], pred: &[T]) -> bool {
    let join = |v: &mut dyn Iterator<Item = &str>| v.collect::<Vec<_>>().join("; ");
    join(&mut gold.iter().map(|s| s.as_ref())) == join(&mut pred.iter().map(|s| s.as_ref()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn approx(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn tokenizer_is_pythons_word_regex() {
        // Python 3.11: re.findall(r'\w+', 'naïve café_x 3.5') == ['naïve', 'café_x', '3', '5']
        assert_eq!(
            tokens("naïve café_x 3.5"),
            vec!["naïve", "café_x", "3", "5"]
        );
        // Combining marks are not \w: decomposed é splits the word; so do Devanagari vowel signs.
        assert_eq!(tokens("cafe\u{301}_x"), vec!["cafe", "_x"]);
        assert_eq!(tokens("हिन्दी"), vec!["ह", "न", "द"]);
        // No (other numbers) and CJK are \w; punctuation and symbols are not.
        assert_eq!(
            tokens("½ ² 東京—「駅」 a-b's"),
            vec!["½", "²", "東京", "駅", "a", "b", "s"]
        );
        assert!(tokens(" \n\t…!").is_empty());
    }

    #[test]
    fn shingles_short_and_long() {
        assert!(shingles(&[]).is_empty());
        let one = ["a"];
        let s = shingles(&one);
        assert_eq!(s.len(), 1);
        assert_eq!(s[&one[..]], 1);
        let three = ["a", "b", "c"];
        assert_eq!(shingles(&three).len(), 1);
        let four = ["a", "b", "c", "d"];
        assert_eq!(shingles(&four).len(), 1);
        let rep = ["a", "b", "c", "d", "a", "b", "c", "d"];
        let s = shingles(&rep);
        // abcd ×2, bcda, cdab, dabc
        assert_eq!(s.len(), 4);
        assert_eq!(s[&["a", "b", "c", "d"][..]], 2);
    }

    #[test]
    fn per_doc_normalisation() {
        // truth: 5 tokens → 2 shingles; pred equal to the first 4 tokens → 1 shingle.
        let d = doc_shingles("a b c d e", "a b c d");
        assert!(approx(d.tp, 0.5) && approx(d.fp, 0.0) && approx(d.fn_, 0.5));
        assert!(approx(d.precision(), 1.0) && approx(d.recall(), 0.5));
        assert!(!d.exact);
        // Counts are a multiset: a repeated shingle only matches as often as in the truth.
        let d = doc_shingles("a b c d", "a b c d. a b c d");
        // pred shingles: abcd×2, bcda, cdab, dabc → tp 1, fp 4 → /5
        assert!(approx(d.tp, 0.2) && approx(d.fp, 0.8) && approx(d.fn_, 0.0));
        // Punctuation and case: tokens are case-sensitive, punctuation is dropped.
        let d = doc_shingles("Hello, world!", "hello world");
        assert!(approx(d.tp, 0.0) && approx(d.fp, 0.5) && approx(d.fn_, 0.5));
        assert!(doc_shingles("Hello, world!", "Hello world").exact);
    }

    #[test]
    fn per_doc_precision_recall_branches() {
        // FP = FN = 0: both 1, also when both are empty.
        let both_empty = doc_shingles("", "");
        assert_eq!(
            (both_empty.tp, both_empty.fp, both_empty.fn_),
            (0.0, 0.0, 0.0)
        );
        assert!(approx(both_empty.precision(), 1.0) && approx(both_empty.recall(), 1.0));
        assert!(both_empty.exact);
        // Empty prediction: TP = FP = 0 → precision 0; recall 0 (TP/(TP+FN)).
        let empty_pred = doc_shingles("a b c d", "");
        assert!(approx(empty_pred.precision(), 0.0) && approx(empty_pred.recall(), 0.0));
        // Empty truth: TP = FN = 0 → recall 0; precision 0.
        let empty_truth = doc_shingles("", "a b c d");
        assert!(approx(empty_truth.recall(), 0.0) && approx(empty_truth.precision(), 0.0));
    }

    #[test]
    fn corpus_averaging_and_exclusions() {
        let docs = [
            doc_shingles("a b c d e", "a b c d"), // P 1, R 0.5
            doc_shingles("a b c d", "x y z w"),   // P 0, R 0
            doc_shingles("a b c d", ""),          // excluded from P (TP+FP = 0), R 0
            doc_shingles("", "a b c d"),          // P 0, excluded from R (TP+FN = 0)
            doc_shingles("", ""),                 // excluded from both; exact
            doc_shingles("p q", "p q"),           // P 1, R 1; exact
        ];
        let s = corpus_shingles(&docs);
        assert!(approx(s.precision, (1.0 + 0.0 + 0.0 + 1.0) / 4.0));
        assert!(approx(s.recall, (0.5 + 0.0 + 0.0 + 1.0) / 4.0));
        // F1 from the two means, not the mean of per-doc F1.
        let (p, r) = (0.5, 0.375);
        assert!(approx(s.f1, 2.0 * p * r / (p + r)));
        assert!(approx(s.accuracy, 2.0 / 6.0));
        let none = corpus_shingles(&[]);
        assert_eq!(none.f1, 0.0);
    }

    #[test]
    fn snippet_metric() {
        let out = "First  paragraph\nwith text.\n\nSecond paragraph.";
        let with = vec![
            "paragraph with text.".to_string(), // found after whitespace collapsing
            "second paragraph".to_string(),     // case-sensitive: missed
        ];
        let without = vec!["Menu".to_string(), " Second\tparagraph. ".to_string()];
        let h = snippets(out, &with, &without);
        assert_eq!(h.with, vec![true, false]);
        assert_eq!(h.without, vec![false, true]);
        let c = h.confusion();
        assert_eq!(
            c,
            Confusion {
                tp: 1,
                fn_: 1,
                fp: 1,
                tn: 1
            }
        );
        // An empty output finds nothing.
        let mut total = c;
        total.add(snippets("", &with, &without).confusion());
        assert_eq!((total.tp, total.fn_, total.fp, total.tn), (1, 3, 1, 3));
        assert!(approx(total.precision(), 0.5));
        assert!(approx(total.recall(), 0.25));
        assert!(approx(total.accuracy(), 4.0 / 8.0));
        assert!(approx(total.f1(), 2.0 / (2.0 + 1.0 + 3.0)));
        assert_eq!(Confusion::default().f1(), 0.0);
    }

    #[test]
    fn date_metric() {
        let g = GoldDate::Day("2020-11-30".into());
        assert_eq!(date_confusion(&g, Some("2020-11-30T08:00:00+01:00")).tp, 1);
        assert_eq!(date_confusion(&g, Some("2020-11-29")).fp, 1);
        assert_eq!(date_confusion(&g, None).fn_, 1);
        assert_eq!(date_confusion(&g, Some("")).fn_, 1);
        let c = date_confusion(&GoldDate::None, None);
        assert_eq!((c.tn, c.fn_), (1, 1));
        assert_eq!(date_confusion(&GoldDate::None, Some("2020-01-01")).fp, 1);
        assert_eq!(date_confusion(&GoldDate::NaN, None).fn_, 1);
        assert_eq!(date_confusion(&GoldDate::NaN, Some("2020-01-01")).fp, 1);
        let mut t = Confusion::default();
        for c in [
            date_confusion(&g, Some("2020-11-30")),
            date_confusion(&g, Some("2020-11-30")),
            date_confusion(&g, Some("2021-01-01")),
            date_confusion(&g, None),
        ] {
            t.add(c);
        }
        assert!(approx(t.precision(), 2.0 / 3.0));
        assert!(approx(t.recall(), 2.0 / 3.0));
        assert!(approx(t.f1(), 4.0 / 6.0));
        assert!(approx(t.accuracy(), 0.5));
        assert!(same_day(
            Some("2015-07-24T05:36:09+01:00"),
            Some("2015-07-24")
        ));
        assert!(same_day(None, Some("")));
        assert!(!same_day(Some("2022-11-1"), Some("2022-11-01")));
        assert_eq!(day("2020-01"), "2020-01");
    }

    #[test]
    fn metadata_matching() {
        assert!(same_opt(Some(" A  Title\n"), Some("A Title"), norm_ws));
        assert!(!same_opt(Some("A Title"), Some("a title"), norm_ws));
        assert!(same_opt(Some("A Title"), Some("a  title"), norm_lower));
        assert!(same_opt(None, Some(""), norm_ws));
        assert!(!same_opt(None, Some("x"), norm_ws));
        let g = author_set(&["Benjamin Fischer und Marcus Theurer"]);
        let p = author_set(&["Marcus  Theurer", "benjamin fischer"]);
        assert_eq!(g, p);
        assert_eq!(author_set(&["A, B & C; D and E"]).len(), 5);
        assert!(author_set::<&str>(&[]).is_empty());
        assert!(authors_exact(&["A", "B"], &["A", "B"]));
        assert!(authors_exact(&["A; B"], &["A", "B"]));
        assert!(!authors_exact(&["A und B"], &["A", "B"]));
        assert!(authors_exact::<&str, &str>(&[], &[]));
    }
}

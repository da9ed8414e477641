//! Structural features of a Markdown document, for the defuddle set.

use std::sync::LazyLock;

use regex::Regex;

/// Counts of the block and inline structures a body is compared on.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Features {
    /// ATX headings (`#` to `######`) outside code blocks.
    pub headings: usize,
    /// Bullet (`-`, `*`, `+`) and ordered (`1.`, `1)`) list items, at any
    /// depth and inside block quotes.
    pub list_items: usize,
    /// GFM table rows (header and body rows, not the delimiter row).
    pub table_rows: usize,
    /// Fenced code blocks (``` or ~~~).
    pub code_blocks: usize,
    /// `![alt](src)` images and `<img>` tags.
    pub images: usize,
    /// `[text](href)` links (an image inside a link counts as both).
    pub links: usize,
}

#[allow(clippy::expect_used)]
fn re(s: &str) -> Regex {
    Regex::new(s).expect("static regex")
}

static HEADING: LazyLock<Regex> = LazyLock::new(|| re(r"^ {0,3}#{1,6}(?:[ \t]|$)"));
static LIST_ITEM: LazyLock<Regex> = LazyLock::new(|| re(r"^\s*(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)"));
static DELIM_ROW: LazyLock<Regex> =
    LazyLock::new(|| re(r"^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$"));
static FENCE: LazyLock<Regex> = LazyLock::new(|| re(r"^\s*(`{3,}|~{3,})"));
static CODE_SPAN: LazyLock<Regex> = LazyLock::new(|| re(r"`+[^`]*`+"));
static IMAGE: LazyLock<Regex> = LazyLock::new(|| re(r"!\[[^\]]*\]\(|(?i)<img\b"));
static LINK_CLOSE: LazyLock<Regex> = LazyLock::new(|| re(r"\]\("));
static MD_IMAGE: LazyLock<Regex> = LazyLock::new(|| re(r"!\[([^\]]*)\]\([^)]*\)"));
static MD_LINK: LazyLock<Regex> = LazyLock::new(|| re(r"\]\([^)]*\)"));

/// Strip leading block-quote markers (`> > text` → `text`).
fn unquote(line: &str) -> &str {
    let mut l = line;
    loop {
        let t = l.trim_start();
        match t.strip_prefix('>') {
            Some(rest) => l = rest.strip_prefix(' ').unwrap_or(rest),
            None => return l,
        }
    }
}

fn is_hrule(line: &str) -> bool {
    let marks: Vec<char> = line.chars().filter(|c| !matches!(c, ' ' | '\t')).collect();
    marks.len() >= 3 && matches!(marks[0], '-' | '*' | '_') && marks.iter().all(|&c| c == marks[0])
}

/// Count the features of `md`.
pub fn features(md: &str) -> Features {
    let mut f = Features::default();
    let lines: Vec<&str> = md.lines().map(unquote).collect();
    let mut fence: Option<(char, usize)> = None;
    let mut in_table = false;
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        i += 1;
        if let Some((ch, n)) = fence {
            let t = line.trim();
            if t.len() >= n && t.chars().all(|c| c == ch) {
                fence = None;
            }
            continue;
        }
        if let Some(c) = FENCE.captures(line) {
            let m = c.get(1).map_or("", |m| m.as_str());
            let ch = m.chars().next().unwrap_or('`');
            fence = Some((ch, m.len()));
            f.code_blocks += 1;
            in_table = false;
            continue;
        }
        let trimmed = line.trim();
        if in_table {
            if trimmed.contains('|') && !trimmed.is_empty() {
                f.table_rows += 1;
            } else {
                in_table = false;
            }
        } else if trimmed.contains('|')
            && i < lines.len()
            && DELIM_ROW.is_match(lines[i])
            && lines[i].contains('-')
        {
            // A header row followed by its delimiter row starts a table.
            f.table_rows += 1;
            in_table = true;
            i += 1;
        }
        if HEADING.is_match(line) {
            f.headings += 1;
        } else if !is_hrule(line) && LIST_ITEM.is_match(line) {
            f.list_items += 1;
        }
        let inline = CODE_SPAN.replace_all(line, "");
        let images = IMAGE.find_iter(&inline).count();
        let md_images = MD_IMAGE.find_iter(&inline).count();
        f.images += images;
        f.links += LINK_CLOSE
            .find_iter(&inline)
            .count()
            .saturating_sub(md_images);
    }
    f
}

/// The text of a Markdown document for a word-shingle similarity: link and
/// image targets are dropped (an image keeps its alt text).
pub fn text_of(md: &str) -> String {
    let s = MD_IMAGE.replace_all(md, "$1");
    MD_LINK.replace_all(&s, "]").into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_block_structures() {
        let md = "\
# Title

Intro with a [link](https://a.example/x) and `[not](a link)`.

## Section

- one
- two
  1. nested
* * *
> - quoted item
> ## quoted heading

| a | b |
| --- | :-: |
| 1 | 2 |
| 3 | 4 |

Not | a table

```rust
# not a heading
- not an item
```

~~~
code
~~~

[![alt](https://a.example/i.png)](https://a.example/)
![plain](i.png) <img src=\"x\">
";
        let f = features(md);
        assert_eq!(f.headings, 3, "{f:?}");
        assert_eq!(f.list_items, 4, "{f:?}");
        assert_eq!(f.table_rows, 3, "{f:?}");
        assert_eq!(f.code_blocks, 2, "{f:?}");
        assert_eq!(f.images, 3, "{f:?}");
        assert_eq!(f.links, 2, "{f:?}");
    }

    #[test]
    fn hrules_are_not_list_items() {
        let f = features("---\n\n***\n\n- - -\n\n- item\n");
        assert_eq!(f.list_items, 1);
    }

    #[test]
    fn text_drops_targets() {
        assert_eq!(
            text_of("See [the docs](https://x.example/a b) and ![a cat](c.png)."),
            "See [the docs] and a cat."
        );
    }
}

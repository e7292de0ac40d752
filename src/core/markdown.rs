//! The small Markdown subset that card answers use, parsed into a tree of plain text.
//! Nothing here produces HTML: the view turns this tree into text nodes, so markup in a deck
//! (a `<script>`, say) can only ever show as text.
//!
//! Supported: paragraphs (blank-line separated), `- ` bullet and `1. ` numbered list items,
//! fenced code blocks (```` ``` ````, optional language word), inline `code` and **bold**.
//! Anything else is shown literally.

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Inline {
    Text(String),
    Code(String),
    Bold(String),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    Paragraph(Vec<Inline>),
    List {
        ordered: bool,
        items: Vec<Vec<Inline>>,
    },
    Code {
        lang: Option<String>,
        text: String,
    },
}

fn list_item(line: &str) -> Option<(bool, &str)> {
    let t = line.trim_start();
    if let Some(rest) = t.strip_prefix("- ").or_else(|| t.strip_prefix("* ")) {
        return Some((false, rest));
    }
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && digits <= 3 {
        if let Some(rest) = t[digits..].strip_prefix(". ") {
            return Some((true, rest));
        }
    }
    None
}

/// Parses inline spans: `code` and **bold**. An unmatched marker stays as literal text.
pub fn parse_inline(text: &str) -> Vec<Inline> {
    let mut out = Vec::new();
    let mut plain = String::new();
    let mut rest = text;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix('`') {
            if let Some(end) = after.find('`') {
                flush(&mut plain, &mut out);
                out.push(Inline::Code(after[..end].to_string()));
                rest = &after[end + 1..];
                continue;
            }
        } else if let Some(after) = rest.strip_prefix("**") {
            if let Some(end) = after.find("**") {
                if end > 0 {
                    flush(&mut plain, &mut out);
                    out.push(Inline::Bold(after[..end].to_string()));
                    rest = &after[end + 2..];
                    continue;
                }
            }
        }
        let ch = rest.chars().next().unwrap_or(' ');
        plain.push(ch);
        rest = &rest[ch.len_utf8()..];
    }
    flush(&mut plain, &mut out);
    out
}

fn flush(plain: &mut String, out: &mut Vec<Inline>) {
    if !plain.is_empty() {
        out.push(Inline::Text(std::mem::take(plain)));
    }
}

/// Parses an answer into blocks.
pub fn parse(source: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut para: Vec<&str> = Vec::new();
    let mut list: Option<(bool, Vec<String>)> = None;
    let mut lines = source.lines();

    fn end_para(para: &mut Vec<&str>, blocks: &mut Vec<Block>) {
        if !para.is_empty() {
            blocks.push(Block::Paragraph(parse_inline(&para.join(" "))));
            para.clear();
        }
    }
    fn end_list(list: &mut Option<(bool, Vec<String>)>, blocks: &mut Vec<Block>) {
        if let Some((ordered, items)) = list.take() {
            blocks.push(Block::List {
                ordered,
                items: items.iter().map(|i| parse_inline(i)).collect(),
            });
        }
    }

    while let Some(line) = lines.next() {
        let trimmed = line.trim();
        if let Some(fence) = trimmed.strip_prefix("```") {
            end_para(&mut para, &mut blocks);
            end_list(&mut list, &mut blocks);
            let lang = Some(fence.trim().to_string()).filter(|l| !l.is_empty());
            let mut code = Vec::new();
            for l in lines.by_ref() {
                if l.trim() == "```" {
                    break;
                }
                code.push(l);
            }
            blocks.push(Block::Code {
                lang,
                text: code.join("\n"),
            });
        } else if trimmed.is_empty() {
            end_para(&mut para, &mut blocks);
            end_list(&mut list, &mut blocks);
        } else if let Some((ordered, item)) = list_item(line) {
            end_para(&mut para, &mut blocks);
            match &mut list {
                Some((o, items)) if *o == ordered => items.push(item.to_string()),
                _ => {
                    end_list(&mut list, &mut blocks);
                    list = Some((ordered, vec![item.to_string()]));
                }
            }
        } else if let Some((_, items)) = &mut list {
            // A continuation line of the last list item.
            if let Some(last) = items.last_mut() {
                last.push(' ');
                last.push_str(trimmed);
            }
        } else {
            para.push(trimmed);
        }
    }
    end_para(&mut para, &mut blocks);
    end_list(&mut list, &mut blocks);
    blocks
}

/// The answer as plain text (markers removed), for search and for counting words.
pub fn plain_text(source: &str) -> String {
    let mut out = String::new();
    for block in parse(source) {
        let inlines: Vec<Vec<Inline>> = match block {
            Block::Paragraph(i) => vec![i],
            Block::List { items, .. } => items,
            Block::Code { text, .. } => vec![vec![Inline::Code(text)]],
        };
        for line in inlines {
            for span in line {
                match span {
                    Inline::Text(t) | Inline::Code(t) | Inline::Bold(t) => out.push_str(&t),
                }
            }
            out.push('\n');
        }
    }
    out
}

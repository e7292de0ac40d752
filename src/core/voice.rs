//! Which of the browser's voices may read a mock interview's question aloud, and in what
//! order: only voices on this device (a voice that sends the text to a server would carry it
//! out of the browser), those of the page's language first.

/// A voice as the browser lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Voice {
    pub name: String,
    /// A BCP 47 tag, as the browser gives it (`en-GB`, sometimes `en_GB`).
    pub lang: String,
    /// The browser's default voice.
    pub default: bool,
    /// Speaks on this device (`localService`), sending nothing anywhere.
    pub local: bool,
}

/// The first subtag of a language tag, lower-cased: `en` for `en-GB` or `EN_us`.
fn primary(lang: &str) -> String {
    // By bytes: a `split` on several characters would link a searcher the importer's chunk
    // shares, and cost a chunk of its own.
    let end = lang
        .bytes()
        .position(|b| b == b'-' || b == b'_')
        .unwrap_or(lang.len());
    lang[..end].to_ascii_lowercase()
}

/// Whether two language tags name the same language and region (`en-GB` and `en_gb`).
fn same_tag(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes().zip(b.bytes()).all(|(x, y)| {
            x.eq_ignore_ascii_case(&y) || x == b'_' && y == b'-' || x == b'-' && y == b'_'
        })
}

/// The voices to offer on a page in `lang`: on this device only; those of the page's language
/// when there are any, else every one; the page's exact language first, then the browser's
/// default, then in the browser's order.
pub fn offered(voices: &[Voice], lang: &str) -> Vec<Voice> {
    let local = voices.iter().filter(|v| v.local);
    let page = primary(lang);
    let mut offer: Vec<&Voice> = local
        .clone()
        .filter(|v| !page.is_empty() && primary(&v.lang) == page)
        .collect();
    if offer.is_empty() {
        offer = local.collect();
    }
    let rank = |v: &Voice| u8::from(!same_tag(&v.lang, lang)) * 2 + u8::from(!v.default);
    let mut ranked = Vec::with_capacity(offer.len());
    for r in 0..4 {
        ranked.extend(offer.iter().filter(|v| rank(v) == r).map(|&v| v.clone()));
    }
    ranked
}

/// The voice to speak with: the learner's choice while it is offered, else the first offered.
pub fn chosen<'a>(offered: &'a [Voice], choice: Option<&str>) -> Option<&'a Voice> {
    offered
        .iter()
        .find(|v| Some(v.name.as_str()) == choice)
        .or(offered.first())
}

//! Progress kept by a course platform: SCORM 1.2's `cmi.suspend_data` (at most 4,096
//! characters), in a compact encoding; reading it back and joining it with this browser's
//! progress without counting any review twice; and the completion status and score a package
//! reports. The one implementation of these rules: the SCORM bridge (`web/scorm.js`) only moves
//! strings between the platform's API and the widget.
//!
//! ## The encoding, `ic2`
//!
//! `ic2.<deck>.<base>.<reset>.<cards>.<reviews>`, every number in base-64 digits
//! (`A–Z a–z 0–9 - _`, most significant first), every time in whole milliseconds:
//! - `deck`: FNV-1a (32 bits) of the package's card ids joined by newlines (6 digits), so data
//!   saved for another version of the deck is never read onto the wrong cards;
//! - `base`: the earliest time carried (8 digits); other times are offsets from it (7 digits,
//!   139 years);
//! - `reset`: the reset in force, as its time (8 digits) and, when it was settled, its
//!   settling time (8 more); empty when there is none;
//! - `cards`: per card with a memory in force or a suspension switch, in deck order: its
//!   position (2), flags (1: 1 memory, 2 undo time, 4 switch, 8 switch on), then the memory
//!   (19: stability (2, rounded down to a step of at most 0.8 %), difficulty (2, steps of
//!   1/455), last review (7), due (4, minutes after the last review, rounded up), reps (2),
//!   lapses (1), phase and step (1)), the time an undo put it back (7) and the switch's time (7);
//! - `reviews`: newest first, as many as fit in [`ROOM`]: position (2), time (7), rating and
//!   flags (1: rating − 1, +4 practice, +8 undone).
//!
//! Times keep their millisecond, so a review read back is the very review this browser holds
//! (the merge knows a review by its time and rating). Stability, difficulty and due are
//! rounded; a memory read back with the same last review, undo time, reps, lapses, phase and
//! step as this browser's is that memory, and this browser's exact copy is kept
//! ([`restore`]). The first format, `ic1` (times to the minute), is still read: its reviews
//! are matched to this browser's by card, rating and minute.

use crate::core::progress::{CardProgress, Progress, ResetMark, Review, Switch, PROGRESS_FORMAT};
use crate::core::schedule::{Memory, Phase, Rating};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::rc::Rc;

/// SCORM 1.2's limit on `cmi.suspend_data`.
pub const SUSPEND_LIMIT: usize = 4096;
/// What the encoding uses at most, leaving room to spare under [`SUSPEND_LIMIT`].
pub const ROOM: usize = 3800;

const DIGITS: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const MINUTE: f64 = 60_000.0;
/// Offsets from the base: 7 digits.
const OFFSET_LIMIT: f64 = 4_398_046_511_104.0; // 64^7
/// Absolute times (the base, reset marks): 8 digits.
const TIME_LIMIT: f64 = 281_474_976_710_656.0; // 64^8
/// A card's learning step is kept up to this (phase × 21 + step fits one digit).
const MAX_STEP: u32 = 20;

/// The package's settings and what the platform said at launch, as `web/scorm.js` hands them
/// over (`scripts/scorm.mjs` writes the settings into the package).
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct Launch {
    /// The deck's id.
    pub deck: String,
    /// Every card of the deck, in order: positions in the encoding.
    pub cards: Vec<String>,
    /// The cards that count for completion and the score (the package's presets); all when
    /// absent.
    #[serde(default)]
    pub counted: Option<Vec<String>>,
    /// `reviewed` or `mastered`.
    #[serde(default)]
    pub complete: String,
    /// With `mastered`: the percentage of counted cards to master.
    #[serde(default)]
    pub percent: u32,
    /// `cmi.suspend_data` as the platform kept it (empty or absent at a first launch).
    #[serde(default)]
    pub suspend_data: Option<String>,
    /// `cmi.core.lesson_status` as the platform kept it.
    #[serde(default)]
    pub lesson_status: Option<String>,
    /// The platform's error code when it refused to start the activity (`LMSInitialize`).
    #[serde(default)]
    pub refused: Option<String>,
}

impl Launch {
    /// Reads what the bridge handed over; `None` when it is not that.
    pub fn parse(json: &str) -> Option<Launch> {
        serde_json::from_str(json).ok()
    }
}

/// Why the platform's suspend data cannot be used (it is then left with the platform as it
/// is, and this visit writes none).
#[derive(Clone, Debug, PartialEq)]
pub enum SuspendError {
    /// Not this package's encoding, or damaged.
    NotThisFormat,
    /// Saved for another version of the deck (cards added, removed or reordered).
    OtherDeck,
    /// Written by a newer package (`ic3` or later).
    Newer,
}

/// The encoding of some progress, and what did not fit.
#[derive(Clone, Debug, PartialEq)]
pub struct Encoded {
    pub text: String,
    /// Cards whose memory (and switch) did not fit: kept only in this browser.
    pub dropped_cards: usize,
    /// Older reviews that did not fit.
    pub dropped_reviews: usize,
}

fn digits(out: &mut String, value: u64, width: u32) {
    let max = 64u64.pow(width) - 1;
    let v = value.min(max);
    for i in (0..width).rev() {
        out.push(char::from(DIGITS[((v >> (6 * i)) & 63) as usize]));
    }
}

/// FNV-1a (32 bits) over the text's code points, as `web/scorm.js` computed it for `ic1`.
pub fn fnv(text: &str) -> u32 {
    text.chars().fold(0x811c_9dc5_u32, |h, c| {
        (h ^ u32::from(c)).wrapping_mul(0x0100_0193)
    })
}

/// The deck's card ids, as 6 digits.
fn fingerprint(cards: &[String]) -> String {
    let mut out = String::new();
    digits(&mut out, u64::from(fnv(&cards.join("\n"))), 6);
    out
}

/// Stability in 12 bits without a logarithm: the exponent of 2^-10 … 2^21 days and the 7 top
/// bits of the mantissa, cut (so never rounded up: a card never reads back as mastered when it
/// was not).
fn stability_code(stability: f64) -> u64 {
    if stability.is_nan() || stability <= 0.0 {
        return 0;
    }
    let bits = stability.to_bits();
    let exponent = ((bits >> 52) & 0x7ff) as i64 - 1023 + 10;
    if exponent < 0 {
        return 0;
    }
    if exponent > 31 {
        return 4095;
    }
    (exponent as u64) << 7 | (bits >> 45) & 0x7f
}

fn stability_from(code: u64) -> f64 {
    f64::from_bits(((code >> 7) + 1023 - 10) << 52 | (code & 0x7f) << 45)
}

fn phase_index(phase: Phase) -> u32 {
    match phase {
        Phase::Review => 0,
        Phase::Learning => 1,
        Phase::Relearning => 2,
    }
}

/// A time as a whole millisecond that the encoding can carry, or `None`.
fn whole_ms(t: f64, limit: f64) -> Option<u64> {
    let t = t.floor();
    (t >= 0.0 && t < limit).then_some(t as u64)
}

struct CardRecord {
    text: String,
}

/// Encodes what `progress` holds for the deck's `cards` (in order) within [`ROOM`]
/// characters: every card's memory in force and suspension switch, the reset in force, then
/// the newest reviews since it that fit. Cards are dropped from the end of the deck when even
/// their memories do not fit.
pub fn encode(progress: &Progress, cards: &[String]) -> Encoded {
    let hidden = progress.reset_at();
    let mut base = f64::INFINITY;
    let mut note = |t: f64| {
        if whole_ms(t, TIME_LIMIT).is_some() {
            base = base.min(t.floor());
        }
    };
    // What each card carries, with its position.
    let mut carried = Vec::new();
    for (position, id) in cards.iter().enumerate() {
        let Some(card) = progress.cards.get(id.as_str()) else {
            continue;
        };
        let memory = progress.memory(id).copied();
        let reviews: Vec<&Review> = card.log.iter().filter(|r| r.at > hidden).collect();
        if let Some(m) = &memory {
            note(m.last_review);
            if m.set_at > 0.0 {
                note(m.set_at);
            }
        }
        if let Some(s) = &card.suspended {
            note(s.at);
        }
        for r in &reviews {
            note(r.at);
        }
        carried.push((position, memory, card.suspended, reviews));
    }
    let base = if base.is_finite() { base } else { 0.0 };
    let offset = |t: f64| whole_ms(t - base, OFFSET_LIMIT);

    let mut records: Vec<CardRecord> = Vec::new();
    for (position, memory, switch, _) in &carried {
        let memory = memory.and_then(|m| {
            let last = offset(m.last_review)?;
            let set = if m.set_at > 0.0 {
                Some(offset(m.set_at)?)
            } else {
                None
            };
            Some((m, last, set))
        });
        let switch = switch.and_then(|s| Some((s.on, offset(s.at)?)));
        if memory.is_none() && switch.is_none() {
            continue;
        }
        let mut flags = 0;
        let mut body = String::new();
        if let Some((m, last, set)) = memory {
            flags |= 1;
            digits(&mut body, stability_code(m.stability), 2);
            let difficulty = ((m.difficulty - 1.0) * 455.0).round().clamp(0.0, 4095.0);
            digits(&mut body, difficulty as u64, 2);
            digits(&mut body, last, 7);
            let due = ((m.due - m.last_review) / MINUTE)
                .ceil()
                .clamp(0.0, 16_777_215.0);
            digits(&mut body, due as u64, 4);
            digits(&mut body, u64::from(m.reps), 2);
            digits(&mut body, u64::from(m.lapses), 1);
            let step = m.step.min(MAX_STEP);
            digits(&mut body, u64::from(phase_index(m.phase) * 21 + step), 1);
            if let Some(set) = set {
                flags |= 2;
                digits(&mut body, set, 7);
            }
        }
        if let Some((on, at)) = switch {
            flags |= 4 | if on { 8 } else { 0 };
            digits(&mut body, at, 7);
        }
        let mut text = String::with_capacity(3 + body.len());
        digits(&mut text, *position as u64, 2);
        digits(&mut text, flags, 1);
        text.push_str(&body);
        records.push(CardRecord { text });
    }

    let mut head = format!("ic2.{}.", fingerprint(cards));
    digits(&mut head, base as u64, 8);
    head.push('.');
    let in_force = progress
        .resets
        .iter()
        .filter(|r| !r.undone)
        .max_by(|a, b| a.hides_until().total_cmp(&b.hides_until()));
    if let Some(mark) = in_force.filter(|m| whole_ms(m.at, TIME_LIMIT).is_some()) {
        digits(&mut head, mark.at.floor() as u64, 8);
        if let Some(settled) = mark.settled.and_then(|s| whole_ms(s, TIME_LIMIT)) {
            digits(&mut head, settled, 8);
        }
    }
    head.push('.');

    let mut used = head.len() + 1 + records.iter().map(|r| r.text.len()).sum::<usize>();
    let mut dropped_cards = 0;
    while used > ROOM {
        let Some(last) = records.pop() else { break };
        used -= last.text.len();
        dropped_cards += 1;
    }
    let mut reviews: Vec<(usize, &Review)> = carried
        .iter()
        .flat_map(|(p, _, _, log)| log.iter().map(move |r| (*p, *r)))
        .filter(|(_, r)| offset(r.at).is_some())
        .collect();
    reviews.sort_by(|a, b| b.1.at.total_cmp(&a.1.at));
    let room = ROOM.saturating_sub(used) / 10;
    let kept = reviews.len().min(room);
    let mut text = head;
    for record in &records {
        text.push_str(&record.text);
    }
    text.push('.');
    for (position, review) in &reviews[..kept] {
        digits(&mut text, *position as u64, 2);
        digits(&mut text, offset(review.at).unwrap_or(0), 7);
        let flags = (review.rating as u64 - 1)
            + if review.practice { 4 } else { 0 }
            + if review.undone { 8 } else { 0 };
        digits(&mut text, flags, 1);
    }
    Encoded {
        text,
        dropped_cards,
        dropped_reviews: reviews.len() - kept,
    }
}

/// Reads base-64 digits off a field.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn new(text: &'a str) -> Self {
        Reader {
            bytes: text.as_bytes(),
            at: 0,
        }
    }
    fn take(&mut self, width: usize) -> Result<u64, SuspendError> {
        let field = self
            .bytes
            .get(self.at..self.at + width)
            .ok_or(SuspendError::NotThisFormat)?;
        self.at += width;
        field.iter().try_fold(0u64, |v, b| {
            let d = DIGITS
                .iter()
                .position(|x| x == b)
                .ok_or(SuspendError::NotThisFormat)?;
            Ok(v * 64 + d as u64)
        })
    }
    fn done(&self) -> bool {
        self.at >= self.bytes.len()
    }
}

fn rating_from(flags: u64) -> Rating {
    Rating::ALL[(flags & 3) as usize]
}

/// The platform's copy, as progress, and the precision of its times (1 ms, or a minute for
/// `ic1`).
struct Decoded {
    progress: Progress,
    unit: f64,
}

fn decode(text: &str, launch: &Launch) -> Result<Decoded, SuspendError> {
    let parts: Vec<&str> = text.split('.').collect();
    match parts.first().copied() {
        Some("ic2") => decode_v2(&parts, launch),
        Some("ic1") => decode_v1(&parts, launch),
        Some(tag)
            if tag.len() >= 3
                && tag.starts_with("ic")
                && tag[2..].bytes().all(|b| b.is_ascii_digit()) =>
        {
            Err(SuspendError::Newer)
        }
        _ => Err(SuspendError::NotThisFormat),
    }
}

/// A card's entry in the platform's copy.
fn entry<'a>(
    cards: &'a mut BTreeMap<Rc<str>, Rc<CardProgress>>,
    launch: &Launch,
    position: u64,
) -> Result<&'a mut CardProgress, SuspendError> {
    let id = launch
        .cards
        .get(position as usize)
        .ok_or(SuspendError::NotThisFormat)?;
    Ok(Rc::make_mut(
        cards.entry(Rc::from(id.as_str())).or_default(),
    ))
}

/// What was read for each card becomes its log order, views and last sight (estimates: in a
/// browser that knows the card, [`restore`] lets its own stand).
fn finish(mut cards: BTreeMap<Rc<str>, Rc<CardProgress>>, launch: &Launch) -> Progress {
    for card in cards.values_mut() {
        let card = Rc::make_mut(card);
        card.log
            .sort_by(|a, b| a.at.total_cmp(&b.at).then(a.rating.cmp(&b.rating)));
        card.log
            .dedup_by(|x, y| x.at.total_cmp(&y.at).is_eq() && x.rating == y.rating);
        card.views = card.log.len() as u32;
        let latest = card
            .log
            .iter()
            .map(|r| r.at)
            .chain(card.memory.map(|m| m.last_review))
            .fold(0.0, f64::max);
        card.last_seen = card.last_seen.max(latest);
    }
    let mut progress = Progress::new(&launch.deck);
    progress.cards = cards;
    progress
}

/// Reviews, each a card's position (2 digits), its time (`time_width` digits, which `at` turns
/// into epoch ms) and its flags (1 digit: the rating, practice 4, undone 8), into `cards` in the
/// order written. `strict` refuses flags no writer sets (`ic2`; `ic1` is read as it always was).
fn read_reviews(
    text: &str,
    time_width: usize,
    at: &dyn Fn(u64) -> f64,
    strict: bool,
    cards: &mut BTreeMap<Rc<str>, Rc<CardProgress>>,
    launch: &Launch,
) -> Result<(), SuspendError> {
    let mut r = Reader::new(text);
    while !r.done() {
        let position = r.take(2)?;
        let time = at(r.take(time_width)?);
        let flags = r.take(1)?;
        if strict && flags > 15 {
            return Err(SuspendError::NotThisFormat);
        }
        entry(cards, launch, position)?.log.push(Review {
            rating: rating_from(flags),
            at: time,
            practice: flags & 4 != 0,
            undone: flags & 8 != 0,
        });
    }
    Ok(())
}

fn decode_v2(parts: &[&str], launch: &Launch) -> Result<Decoded, SuspendError> {
    let [_, deck, base, reset, card_text, review_text] = parts else {
        return Err(SuspendError::NotThisFormat);
    };
    if *deck != fingerprint(&launch.cards) {
        return Err(SuspendError::OtherDeck);
    }
    let base_ms = Reader::new(base).take(8)?;
    if base.len() != 8 {
        return Err(SuspendError::NotThisFormat);
    }
    let at = |offset: u64| (base_ms + offset) as f64;
    let mut cards: BTreeMap<Rc<str>, Rc<CardProgress>> = BTreeMap::new();
    let mut r = Reader::new(card_text);
    while !r.done() {
        let position = r.take(2)?;
        let flags = r.take(1)?;
        let (memory, set, switch, on) = (
            flags & 1 != 0,
            flags & 2 != 0,
            flags & 4 != 0,
            flags & 8 != 0,
        );
        if flags > 15 || !(memory || switch) || set && !memory || on && !switch {
            return Err(SuspendError::NotThisFormat);
        }
        let card = entry(&mut cards, launch, position)?;
        if memory {
            let stability = stability_from(r.take(2)?);
            let difficulty = 1.0 + r.take(2)? as f64 / 455.0;
            let last = at(r.take(7)?);
            let due = last + r.take(4)? as f64 * MINUTE;
            let reps = r.take(2)? as u32;
            let lapses = r.take(1)? as u32;
            let phase_step = r.take(1)? as u32;
            let phase = match phase_step / 21 {
                0 => Phase::Review,
                1 => Phase::Learning,
                2 => Phase::Relearning,
                _ => return Err(SuspendError::NotThisFormat),
            };
            let set_at = if set { at(r.take(7)?) } else { 0.0 };
            card.memory = Some(Memory {
                stability,
                difficulty,
                due,
                last_review: last,
                reps,
                lapses,
                set_at,
                phase,
                step: phase_step % 21,
            });
        }
        if switch {
            card.suspended = Some(Switch {
                on,
                at: at(r.take(7)?),
            });
        }
    }
    if review_text.len() % 10 != 0 {
        return Err(SuspendError::NotThisFormat);
    }
    read_reviews(review_text, 7, &at, true, &mut cards, launch)?;
    let mut progress = finish(cards, launch);
    if !reset.is_empty() {
        let mut r = Reader::new(reset);
        let mark = r.take(8)? as f64;
        let settled = if reset.len() == 16 {
            Some(r.take(8)? as f64)
        } else if reset.len() == 8 {
            None
        } else {
            return Err(SuspendError::NotThisFormat);
        };
        progress.resets.push(ResetMark {
            at: mark,
            undone: false,
            settled,
        });
    }
    Ok(Decoded {
        progress,
        unit: 1.0,
    })
}

/// The first encoding (`web/scorm.js` until issue 25): times to the minute, a memory per
/// 19 digits with stability on a logarithmic scale, a suspension as a flag.
fn decode_v1(parts: &[&str], launch: &Launch) -> Result<Decoded, SuspendError> {
    let (deck, base, reset, memories, reviews) = match parts {
        [_, d, b, r, m] => (*d, *b, *r, *m, ""),
        [_, d, b, r, m, v] => (*d, *b, *r, *m, *v),
        _ => return Err(SuspendError::NotThisFormat),
    };
    if memories.len() % 19 != 0 || reviews.len() % 7 != 0 {
        return Err(SuspendError::NotThisFormat);
    }
    if deck != fingerprint(&launch.cards) {
        return Err(SuspendError::OtherDeck);
    }
    let whole = |text: &str| Reader::new(text).take(text.len());
    let base = whole(base)?;
    let at = |minutes: u64| (base + minutes) as f64 * MINUTE;
    let mut cards: BTreeMap<Rc<str>, Rc<CardProgress>> = BTreeMap::new();
    let mut r = Reader::new(memories);
    while !r.done() {
        let card = entry(&mut cards, launch, r.take(2)?)?;
        let stability = (r.take(2)? as f64 / 200.0 - 7.0).exp().max(0.001);
        let difficulty = 1.0 + r.take(2)? as f64 / 455.0;
        let last = at(r.take(4)?);
        let due = last + r.take(4)? as f64 * MINUTE;
        let reps = r.take(2)? as u32;
        let lapses = r.take(1)? as u32;
        let phase_step = r.take(1)? as u32;
        let (phase, step) = match phase_step >> 4 {
            0 => (Phase::Review, 0),
            1 => (Phase::Learning, phase_step & 15),
            2 => (Phase::Relearning, phase_step & 15),
            _ => return Err(SuspendError::NotThisFormat),
        };
        card.memory = Some(Memory {
            stability,
            difficulty,
            due,
            last_review: last,
            reps,
            lapses,
            set_at: 0.0,
            phase,
            step,
        });
        if r.take(1)? == 1 {
            card.suspended = Some(Switch { on: true, at: last });
        }
    }
    read_reviews(reviews, 4, &at, false, &mut cards, launch)?;
    let mut progress = finish(cards, launch);
    if !reset.is_empty() {
        progress.resets.push(ResetMark {
            at: whole(reset)? as f64 * MINUTE,
            undone: false,
            settled: None,
        });
    }
    Ok(Decoded {
        progress,
        unit: MINUTE,
    })
}

/// The same instant to the encoding's precision.
fn same_time(a: f64, b: f64, unit: f64) -> bool {
    (a / unit).floor() == (b / unit).floor()
}

/// A time on a whole minute may be a copy that went through `ic1` (another browser read this
/// browser's review to the minute, then wrote it back in `ic2`): matched, as `ic1`'s are, to
/// this browser's review of the same card and rating in that minute when no review here has
/// its exact time. (A review made on the whole minute's very millisecond, beside another of the
/// same card and rating in the same minute, would be taken for it: one in 60,000.)
fn ic1_copy(at: f64) -> bool {
    at % MINUTE == 0.0
}

/// Is `theirs` (read back from the platform) the memory `ours` made rounded? Same last
/// review and undo time (to the precision), same counts and step (as far as they are kept).
fn same_memory(theirs: &Memory, ours: &Memory, unit: f64) -> bool {
    same_time(theirs.last_review, ours.last_review, unit)
        // (`ic1` kept no undo time.)
        && (unit != 1.0
            || theirs.set_at == 0.0 && ours.set_at == 0.0
            || theirs.set_at != 0.0 && same_time(theirs.set_at, ours.set_at, unit))
        && theirs.reps == ours.reps.min(4095)
        && theirs.lapses == ours.lapses.min(63)
        && theirs.phase == ours.phase
        && theirs.step == kept_step(ours, unit)
}

/// The step an encoding keeps of a memory: up to [`MAX_STEP`]; `ic1` kept none on day
/// intervals and at most 15 in steps.
fn kept_step(memory: &Memory, unit: f64) -> u32 {
    if unit == 1.0 {
        memory.step.min(MAX_STEP)
    } else if memory.phase == Phase::Review {
        0
    } else {
        memory.step.min(15)
    }
}

/// The platform's copy with what this browser already holds put back exactly: each review,
/// memory, switch and reset mark read back is, when this browser has it (to the encoding's
/// precision), replaced by this browser's own, so merging the two counts nothing twice. A
/// card's views and last sight are estimates from the log: where this browser knows the card,
/// they stand only for what it did not know.
fn reconcile(mut theirs: Progress, ours: &Progress, unit: f64) -> Progress {
    for (id, card) in theirs.cards.iter_mut() {
        let Some(mine) = ours.cards.get(id) else {
            continue;
        };
        let card = Rc::make_mut(card);
        let mut used = vec![false; mine.log.len()];
        let mut matched = vec![false; card.log.len()];
        // Same flags first, so an undone review and a kept one of the same minute keep theirs;
        // then a review on a whole minute as an `ic1` copy (see `ic1_copy`).
        let passes = [(unit, true), (unit, false), (MINUTE, true), (MINUTE, false)];
        for (pass, &(precision, exact_flags)) in passes.iter().enumerate() {
            if pass >= 2 && unit == MINUTE {
                break;
            }
            for (i, review) in card.log.iter_mut().enumerate() {
                if matched[i] || pass >= 2 && !ic1_copy(review.at) {
                    continue;
                }
                let found = mine.log.iter().enumerate().position(|(j, l)| {
                    !used[j]
                        && l.rating == review.rating
                        && same_time(l.at, review.at, precision)
                        && (!exact_flags
                            || l.undone == review.undone && l.practice == review.practice)
                });
                if let Some(j) = found {
                    used[j] = true;
                    matched[i] = true;
                    review.at = mine.log[j].at;
                }
            }
        }
        let mut news = f64::NEG_INFINITY;
        for (review, known) in card.log.iter().zip(&matched) {
            if !known {
                news = news.max(review.at);
            }
        }
        card.log
            .sort_by(|a, b| a.at.total_cmp(&b.at).then(a.rating.cmp(&b.rating)));
        match (card.memory, mine.memory) {
            (Some(m), Some(l)) if same_memory(&m, &l, unit) => card.memory = Some(l),
            (Some(m), _) => news = news.max(m.last_review),
            _ => {}
        }
        if let (Some(s), Some(l)) = (card.suspended, mine.suspended) {
            if s.on == l.on && same_time(s.at, l.at, unit) {
                card.suspended = Some(l);
            }
        }
        card.views = 0;
        card.last_seen = news.max(0.0);
    }
    for mark in &mut theirs.resets {
        let mine = ours
            .resets
            .iter()
            .find(|l| same_time(l.at, mark.at, unit))
            .or_else(|| {
                ours.resets
                    .iter()
                    .find(|l| ic1_copy(mark.at) && same_time(l.at, mark.at, MINUTE))
            });
        if let Some(mine) = mine {
            mark.at = mine.at;
            let settled_same = match (mark.settled, mine.settled) {
                (Some(a), Some(b)) => same_time(a, b, unit),
                (None, None) => true,
                _ => false,
            };
            if settled_same {
                mark.settled = mine.settled;
            }
        }
    }
    theirs.format = PROGRESS_FORMAT;
    theirs
}

/// The platform's copy of the progress, ready to merge into `ours` (this browser's): read from
/// `text` (either encoding) and reconciled with `ours`, so that merging counts no review
/// twice. Merging it into a browser that made it changes nothing.
pub fn restore(text: &str, launch: &Launch, ours: &Progress) -> Result<Progress, SuspendError> {
    let Decoded { progress, unit } = decode(text, launch)?;
    Ok(reconcile(progress, ours, unit))
}

/// What a package reports for some progress.
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    /// `cmi.core.lesson_status`: `completed` or `incomplete`.
    pub status: &'static str,
    /// `cmi.core.score.raw`, 0–100.
    pub score: u32,
    /// `cmi.suspend_data`, unless the platform's copy must be left as it is.
    pub suspend: Option<Encoded>,
}

/// Completion and score by the package's rule, and the suspend data to keep. With `reviewed`,
/// completed once every counted card has a review since the reset, and the score is the share
/// reviewed; with `mastered`, completed once `percent` % of the counted cards are mastered
/// (memory stable for 21 days or more, out of learning steps), the score the share mastered. A
/// status the platform already has as completed (or passed) is never lowered. `keep_platform`:
/// the platform's suspend data could not be read and must not be overwritten.
pub fn report(progress: &Progress, launch: &Launch, keep_platform: bool) -> Report {
    let counted = launch.counted.as_deref().unwrap_or(&launch.cards);
    let hidden = progress.reset_at();
    let mut reviewed = 0u64;
    let mut mastered = 0u64;
    for id in counted {
        let log = progress.cards.get(id.as_str()).map_or(&[][..], |c| &c.log);
        if log.iter().any(|r| r.at > hidden && r.counts()) {
            reviewed += 1;
        }
        let memory = progress.memory(id);
        if memory.is_some_and(|m| {
            m.phase == Phase::Review
                && m.stability >= crate::core::progress::MASTERED_STABILITY_DAYS
        }) {
            mastered += 1;
        }
    }
    let total = counted.len() as u64;
    let by_mastery = launch.complete == "mastered";
    let n = if by_mastery { mastered } else { reviewed };
    let done = if by_mastery {
        100 * n >= u64::from(launch.percent) * total
    } else {
        reviewed == total
    };
    let before = matches!(
        launch.lesson_status.as_deref(),
        Some("completed" | "passed")
    );
    let total = total.max(1);
    Report {
        status: if done || before {
            "completed"
        } else {
            "incomplete"
        },
        score: ((200 * n + total) / (2 * total)) as u32,
        suspend: (!keep_platform).then(|| encode(progress, &launch.cards)),
    }
}

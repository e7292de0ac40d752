//! A practice session: which cards are queued, where the learner is, and whether the card is
//! flipped; and today's study queue, built as Anki builds one, with its daily limits counted
//! from the review log. Pure, so every step is testable without a browser.

use crate::core::progress::{Progress, Review};
use crate::core::schedule::Memory;
use crate::core::stats::local_day;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Session {
    /// Indices into the deck's cards, in the order they are practised.
    queue: Vec<usize>,
    position: usize,
    flipped: bool,
}

impl Session {
    /// Starts at `start` when it is inside the queue, otherwise at the first card.
    pub fn new(queue: Vec<usize>, start: usize) -> Self {
        let position = if start < queue.len() { start } else { 0 };
        Self {
            queue,
            position,
            flipped: false,
        }
    }

    pub fn current(&self) -> Option<usize> {
        self.queue.get(self.position).copied()
    }

    pub fn card_at(&self, position: usize) -> Option<usize> {
        self.queue.get(position).copied()
    }

    /// Jumps to `position` (ignored when outside the queue), front side up.
    pub fn go_to(&mut self, position: usize) {
        if position < self.queue.len() {
            self.position = position;
            self.flipped = false;
        }
    }

    /// Takes the current card out of the queue; the next one moves into its place.
    pub fn remove_current(&mut self) {
        if self.position < self.queue.len() {
            self.queue.remove(self.position);
            if self.position >= self.queue.len() {
                self.position = 0;
            }
        }
        self.flipped = false;
    }

    /// Shows `card` again, answer up: where it is in the queue, or put back at the current
    /// place when it left the queue (a graded card leaves the review-due queue).
    pub fn bring_back(&mut self, card: usize) {
        match self.queue.iter().position(|&c| c == card) {
            Some(position) => self.position = position,
            None => {
                let at = self.position.min(self.queue.len());
                self.queue.insert(at, card);
                self.position = at;
            }
        }
        self.flipped = true;
    }

    /// Moves `card`, when queued and not on screen, to come right after the card on screen.
    pub fn put_next(&mut self, card: usize) {
        let (Some(at), p) = (self.queue.iter().position(|&c| c == card), self.position) else {
            return;
        };
        if at > p {
            move_to(&mut self.queue, at, p + 1);
        } else if at < p {
            move_to(&mut self.queue, at, p);
            self.position -= 1;
        }
    }

    /// Cards queued, in order.
    pub fn queued(&self) -> &[usize] {
        &self.queue
    }

    pub fn position(&self) -> usize {
        self.position
    }

    pub fn len(&self) -> usize {
        self.queue.len()
    }

    pub fn is_empty(&self) -> bool {
        self.queue.is_empty()
    }

    pub fn is_flipped(&self) -> bool {
        self.flipped
    }

    pub fn flip(&mut self) {
        if !self.queue.is_empty() {
            self.flipped = !self.flipped;
        }
    }

    /// Moves to the next card, wrapping after the last one; a new card always shows its front.
    pub fn next(&mut self) {
        if !self.queue.is_empty() {
            self.position = (self.position + 1) % self.queue.len();
            self.flipped = false;
        }
    }

    /// Moves to the previous card, wrapping before the first one.
    pub fn previous(&mut self) {
        if !self.queue.is_empty() {
            self.position = (self.position + self.queue.len() - 1) % self.queue.len();
            self.flipped = false;
        }
    }
}

/// Moves the card at `from` to `to`, the cards between shifting by one. (Not a slice's
/// `rotate` or `copy_within`, nor `Vec::remove` and `insert`: each costs the first visit more.)
pub fn move_to(queue: &mut [usize], from: usize, to: usize) {
    let mut k = from;
    while k != to {
        let next = if k < to { k + 1 } else { k - 1 };
        queue.swap(k, next);
        k = next;
    }
}

/// What a study session may give in one local day (Anki's defaults: 20 new cards, 200
/// reviews), and new cards added for one day only ("10 more new cards today").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    pub new_cards: u32,
    pub reviews: u32,
    /// New cards added on top of `new_cards` on local day `more_on` only.
    pub more_new: u32,
    pub more_on: i64,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            new_cards: 20,
            reviews: 200,
            more_new: 0,
            more_on: 0,
        }
    }
}

/// The largest daily limit a learner can set.
pub const MAX_DAILY: u32 = 9999;
/// New cards "more new cards today" adds each time.
pub const MORE_NEW: u32 = 10;

impl Limits {
    /// The saved form: new cards, reviews, new cards added and the local day they were added
    /// for, as "20;200;10;20615" ("20;200" reads too). (Hand-made, as `Settings::to_text`:
    /// serde would cost the first visit more.)
    pub fn to_text(&self) -> String {
        format!(
            "{};{};{};{}",
            self.new_cards, self.reviews, self.more_new, self.more_on
        )
    }

    /// Saved limits, or `None` when they cannot be read (the defaults apply then).
    pub fn read(text: &str) -> Option<Limits> {
        let mut n = [0u32; 4];
        let mut count = 0;
        for part in text.split(';') {
            *n.get_mut(count)? = part.parse().ok()?;
            count += 1;
        }
        let [new_cards, reviews, more_new, more_on] = n;
        ((count == 2 || count == 4) && new_cards.max(reviews).max(more_new) <= MAX_DAILY).then_some(
            Limits {
                new_cards,
                reviews,
                more_new,
                more_on: i64::from(more_on),
            },
        )
    }

    /// Adds [`MORE_NEW`] new cards to local day `day`.
    pub fn add_new(&mut self, day: i64) {
        if self.more_on != day {
            (self.more_on, self.more_new) = (day, 0);
        }
        self.more_new = (self.more_new + MORE_NEW).min(MAX_DAILY);
    }

    /// New cards and reviews still allowed on local day `day` after `done`.
    pub fn left(&self, day: i64, done: Done) -> (usize, usize) {
        let more = if self.more_on == day {
            self.more_new
        } else {
            0
        };
        (
            (self.new_cards + more).saturating_sub(done.new_cards) as usize,
            self.reviews.saturating_sub(done.reviews) as usize,
        )
    }
}

/// What was studied on one local day, read from the review log: new cards started (their
/// first review fell that day) and cards reviewed that day that had been started before.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Done {
    pub new_cards: u32,
    pub reviews: u32,
}

/// What was studied on local day `day` (`offset_min`: minutes east of UTC). Reviews only:
/// practice, undone grades and grades hidden by a reset do not count.
pub fn done_on(progress: &Progress, day: i64, offset_min: i32) -> Done {
    let since = progress.reset_at();
    let on = |r: &Review| local_day(r.at, offset_min);
    let counts = |r: &&Review| r.at > since && r.counts();
    let mut done = Done::default();
    for card in progress.cards.values() {
        let Some(first) = card.log.iter().find(counts) else {
            continue;
        };
        if on(first) == day {
            done.new_cards += 1;
        } else if on(first) < day
            && card
                .log
                .iter()
                .rev()
                .take_while(|r| on(r) >= day)
                .any(|r| counts(&r) && on(r) == day)
        {
            done.reviews += 1;
        }
    }
    done
}

/// Today's study queue, built as Anki builds one from `pool` (the deck positions the filter
/// leaves, none suspended or buried, sorted by due date: new cards, which have none, first in
/// deck order) and each card's `memory`: first the cards in learning or relearning steps whose
/// step is up, earliest first; then the due reviews, longest overdue first and at most
/// `reviews_left` of them, with new cards (deck order, at most `new_left`) spread evenly among
/// them.
pub fn study_queue(
    pool: &[usize],
    memory: impl Fn(usize) -> Option<Memory>,
    now_ms: f64,
    (new_left, reviews_left): (usize, usize),
) -> Vec<usize> {
    let (mut queue, mut reviews, mut new) = (Vec::new(), Vec::new(), Vec::new());
    for &i in pool {
        match memory(i) {
            None if new.len() < new_left => new.push(i),
            Some(m) if m.due <= now_ms && m.is_stepping() => queue.push(i),
            Some(m) if m.due <= now_ms => reviews.push(i),
            _ => {}
        }
    }
    reviews.truncate(reviews_left);
    // Review r sits (r + 1) / (R + 1) of the way through, new card n at (n + 1) / (N + 1):
    // taken in that order, new cards are spread evenly among the reviews.
    let (big_r, big_n) = (reviews.len() + 1, new.len() + 1);
    let (mut r, mut n) = (0, 0);
    while r < reviews.len() || n < new.len() {
        if n == new.len() || (r < reviews.len() && (r + 1) * big_n <= (n + 1) * big_r) {
            queue.push(reviews[r]);
            r += 1;
        } else {
            queue.push(new[n]);
            n += 1;
        }
    }
    queue
}

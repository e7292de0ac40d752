//! A practice session: which cards are queued, where the learner is, and whether the card is
//! flipped. Pure state transitions, so every step is testable without a browser.

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
